import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../../common/dates';
import { verifyChain } from '../../core/ledger/chain';
import { aggregateDrift } from '../../read-model/aggregates';
import { tinyCounty } from '../../test/fixtures';
import { type Client, testApp } from '../../test/harness';
import { multipart, photo } from '../../test/uploads';
import { runAlerts } from '../alerts/index';

const { as, db, clock, config, secretaryOf } = await testApp();
const fx = await tinyCounty(db);
const HOUR = 3_600_000;
type M = { id: number; name: string };
let county: Client;
let secretary: Client;
let leader: Client;
let outsider: Client;
let branchId: number;
let people: Record<string, M>;
let groupA: number;
let groupB: number;
const idOf = (name: string) => people[name]!.id;

/**
 * A branch of its own: group A (甲 leads; 乙, 丁; and 己 as a second group), group B (丙, 戊, 己),
 * an activist (庚) in none; 甲 and 戊 have accounts.
 */
beforeAll(async () => {
  county = await as('county');
  branchId = (
    await county.post('/api/v1/orgs', {
      parentId: fx.t1.id,
      name: '小组活动党支部',
      level: 'branch',
      kind: 'village',
    })
  ).json().id;
  const add = async (name: string, status: string) =>
    (
      await county.post('/api/v1/members', {
        orgId: branchId,
        name,
        gender: 'female',
        status,
        statusDate: '2020-01-01',
      })
    ).json() as M;
  people = {};
  for (const [name, status] of [
    ['甲', 'full'],
    ['乙', 'full'],
    ['丙', 'full'],
    ['丁', 'probationary'],
    ['戊', 'probationary'],
    ['己', 'full'],
    ['庚', 'activist'],
  ] as const)
    people[name] = await add(name, status);
  const id = (n: string) => people[n]!.id;
  groupB = (
    await county.post(`/api/v1/orgs/${branchId}/groups`, {
      name: '第二党小组',
      kind: 'work',
      memberIds: [id('丙'), id('戊'), id('己')],
      leaderId: id('丙'),
    })
  ).json().id;
  const a = await county.post(`/api/v1/orgs/${branchId}/groups`, {
    name: '第一党小组',
    kind: 'other',
    kindName: '微信群小组',
    memberIds: [id('甲'), id('乙'), id('丁')],
    secondMemberIds: [id('己')],
    leaderId: id('甲'),
  });
  expect(a.statusCode).toBe(201);
  groupA = a.json().id;
  for (const [name, username] of [
    ['甲', 'leader-jia'],
    ['戊', 'member-wu'],
  ])
    expect(
      (await county.post(`/api/v1/members/${id(name!)}/account`, { username, password: 'a-long-secret' }))
        .statusCode,
    ).toBe(201);
  leader = await as('leader-jia', 'a-long-secret');
  outsider = await as('member-wu', 'a-long-secret');
  secretary = await as('secretary1');
});

const record = (client: Client, group: number, body: Record<string, unknown>) =>
  client.post(`/api/v1/groups/${group}/activities`, {
    kind: 'collective_study',
    title: '第一党小组集中学习',
    startsAt: new Date(clock.now().getTime() - 2 * HOUR).toISOString(),
    minutes: 60,
    memberIds: [idOf('甲'), idOf('乙')],
    notes: '学习党章第一章\n讨论村里秋收互助',
    ...body,
  });

const count = async (table: string) =>
  (await db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]!.n;

