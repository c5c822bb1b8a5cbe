import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateDrift } from '../../read-model/aggregates';
import { tinyCounty } from '../../test/fixtures';
import { type Client, testApp } from '../../test/harness';

const { as, db, clock, secretaryOf } = await testApp();
const fx = await tinyCounty(db);
// Mid-July of a year: January to June are over, July is under way.
const YEAR = 2031;
clock.set(`${YEAR}-07-15T04:00:00Z`);
let secretary: Client;
let branchId: number;
let groupId: number;
let memberId: number;

beforeAll(async () => {
  const county = await as('county');
  branchId = (
    await county.post('/api/v1/orgs', {
      parentId: fx.t1.id,
      name: '工作制度党支部',
      level: 'branch',
      kind: 'village',
    })
  ).json().id;
  const ids: number[] = [];
  for (const name of ['赵', '钱', '孙'])
    ids.push(
      (
        await county.post('/api/v1/members', {
          orgId: branchId,
          name,
          gender: 'male',
          status: 'full',
          statusDate: '2020-01-01',
        })
      ).json().id,
    );
  memberId = ids[0]!;
  groupId = (
    await county.post(`/api/v1/orgs/${branchId}/groups`, {
      name: '第一党小组',
      kind: 'residence',
      memberIds: ids,
      leaderId: ids[0],
    })
  ).json().id;
  secretary = await secretaryOf(branchId);
});

/** A meeting of the group on the 10th of a month (China time), as the secretary records it. */
const meeting = async (month: number, kind: string) => {
  const res = await secretary.post(`/api/v1/groups/${groupId}/activities`, {
    kind,
    title: `第一党小组${month}月`,
    startsAt: `${YEAR}-${String(month).padStart(2, '0')}-10T19:00:00+08:00`,
    minutes: 60,
    memberIds: [memberId],
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
};

const kept = async () =>
  (await secretary.get(`/api/v1/orgs/${branchId}/group-systems/kept?year=${YEAR}`)).json().groups[0];
type Kept = { system: string; due: number; kept: number; missed: { from: string }[] };
const system = (g: { systems: Kept[] }, name: string) => g.systems.find((s) => s.system === name);

describe('working systems kept, from the meetings that exist', () => {
  it('the branch sets its systems; until then the defaults hold', async () => {
    expect((await secretary.get(`/api/v1/orgs/${branchId}/group-systems`)).json()).toMatchObject({
      isDefault: true,
      systems: { study: 'monthly', contact_masses: 'quarterly' },
    });
    const set = await secretary.put(`/api/v1/orgs/${branchId}/group-systems`, {
      systems: { study: 'monthly', contact_masses: 'quarterly', organizational_life: 'monthly' },
    });
    expect(set.json()).toMatchObject({ isDefault: false });
    const none = await secretary.put(`/api/v1/orgs/${branchId}/group-systems`, { systems: {} });
    expect(none.json().error.field).toBe('systems');
    const wrong = await secretary.put(`/api/v1/orgs/${branchId}/group-systems`, {
      systems: { study: 'daily' },
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('equals the hand count: study in 3 of 6 months, the masses in 1 of 2 quarters, life in 5 of 6', async () => {
    await meeting(1, 'collective_study');
    await meeting(2, 'collective_study');
    await meeting(2, 'collective_study');
    await meeting(3, 'heart_to_heart');
    await meeting(4, 'collective_study');
    await meeting(5, 'contact_masses');
    // July is under way: a meeting in it counts when July has ended, never against the group now.
    await meeting(7, 'collective_study');
    const g = await kept();
    expect(system(g, 'study')).toMatchObject({ due: 6, kept: 3 });
    expect(system(g, 'study')!.missed.map((w) => w.from)).toEqual([`${YEAR}-03`, `${YEAR}-05`, `${YEAR}-06`]);
    expect(system(g, 'contact_masses')).toMatchObject({ due: 2, kept: 1 });
    expect(system(g, 'organizational_life')).toMatchObject({ due: 6, kept: 5 });
    expect(g.keepsAll).toBe(false);
    expect(await aggregateDrift(db)).toEqual([]);
  });

  it('a cancelled meeting stops keeping its month, and the kept counts still equal a recount', async () => {
    const june = await meeting(6, 'collective_study');
    expect(system(await kept(), 'study')).toMatchObject({ kept: 4 });
    const cancel = await secretary.post(`/api/v1/activities/${june}/cancel`, { reason: '记录有误' });
    expect(cancel.statusCode).toBe(200);
    expect(system(await kept(), 'study')).toMatchObject({ kept: 3 });
    expect(await aggregateDrift(db)).toEqual([]);
  });

  it('a member of another branch sees none of it', async () => {
    const other = await as('secretary1');
    expect((await other.get(`/api/v1/orgs/${branchId}/group-systems/kept?year=${YEAR}`)).statusCode).toBe(
      404,
    );
  });
});

describe('the dashboard’s roll-up', () => {
  it('counts the groups keeping each system as the branch’s own table judges them', async () => {
    const county = await as('county');
    const summary = (
      await county.get(`/api/v1/orgs/${branchId}/group-systems/summary?from=${YEAR}-01-01&to=${YEAR}-12-31`)
    ).json();
    const table = await kept();
    expect(summary.groups).toBe(1);
    expect(summary.keepingAll).toBe(table.keepsAll ? 1 : 0);
    for (const s of table.systems.filter((r: Kept) => r.due > 0))
      expect(summary.bySystem).toContainEqual({
        system: s.system,
        groups: 1,
        keeping: s.kept === s.due ? 1 : 0,
      });
    // Seen from the township above, the same group is counted once among all of its groups.
    const above = (
      await county.get(`/api/v1/orgs/${fx.t1.id}/group-systems/summary?from=${YEAR}-01-01&to=${YEAR}-12-31`)
    ).json();
    expect(above.groups).toBeGreaterThanOrEqual(1);
    const bad = await county.get(
      `/api/v1/orgs/${branchId}/group-systems/summary?from=${YEAR}-12-31&to=${YEAR}-01-01`,
    );
    expect(bad.json().error.field).toBe('to');
  });
});
