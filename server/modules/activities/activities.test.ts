import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { webhookReceiver } from '../../test/receiver';
import { daysFromToday } from '../../test/test-clock';
import { pendingDeliveries } from '../notices/index';

// The test robot listens on this machine: allowed here as an operator would allow a self-hosted one.
const { as, secretaryOf, db, clock } = await testApp({ webhookHosts: ['127.0.0.1'] });
const fx = await tinyCounty(db);
const secretary = await as('secretary1');
const member = await as('member1');

const at = (date: string, time: string) => `${date}T${time}:00+08:00`;
// Next year by the app's clock: every month of it is still to come, whatever today is.
const NEXT = Number(daysFromToday(clock, 0).slice(0, 4)) + 1;
// A branch with no history, so the calendar's states are exactly what these tests make.
const fresh = (
  await (
    await as('county')
  ).post('/api/v1/orgs', {
    parentId: fx.t1.id,
    name: '新建村党支部',
    level: 'branch',
    kind: 'village',
    fixedDay: { rule: { kind: 'day_of_month', day: 1 }, holidayRule: 'next_working_day' },
  })
).json();
const settle = () => Promise.all([...pendingDeliveries]);
const county = await as('county');

describe('the yearly calendar', () => {
  it('places every month’s fixed day by the branch’s rule, with holidays moved', async () => {
    const res = await county.get(`/api/v1/orgs/${fresh.id}/calendar?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const cal = res.json();
    expect(cal.months).toHaveLength(12);
    expect(cal.months[9]).toMatchObject({ month: 10, ruleDate: '2026-10-01', holiday: '国庆节' });
    expect(cal.months[9].fixedDate > '2026-10-01').toBe(true);
    // Past months with nothing held show as missed, not locked.
    expect(cal.months[2].state).toBe('missed');
    const one = (await county.get(`/api/v1/orgs/${fresh.id}/calendar?year=2026&month=10`)).json();
    expect(one.months).toHaveLength(1);
  });

  it('refuses a month that is not in the year, naming it', async () => {
    const res = await secretary.put(`/api/v1/orgs/${fx.b1.id}/plans/${NEXT}/13`, {
      theme: 'study_training',
      title: 'x',
      kinds: ['policy_study'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'month', message: '月份：应在 1–12 之间' });
    const zero = await secretary.get(`/api/v1/orgs/${fx.b1.id}/calendar?year=${NEXT}&month=0`);
    expect(zero.json().error.field).toBe('month');
  });
});

describe('plans and recommended themes', () => {
  it('keeps a plan an activity was scheduled from, saying why, and deletes an unused one', async () => {
    const plan = async (month: number) =>
      (
        await secretary.put(`/api/v1/orgs/${fx.b1.id}/plans/${NEXT}/${month}`, {
          theme: 'study_training',
          title: `${month}月学习`,
          kinds: ['policy_study'],
        })
      ).json();
    const used = await plan(7);
    const held = await secretary.post('/api/v1/activities', {
      orgId: fx.b1.id,
      type: 'themed_party_day',
      title: '七月主题党日',
      startsAt: at(`${NEXT}-07-15`, '09:00'),
      endsAt: at(`${NEXT}-07-15`, '13:00'),
      planEntryId: used.id,
    });
    expect(held.statusCode, held.body).toBe(201);
    const refused = await secretary.delete(`/api/v1/orgs/${fx.b1.id}/plans/${NEXT}/7`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'plan_in_use',
      message: expect.stringContaining('可以修改'),
    });
    const plans = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/plans?year=${NEXT}`)).json().items;
    expect(plans.map((p: { id: number }) => p.id)).toContain(used.id);
    await plan(8);
    expect((await secretary.delete(`/api/v1/orgs/${fx.b1.id}/plans/${NEXT}/8`)).statusCode).toBe(200);
  });

  it('a supervisor recommends a theme and the branch adopts it in one click, then adapts it', async () => {
    const county = await as('county');
    const rec = await county.post(`/api/v1/orgs/${fx.county.id}/recommendations`, {
      year: NEXT,
      month: 3,
      theme: 'volunteer_service',
      title: '学雷锋志愿服务',
      kinds: ['volunteer_service'],
      note: '结合三月学雷锋月',
    });
    expect(rec.statusCode).toBe(201);
    const seen = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/recommendations?year=${NEXT}`)).json().items;
    expect(seen.map((r: { id: number }) => r.id)).toContain(rec.json().id);
    const adopted = await secretary.post(`/api/v1/orgs/${fx.b1.id}/plans/${NEXT}/3/adopt`, {
      recommendationId: rec.json().id,
    });
    expect(adopted.json()).toMatchObject({
      month: 3,
      theme: 'volunteer_service',
      title: '学雷锋志愿服务',
      recommendationId: rec.json().id,
      late: false,
    });
    const adapted = await secretary.put(`/api/v1/orgs/${fx.b1.id}/plans/${NEXT}/3`, {
      theme: 'volunteer_service',
      title: '学雷锋·村道清扫',
      kinds: ['volunteer_service', 'pairing_assistance'],
    });
    expect(adapted.json()).toMatchObject({ title: '学雷锋·村道清扫', recommendationId: null });
    const cal = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/calendar?year=${NEXT}`)).json();
    expect(cal.months[2]).toMatchObject({ state: 'planned', plan: { title: '学雷锋·村道清扫' } });
    expect(cal.months[3].state).toBe('missing_plan');
  });

  it('flags a plan written within five days of the fixed day as late, but saves it', async () => {
    const res = await (await secretaryOf(fresh.id)).put(`/api/v1/orgs/${fresh.id}/plans/${NEXT - 2}/1`, {
      theme: 'study_training',
      title: '补录计划',
      kinds: ['policy_study'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().late).toBe(true);
  });

  it('a member reads the plan but may not write it; a township cannot publish to a branch', async () => {
    expect((await member.get(`/api/v1/orgs/${fx.b1.id}/plans?year=${NEXT}`)).statusCode).toBe(200);
    expect((await member.get(`/api/v1/orgs/${fx.b1.id}/calendar?year=${NEXT}`)).json().canManage).toBe(false);
    expect((await secretary.get(`/api/v1/orgs/${fx.b1.id}/calendar?year=${NEXT}`)).json().canManage).toBe(
      true,
    );
    expect(
      (
        await member.put(`/api/v1/orgs/${fx.b1.id}/plans/${NEXT}/4`, {
          theme: 'study_training',
          title: 'x',
          kinds: ['policy_study'],
        })
      ).statusCode,
    ).toBe(403);
    const township = await as('township1');
    const res = await township.post(`/api/v1/orgs/${fx.b1.id}/recommendations`, {
      year: NEXT,
      month: 1,
      theme: 'study_training',
      title: 'x',
      kinds: ['policy_study'],
    });
    expect(res.json().error.code).toBe('theme_only_committee');
  });
});

