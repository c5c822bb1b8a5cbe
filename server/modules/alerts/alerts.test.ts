import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { todayInChina } from '../../../common/dates';
import type { Exemption } from '../../../common/enums';
import { addDays } from '../../core/fixed-day/holidays';
import { activities, attendance, leaveRequests, members, orgs } from '../../db/schema/index';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { runAlerts } from './alerts.service';

const { as, db, config, clock } = await testApp();
const fx = await tinyCounty(db);
const DAY = 86_400_000;
const today = todayInChina(clock.now());

/** A branch whose fixed day is `offset` days from today (the rule's day of that date's month). */
async function branchWithFixedDay(offset: number, exemptions: Exemption[] = []) {
  const day = Number(addDays(today, offset).slice(8, 10));
  const [o] = await db
    .insert(orgs)
    .values({
      parentId: fx.t1.id,
      path: '',
      name: `预警测试支部${offset}`,
      level: 'branch',
      kind: 'village',
      fixedDay: { rule: { kind: 'day_of_month', day }, holidayRule: 'stay' },
      exemptions,
    })
    .returning();
  await db
    .update(orgs)
    .set({ path: `${fx.t1.path}${o!.id}/` })
    .where(eq(orgs.id, o!.id));
  return o!.id;
}

const alertsOf = async (orgId: number) =>
  (
    await db.execute<{ kind: string; key: string; audience: string }>(
      sql`SELECT kind, key, audience FROM alerts WHERE org_id = ${orgId} ORDER BY kind, key`,
    )
  ).rows;

describe('alerts', () => {
  it('flags a missing plan, a missed fixed day, an incomplete ledger, a member absent three times and the meetings short — once each', async () => {
    // Day 28 is in every month; offsets that land on days 29–31 would shift, so stay inside the month.
    const soon = await branchWithFixedDay(Number(today.slice(8, 10)) <= 24 ? 3 : -30);
    const passed = await branchWithFixedDay(-3);
    const retired = await branchWithFixedDay(-3, ['fixed_day', 'three_meetings']);
    const [m1, m2, m3] = await db
      .insert(members)
      .values(
        [1, 2, 3].map((i) => ({
          orgId: passed,
          name: `党员${i}`,
          gender: 'male' as const,
          status: 'full' as const,
        })),
      )
      .returning();
    const held = [];
    for (const daysAgo of [30, 20, 5]) {
      const startsAt = new Date(Date.now() - daysAgo * DAY);
      const [a] = await db
        .insert(activities)
        .values({
          orgId: passed,
          type: 'branch_committee_meeting',
          title: `${daysAgo} 天前的会`,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
        })
        .returning();
      held.push(a!.id);
      await db.insert(attendance).values({ activityId: a!.id, memberId: m2!.id, method: 'code' });
    }
    await db
      .insert(leaveRequests)
      .values({ activityId: held[1]!, memberId: m3!.id, reason: '外出', status: 'approved' });

    const first = await runAlerts(db, config, clock.now());
    expect(first).toBeGreaterThan(0);
    expect(await runAlerts(db, config, clock.now())).toBe(0);

    const kinds = async (id: number) => (await alertsOf(id)).map((a) => a.kind);
    if (Number(today.slice(8, 10)) <= 24) expect(await kinds(soon)).toContain('plan_missing');
    const passedKinds = await kinds(passed);
    expect(passedKinds).toContain('fixed_day_missed');
    expect(passedKinds).toContain('meetings_frequency');
    // The three meetings have no minutes or photos: more than seven days after, two of them alert.
    expect(passedKinds.filter((k) => k === 'ledger_incomplete')).toHaveLength(2);
    const absent = (await alertsOf(passed)).filter((a) => a.kind === 'member_absent');
    // m2 came every time, m3 had leave once: only m1 missed three in a row.
    expect(absent.map((a) => a.key)).toEqual([`member_absent:${m1!.id}:0`]);
    expect(await kinds(retired)).toEqual([]);
  });

  it('an overdue rectification reaches the branch secretary and the supervisors; acknowledged, it does not come back', async () => {
    const county = await as('county');
    const secretary = await as('secretary1');
    const township = await as('township1');
    const ins = await county.post('/api/v1/inspections', {
      orgId: fx.b1.id,
      method: 'phone_check',
      date: addDays(today, -20),
      findings: '电话抽查两名党员',
      score: 70,
      rectifications: [{ item: '补开组织生活会', responsible: '支部书记', dueDate: addDays(today, -1) }],
    });
    expect(ins.statusCode, ins.body).toBe(201);
    await runAlerts(db, config, clock.now());
    const mine = (await secretary.get('/api/v1/alerts')).json();
    const overdue = mine.items.find((a: { kind: string }) => a.kind === 'rectification_overdue');
    expect(overdue).toMatchObject({
      audience: 'branch',
      orgId: fx.b1.id,
      rectificationId: ins.json().rectifications[0].id,
      inspectionId: ins.json().id,
    });
    expect(overdue.message).toContain('补开组织生活会');
    // The secretary sees only their own branch's alerts.
    expect(mine.items.every((a: { orgId: number }) => a.orgId === fx.b1.id)).toBe(true);
    const sup = (await township.get('/api/v1/alerts')).json();
    const rectificationId = ins.json().rectifications[0].id;
    expect(
      sup.items.filter((a: { rectificationId: number }) => a.rectificationId === rectificationId),
    ).toHaveLength(1);
    expect(sup.items.every((a: { audience: string }) => a.audience === 'supervisor')).toBe(true);

    const acked = await secretary.post(`/api/v1/alerts/${overdue.id}/ack`);
    expect(acked.json().acknowledgedAt).not.toBeNull();
    await runAlerts(db, config, clock.now());
    const after = (await secretary.get('/api/v1/alerts')).json();
    expect(after.open).toBe(mine.open - 1);
    expect(after.items.some((a: { id: number }) => a.id === overdue.id)).toBe(false);
    expect((await township.post(`/api/v1/alerts/${overdue.id}/ack`)).statusCode).toBe(404);
  });
});
