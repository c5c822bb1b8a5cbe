import { beforeAll, describe, expect, it } from 'vitest';
import { tinyCounty } from '../../test/fixtures';
import { type Client, testApp } from '../../test/harness';

const { as, db } = await testApp();
const fx = await tinyCounty(db);
let secretary: Client;
let branchId: number;
type M = { id: number; name: string; status: string };
let full: M[];
let probationary: M[];

/** A fresh branch with a known mix of members, so group rules are tested on exact numbers. */
beforeAll(async () => {
  const county = await as('county');
  branchId = (
    await county.post('/api/v1/orgs', {
      parentId: fx.t1.id,
      name: '小组测试党支部',
      level: 'branch',
      kind: 'village',
    })
  ).json().id;
  const add = async (name: string, status: string) =>
    (
      await county.post('/api/v1/members', {
        orgId: branchId,
        name,
        gender: 'male',
        status,
        statusDate: '2020-01-01',
      })
    ).json() as M;
  full = [await add('甲', 'full'), await add('乙', 'full'), await add('丙', 'full')];
  probationary = [
    await add('丁', 'probationary'),
    await add('戊', 'probationary'),
    await add('己', 'probationary'),
  ];
  await add('庚', 'activist');
  secretary = county;
});

const create = (memberIds: number[], leaderId: number | null, name = '第一党小组') =>
  secretary.post(`/api/v1/orgs/${branchId}/groups`, { name, kind: 'residence', memberIds, leaderId });

describe('party group rules', () => {
  it('refuses a group of fewer than three, saying so', async () => {
    const res = await create([full[0]!.id, full[1]!.id], full[0]!.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toEqual({
      code: 'group_too_few_members',
      message: '党小组至少需要 3 名成员，当前只有 2 名',
      field: 'memberIds',
    });
  });

  it('refuses a group without a full member', async () => {
    const res = await create(
      probationary.map((m) => m.id),
      null,
    );
    expect(res.json().error.code).toBe('group_needs_full_member');
  });

  it('refuses a probationary leader', async () => {
    const res = await create([full[0]!.id, probationary[0]!.id, probationary[1]!.id], probationary[0]!.id);
    expect(res.json().error).toMatchObject({ code: 'group_probationary_leader', field: 'leaderId' });
  });

  it('refuses members who are not yet Party members, and members of another branch', async () => {
    const activist = (await secretary.get(`/api/v1/members?orgId=${branchId}&status=activist`)).json()
      .items[0];
    expect((await create([...full.map((m) => m.id), activist.id], null)).json().error.code).toBe(
      'group_not_party_member',
    );
    const stranger = await fx.memberIn(fx.b1.id);
    expect((await create([...full.map((m) => m.id), stranger.id], null)).json().error.code).toBe(
      'group_member_not_in_branch',
    );
  });

  it('a member outside the actor’s scope is not found, and the answer does not name them', async () => {
    const township = await as('township1');
    const foreign = await fx.memberIn(fx.b2.id);
    const res = await township.post(`/api/v1/orgs/${branchId}/groups`, {
      name: '跨镇党小组',
      kind: 'residence',
      memberIds: [...full.map((m) => m.id), foreign.id],
      leaderId: null,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.field).toBe('memberIds');
    expect(res.body).not.toContain(foreign.name);
  });

  it('creates a valid group and writes nothing for a refused one', async () => {
    const before = (await secretary.get(`/api/v1/orgs/${branchId}/groups`)).json().items.length;
    expect(before).toBe(0);
    const res = await create([full[0]!.id, probationary[0]!.id, probationary[1]!.id], full[0]!.id);
    expect(res.statusCode).toBe(201);
    expect(
      res
        .json()
        .members.map((m: M) => m.id)
        .sort(),
    ).toEqual([full[0]!.id, probationary[0]!.id, probationary[1]!.id].sort());
    const member = (await secretary.get(`/api/v1/members/${full[0]!.id}`)).json();
    expect(member.groupName).toBe('第一党小组');
    expect((await secretary.get(`/api/v1/orgs/${branchId}/groups`)).json().items).toHaveLength(1);
  });

  it('refuses an update that would leave two members, and keeps the group as it was', async () => {
    const group = (await secretary.get(`/api/v1/orgs/${branchId}/groups`)).json().items[0];
    const res = await secretary.patch(`/api/v1/groups/${group.id}`, {
      memberIds: [full[0]!.id, probationary[0]!.id],
    });
    expect(res.json().error.code).toBe('group_too_few_members');
    expect((await secretary.get(`/api/v1/orgs/${branchId}/groups`)).json().items[0].members).toHaveLength(3);
  });

  it('refuses a member already in another group', async () => {
    const res = await create([full[0]!.id, full[1]!.id, full[2]!.id], full[1]!.id, '第二党小组');
    expect(res.json().error).toMatchObject({
      code: 'group_member_in_other_group',
      message: '党员“甲”已在党小组“第一党小组”中',
    });
  });

  it('refuses a transfer that would break the group, and allows it once the group is larger', async () => {
    const group = (await secretary.get(`/api/v1/orgs/${branchId}/groups`)).json().items[0];
    const refused = await secretary.post(`/api/v1/members/${probationary[0]!.id}/transfer`, {
      orgId: fx.b1.id,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe(
      '此操作会使党小组“第一党小组”少于 3 人或没有正式党员，请先调整该党小组',
    );
    expect((await secretary.get(`/api/v1/members/${probationary[0]!.id}`)).json().orgId).toBe(branchId);

    const grown = await secretary.patch(`/api/v1/groups/${group.id}`, {
      memberIds: [full[0]!.id, probationary[0]!.id, probationary[1]!.id, probationary[2]!.id],
    });
    expect(grown.statusCode).toBe(200);
    const moved = await secretary.post(`/api/v1/members/${probationary[0]!.id}/transfer`, {
      orgId: fx.b1.id,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ orgId: fx.b1.id, groupId: null });
  });

  it('refuses to let the only full member leave', async () => {
    const group = (await secretary.get(`/api/v1/orgs/${branchId}/groups`)).json().items[0];
    const res = await secretary.post(`/api/v1/members/${full[0]!.id}/transfer`, { orgId: fx.b1.id });
    expect(res.json().error.code).toBe('group_would_break');
    expect(group.leaderId).toBe(full[0]!.id);
  });

  it('deletes a group and frees its members', async () => {
    const group = (await secretary.get(`/api/v1/orgs/${branchId}/groups`)).json().items[0];
    expect((await secretary.delete(`/api/v1/groups/${group.id}`)).statusCode).toBe(200);
    expect((await secretary.get(`/api/v1/members/${full[0]!.id}`)).json().groupId).toBeNull();
  });
});