describe('group setting', () => {
  it('names a kind of its own, and lists the second members after the group’s own', async () => {
    const groups = (await county.get(`/api/v1/orgs/${branchId}/groups`)).json().items;
    const a = groups.find((g: { id: number }) => g.id === groupA);
    expect(a.kind).toBe('other');
    expect(a.kindName).toBe('微信群小组');
    expect(a.members.map((m: { name: string; second: boolean }) => [m.name, m.second])).toEqual([
      ['甲', false],
      ['乙', false],
      ['丁', false],
      ['己', true],
    ]);
  });

  it('refuses a second group for one without an own group, and a third group, naming the field', async () => {
    const noOwn = await county.patch(`/api/v1/groups/${groupB}`, {
      secondMemberIds: [idOf('甲'), idOf('庚')],
    });
    expect(noOwn.statusCode).toBe(422);
    expect(noOwn.json().error.field).toBe('secondMemberIds');
    const third = await county.post(`/api/v1/orgs/${branchId}/groups`, {
      name: '第三党小组',
      kind: 'online',
      memberIds: [],
      secondMemberIds: [idOf('己')],
      leaderId: null,
    });
    expect(third.json().error.code).toBe('group_member_second_elsewhere');
  });

  it('counts a second member towards the group’s rules: without 己, B still meets them; A keeps four', async () => {
    const res = await county.patch(`/api/v1/groups/${groupA}`, { secondMemberIds: [] });
    expect(res.statusCode).toBe(200);
    expect(res.json().members).toHaveLength(3);
    const back = await county.patch(`/api/v1/groups/${groupA}`, { secondMemberIds: [idOf('己')] });
    expect(back.json().members).toHaveLength(4);
  });
});

describe('a group activity recorded by the group leader', () => {
  it('is one party group meeting of the branch: expected its group, attendance, minutes and a sealed ledger', async () => {
    const res = await record(leader, groupA, {});
    expect(res.statusCode).toBe(201);
    const made = res.json();
    expect(made).toMatchObject({
      groupId: groupA,
      kind: 'collective_study',
      present: 2,
      expected: 4,
      photos: 0,
    });

    const activity = (await county.get(`/api/v1/activities/${made.id}`)).json();
    expect(activity.type).toBe('party_group_meeting');
    // Notes and someone present make a group meeting's ledger complete; a photo is welcome, not owed.
    expect(activity.completeness).toEqual({ materials: true, attendance: true, records: true });
    const list = (await county.get(`/api/v1/activities/${made.id}/attendance`)).json();
    expect(list.members.map((m: { name: string; status: string }) => `${m.name}:${m.status}`).sort()).toEqual(
      ['丁:absent', '己:absent', '乙:present', '甲:present'].sort(),
    );
    expect(list.counts).toMatchObject({ members: 4, present: 2 });
    const kinds = (
      await db.execute<{ kind: string }>(
        sql`SELECT kind FROM ledger_entries WHERE activity_id = ${made.id} ORDER BY seq`,
      )
    ).rows.map((r) => r.kind);
    expect(kinds).toEqual(['recorded', 'minutes', 'attendance_sealed']);
    expect((await verifyChain(db, branchId)).brokenAt).toBeNull();
  });

  it('takes a photo in the same request, through the photo checks', async () => {
    const held = new Date(clock.now().getTime() - 3 * HOUR);
    const body = {
      kind: 'volunteer_service',
      title: '第一党小组志愿服务',
      startsAt: held.toISOString(),
      minutes: 90,
      memberIds: [idOf('甲'), idOf('丁'), idOf('己')],
      place: '村东头晒谷场',
    };
    const form = multipart([{ name: 'photo.jpg', data: await photo(held), type: 'image/jpeg' }], {
      body: JSON.stringify(body),
    });
    const res = await leader.post(`/api/v1/groups/${groupA}/activities`, form.body, {
      'content-type': form.type,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ photos: 1, present: 3, place: '村东头晒谷场' });
  });

  it('shows in the member’s own groups with its latest meetings, and whom it counts for', async () => {
    const mine = (await leader.get('/api/v1/me/groups')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: groupA, leads: true, own: true });
    expect(mine[0].recent.map((a: { kind: string }) => a.kind)).toEqual([
      'collective_study',
      'volunteer_service',
    ]);
  });
});

