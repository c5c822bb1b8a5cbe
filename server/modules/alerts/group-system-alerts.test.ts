import { beforeAll, describe, expect, it } from 'vitest';
import { tinyCounty } from '../../test/fixtures';
import { type Client, testApp } from '../../test/harness';
import { runAlerts } from './alerts.service';

const { as, db, clock, config, secretaryOf } = await testApp();
const fx = await tinyCounty(db);
// Mid-July: the windows that ended in the last two months are May and June.
const YEAR = 2031;
clock.set(`${YEAR}-07-15T04:00:00Z`);
let secretary: Client;
let branchId: number;
let leaderId: number;

/** A branch with one group (赵 leads) that studied in January, February and April, then not again. */
beforeAll(async () => {
  const county = await as('county');
  branchId = (
    await county.post('/api/v1/orgs', {
      parentId: fx.t1.id,
      name: '制度预警党支部',
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
  leaderId = ids[0]!;
  const groupId = (
    await county.post(`/api/v1/orgs/${branchId}/groups`, {
      name: '第一党小组',
      kind: 'residence',
      memberIds: ids,
      leaderId,
    })
  ).json().id;
  secretary = await secretaryOf(branchId);
  await secretary.put(`/api/v1/orgs/${branchId}/group-systems`, {
    systems: { study: 'monthly', organizational_life: 'monthly' },
  });
  for (const month of ['01', '02', '04'])
    await secretary.post(`/api/v1/groups/${groupId}/activities`, {
      kind: 'collective_study',
      title: '集中学习',
      startsAt: `${YEAR}-${month}-10T19:00:00+08:00`,
      minutes: 60,
      memberIds: [leaderId],
    });
});

const missed = (list: { items: { kind: string; message: string }[] }) =>
  list.items
    .filter((a) => a.kind === 'group_system_missed')
    .map((a) => a.message)
    .sort();

describe('a system not kept alerts the group leader and the secretary, once', () => {
  it('raises one alert per system and window that ended in the last two months, and no second time', async () => {
    await runAlerts(db, config, clock.now());
    await runAlerts(db, config, clock.now());
    const expected = [
      `第一党小组在 ${YEAR}-05 未落实学习制度：请组长安排相应的小组活动`,
      `第一党小组在 ${YEAR}-05 未落实组织生活制度：请组长安排相应的小组活动`,
      `第一党小组在 ${YEAR}-06 未落实学习制度：请组长安排相应的小组活动`,
      `第一党小组在 ${YEAR}-06 未落实组织生活制度：请组长安排相应的小组活动`,
    ];
    expect(missed((await secretary.get('/api/v1/alerts?status=open')).json())).toEqual(expected);

    const county = await as('county');
    await county.post(`/api/v1/members/${leaderId}/account`, {
      username: 'leader-zhao',
      password: 'a-long-secret',
    });
    const leader = await as('leader-zhao', 'a-long-secret');
    const seen = (await leader.get('/api/v1/alerts?status=open')).json();
    expect(missed(seen)).toEqual(expected);
    const elsewhere = (await (await as('secretary1')).get('/api/v1/alerts?status=open')).json();
    expect(elsewhere.items.map((a: { orgId: number }) => a.orgId)).not.toContain(branchId);

    // The leader sees to one; it is seen to for the secretary too.
    const first = seen.items.find((a: { kind: string }) => a.kind === 'group_system_missed');
    expect((await leader.post(`/api/v1/alerts/${first.id}/ack`)).statusCode).toBe(200);
    expect(missed((await secretary.get('/api/v1/alerts?status=open')).json())).toHaveLength(3);
  });
});