describe('activities', () => {
  it('refuses an end before the start and a short activity without a reason, writing nothing', async () => {
    const before = (
      await secretary.get(`/api/v1/orgs/${fx.b1.id}/activities?from=${NEXT}-05-01&to=${NEXT}-05-31`)
    ).json().items.length;
    const backwards = await secretary.post('/api/v1/activities', {
      orgId: fx.b1.id,
      type: 'themed_party_day',
      title: '倒着的活动',
      startsAt: at(`${NEXT}-05-15`, '13:00'),
      endsAt: at(`${NEXT}-05-15`, '09:00'),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatchObject({ field: 'endsAt', message: '结束时间应晚于开始时间' });
    const short = await secretary.post('/api/v1/activities', {
      orgId: fx.b1.id,
      type: 'themed_party_day',
      title: '太短的活动',
      startsAt: at(`${NEXT}-05-15`, '09:00'),
      endsAt: at(`${NEXT}-05-15`, '10:30'),
    });
    expect(short.json().error).toMatchObject({
      field: 'shortReason',
      message: '活动不足 4 小时（半天），请填写原因',
    });
    const badTime = await secretary.post('/api/v1/activities', {
      orgId: fx.b1.id,
      type: 'other',
      title: 'x',
      startsAt: '明天',
      endsAt: at(`${NEXT}-05-15`, '10:30'),
    });
    expect(badTime.json().error.field).toBe('startsAt');
    expect(
      (await secretary.get(`/api/v1/orgs/${fx.b1.id}/activities?from=${NEXT}-05-01&to=${NEXT}-05-31`)).json()
        .items,
    ).toHaveLength(before);
  });

  it('schedules from the plan, tells every member, forwards to the group chat, reschedules and cancels with reasons', async () => {
    const robot = await webhookReceiver(() => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }));
    expect(
      (
        await secretary.put(`/api/v1/orgs/${fx.b1.id}/webhook`, {
          url: robot.url,
          kind: 'wecom',
          enabled: true,
        })
      ).statusCode,
    ).toBe(200);
    const venue = (
      await secretary.post(`/api/v1/orgs/${fx.b1.id}/venues`, {
        name: '村党群活动室',
        type: 'activity_room',
        address: '村委会二楼',
      })
    ).json();
    const plan = (
      await secretary.put(`/api/v1/orgs/${fx.b1.id}/plans/${NEXT}/6`, {
        theme: 'study_training',
        title: '学习党章',
        kinds: ['policy_study'],
        venueId: venue.id,
      })
    ).json();
    const unreadBefore = (await member.get('/api/v1/me/inbox')).json().unread;

    const created = await secretary.post('/api/v1/activities', {
      orgId: fx.b1.id,
      planEntryId: plan.id,
      type: 'themed_party_day',
      title: '六月主题党日：学习党章',
      venueId: venue.id,
      startsAt: at(`${NEXT}-06-15`, '09:00'),
      endsAt: at(`${NEXT}-06-15`, '13:00'),
    });
    expect(created.statusCode).toBe(201);
    const activity = created.json();
    expect(activity).toMatchObject({
      theme: 'study_training',
      kinds: ['policy_study'],
      durationHours: 4,
      venue: { name: '村党群活动室' },
    });
    expect(activity.noticesSent).toBeGreaterThanOrEqual(activity.counts.members);
    // Those told who are Party members are exactly those expected; the rest are said apart.
    expect(activity.noticesSentPartyMembers).toBe(activity.counts.members);
    const { rows: others } = await db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM members m JOIN orgs o ON o.id = m.org_id
      WHERE o.path LIKE ${`${fx.b1.path}%`} AND m.status NOT IN ('probationary', 'full')`);
    expect(activity.noticesSent - activity.noticesSentPartyMembers).toBe(others[0]!.n);

    const inbox = (await member.get('/api/v1/me/inbox')).json();
    expect(inbox.unread).toBe(unreadBefore + 1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'scheduled',
      activityId: activity.id,
      title: '【活动通知】六月主题党日：学习党章',
      read: false,
    });
    expect(inbox.items[0].body).toContain(`${NEXT}-06-15 09:00–13:00`);
    expect(inbox.items[0].body).toContain('村党群活动室');

    await settle();
    expect(robot.received).toHaveLength(1);
    expect(robot.received[0]).toEqual({
      msgtype: 'text',
      text: { content: expect.stringContaining('【活动通知】六月主题党日：学习党章') },
    });

    const noReason = await secretary.patch(`/api/v1/activities/${activity.id}`, {
      startsAt: at(`${NEXT}-06-16`, '09:00'),
      endsAt: at(`${NEXT}-06-16`, '13:00'),
    });
    expect(noReason.json().error).toMatchObject({ field: 'reason' });
    const moved = await secretary.patch(`/api/v1/activities/${activity.id}`, {
      startsAt: at(`${NEXT}-06-16`, '09:00'),
      endsAt: at(`${NEXT}-06-16`, '13:00'),
      reason: '15日村里有集市',
    });
    expect(moved.statusCode).toBe(200);
    const changed = (await member.get('/api/v1/me/inbox')).json().items[0];
    expect(changed).toMatchObject({ kind: 'changed', title: '【活动变更】六月主题党日：学习党章' });
    expect(changed.body).toContain('15日村里有集市');

    const cancelled = await secretary.post(`/api/v1/activities/${activity.id}/cancel`, {
      reason: '暴雨预警',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警' });
    await settle();
    expect(robot.received).toHaveLength(3);

    const history = (await secretary.get(`/api/v1/activities/${activity.id}/history`)).json().items;
    expect(history.map((h: { kind: string }) => h.kind)).toEqual(['scheduled', 'rescheduled', 'cancelled']);
    expect(history[1]).toMatchObject({
      reason: '15日村里有集市',
      before: { startsAt: `${NEXT}-06-15T01:00:00.000Z` },
      after: { startsAt: `${NEXT}-06-16T01:00:00.000Z` },
    });

    // Read, then the unread count falls.
    await member.post(`/api/v1/me/inbox/${changed.id}/read`);
    expect(
      (await member.get('/api/v1/me/inbox')).json().items.find((n: { id: number }) => n.id === changed.id)
        .read,
    ).toBe(true);
    expect(
      (await secretary.get(`/api/v1/activities/${activity.id}`)).json().noticesRead,
    ).toBeGreaterThanOrEqual(1);
  });

  it('retries a failing group-chat robot, logs each attempt, and never blocks the save', async () => {
    const robot = await webhookReceiver((n) =>
      n < 3 ? { status: 500, body: 'down' } : { status: 200, body: '{"errcode":0}' },
    );
    // This group chat reads English.
    await secretary.put(`/api/v1/orgs/${fx.b1.id}/webhook`, {
      url: robot.url,
      kind: 'dingtalk',
      locale: 'en',
      enabled: true,
    });
    const res = await secretary.post('/api/v1/activities', {
      orgId: fx.b1.id,
      type: 'branch_committee_meeting',
      title: '支委会',
      startsAt: at(`${NEXT}-07-02`, '14:00'),
      endsAt: at(`${NEXT}-07-02`, '15:30'),
      shortReason: '支委会议题单一',
    });
    expect(res.statusCode).toBe(201);
    await settle();
    expect(robot.received).toHaveLength(3);
    expect((robot.received[2] as { text: { content: string } }).text.content).toMatch(
      new RegExp(`^\\[Activity\\] 支委会\nWhen: ${NEXT}-07-02 14:00`),
    );
    const { rows } = await db.execute(
      `SELECT attempt, ok FROM webhook_deliveries WHERE org_id = ${fx.b1.id} ORDER BY id DESC LIMIT 3`,
    );
    expect(rows.reverse()).toEqual([
      { attempt: 1, ok: false },
      { attempt: 2, ok: false },
      { attempt: 3, ok: true },
    ]);
    expect((await secretary.get(`/api/v1/orgs/${fx.b1.id}/webhook`)).json().lastStatus).toBe('ok');

    const dead = await secretary.put(`/api/v1/orgs/${fx.b1.id}/webhook`, {
      url: 'http://127.0.0.1:9/nothing',
      kind: 'wecom',
      enabled: true,
    });
    expect(dead.statusCode).toBe(200);
    const saved = await secretary.post('/api/v1/activities', {
      orgId: fx.b1.id,
      type: 'party_lecture',
      title: '书记讲党课',
      startsAt: at(`${NEXT}-07-09`, '09:00'),
      endsAt: at(`${NEXT}-07-09`, '13:00'),
    });
    expect(saved.statusCode).toBe(201);
    await settle();
    expect((await secretary.get(`/api/v1/orgs/${fx.b1.id}/webhook`)).json().lastStatus).not.toBe('ok');
  });

  it('a webhook URL must be http(s), and only the branch may set it', async () => {
    const bad = await secretary.put(`/api/v1/orgs/${fx.b1.id}/webhook`, {
      url: 'ftp://x',
      kind: 'wecom',
      enabled: true,
    });
    expect(bad.json().error.field).toBe('url');
    expect(
      (
        await member.put(`/api/v1/orgs/${fx.b1.id}/webhook`, {
          url: 'http://x.example',
          kind: 'wecom',
          enabled: true,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a branch’s records are its own: the county and the admin read them and change nothing', async () => {
    const mine = await secretary.post('/api/v1/activities', {
      orgId: fx.b1.id,
      type: 'themed_party_day',
      title: '支部的主题党日',
      startsAt: at(`${NEXT}-09-15`, '09:00'),
      endsAt: at(`${NEXT}-09-15`, '13:00'),
    });
    const id = mine.json().id;
    const read = await county.get(`/api/v1/activities/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().canManage).toBe(false);
    expect((await county.patch(`/api/v1/activities/${id}`, { title: '上级改的' })).statusCode).toBe(403);
    const remark = await county.put(`/api/v1/activities/${id}/attendance/${fx.member1Id}`, {
      status: 'present',
      reason: '上级补记',
    });
    expect(remark.statusCode).toBe(403);
    expect((await county.get(`/api/v1/orgs/${fx.b1.id}/calendar?year=${NEXT}`)).json().canManage).toBe(false);
    expect((await (await as('admin')).patch(`/api/v1/activities/${id}`, { title: 'x' })).statusCode).toBe(
      403,
    );
    expect((await secretary.get(`/api/v1/activities/${id}`)).json().title).toBe('支部的主题党日');
  });

  it('other branches’ activities are invisible', async () => {
    const other = await secretaryOf(fx.b2.id);
    const foreign = (
      await other.post('/api/v1/activities', {
        orgId: fx.b2.id,
        type: 'themed_party_day',
        title: '别村的活动',
        startsAt: at(`${NEXT}-08-15`, '09:00'),
        endsAt: at(`${NEXT}-08-15`, '13:00'),
      })
    ).json();
    expect((await secretary.get(`/api/v1/activities/${foreign.id}`)).statusCode).toBe(404);
    expect((await member.get(`/api/v1/activities/${foreign.id}`)).statusCode).toBe(404);
    expect((await secretary.patch(`/api/v1/activities/${foreign.id}`, { title: 'x' })).statusCode).toBe(404);
  });
});