describe('refusals, with nothing written', () => {
  const refused = async (client: Client, group: number, body: Record<string, unknown>) => {
    const before = [await count('activities'), await count('attendance'), await count('ledger_entries')];
    const res = await record(client, group, body);
    expect([await count('activities'), await count('attendance'), await count('ledger_entries')]).toEqual(
      before,
    );
    return res;
  };

  it('a meeting that has not ended yet', async () => {
    const res = await refused(leader, groupA, {
      startsAt: new Date(clock.now().getTime() + HOUR).toISOString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      field: 'startsAt',
      message: '小组活动结束后再记录：结束时间不能晚于现在',
    });
  });

  it('no one present, a member of another branch, one who is not a Party member', async () => {
    expect((await refused(leader, groupA, { memberIds: [] })).json().error.field).toBe('memberIds');
    const other = await fx.memberIn(fx.b1.id);
    const elsewhere = await refused(leader, groupA, { memberIds: [idOf('甲'), other.id] });
    expect(elsewhere.json().error).toMatchObject({ code: 'group_activity_other_branch', field: 'memberIds' });
    expect(elsewhere.body).not.toContain(other.name);
    const activist = await refused(leader, groupA, { memberIds: [idOf('庚')] });
    expect(activist.json().error.code).toBe('group_activity_not_party_member');
  });

  it('a kind outside the list and a form whose JSON is unreadable', async () => {
    expect((await refused(leader, groupA, { kind: 'picnic' })).json().error.field).toBe('kind');
    const form = multipart([], { body: '{not json' });
    const res = await leader.post(`/api/v1/groups/${groupA}/activities`, form.body, {
      'content-type': form.type,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('body');
  });

  it('a member who does not lead the group, and a secretary of another branch (who does not see it)', async () => {
    expect((await refused(outsider, groupA, {})).statusCode).toBe(403);
    expect((await refused(secretary, groupA, {})).statusCode).toBe(404);
  });
});

describe('once, everywhere', () => {
  it('the branch’s secretary records too; the county, which supervises, does not', async () => {
    const res = await record(county, groupB, { memberIds: [idOf('丙')] });
    expect(res.statusCode).toBe(403);
  });

  it('counts once in the branch’s figures: a party group meeting, its participants, its member’s history', async () => {
    const branchSecretary = await secretaryOf(branchId);
    const year = chinaDate(clock.now()).slice(0, 4);
    const stats = async () =>
      (
        await branchSecretary.get(`/api/v1/orgs/${branchId}/stats?from=${year}-01-01&to=${year}-12-31`)
      ).json();
    const before = await stats();
    const res = await record(branchSecretary, groupB, {
      memberIds: [idOf('丙'), idOf('戊')],
      kind: 'contact_masses',
      title: '第二党小组走访群众',
    });
    expect(res.statusCode).toBe(201);
    const after = await stats();
    expect(after.figures.activities - before.figures.activities).toBe(1);
    expect(after.figures.byType.party_group_meeting - (before.figures.byType.party_group_meeting ?? 0)).toBe(
      1,
    );
    expect(after.figures.memberTimes - before.figures.memberTimes).toBe(2);
    const listed = after.activities.filter((a: { id: number }) => a.id === res.json().id);
    expect(listed).toHaveLength(1);
    const history = (await outsider.get('/api/v1/me/activities')).json();
    expect(JSON.stringify(history)).toContain('第二党小组走访群众');
    expect(await aggregateDrift(db)).toEqual([]);
  });
});

describe('another group’s meeting is not the member’s to miss', () => {
  it('stays out of the member’s record and rate, and out of "absent three times in a row"', async () => {
    // 戊 is in group B; group A meets three times more without them.
    for (const title of ['甲组学习一', '甲组学习二', '甲组学习三'])
      expect((await record(leader, groupA, { title })).statusCode).toBe(201);
    const mine = (await outsider.get('/api/v1/me/activities')).json();
    expect(JSON.stringify(mine.history)).not.toContain('甲组学习');
    expect(mine.history.every((h: { status: string }) => h.status === 'present')).toBe(true);
    await runAlerts(db, config, clock.now());
    const absent = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM alerts WHERE kind = 'member_absent' AND member_id = ${idOf('戊')}`,
    );
    expect(absent.rows[0]!.n).toBe(0);
  });
});
