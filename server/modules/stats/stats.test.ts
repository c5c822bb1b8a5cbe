import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { OrgStats } from '../../../common/schemas/stats';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { handCountedTownship } from '../../test/oversight-fixture';
import { daysFromToday } from '../../test/test-clock';

const { as, db, clock } = await testApp();
const fx = await tinyCounty(db);
const town = await handCountedTownship(db, fx.county.id, fx.county.path);
const county = await as('county');
const Q1 = 'from=2025-01-01&to=2025-03-31';

describe('dashboard figures against a hand-counted township', () => {
  it('counts activities, people, themes, compliance, attendance and ledger as counted by hand', async () => {
    const res = await county.get(`/api/v1/orgs/${town.town.id}/stats?${Q1}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<OrgStats>();
    expect(s.orgCounts).toEqual({ committees: 1, generalBranches: 0, branches: 3 });
    // A1, A2, A3, B1, C1: the cancelled A4 is not an activity held.
    expect(s.figures).toMatchObject({
      activities: 5,
      memberTimes: 9,
      massesTimes: 3,
      memberPeople: 6,
      // 王大爷 came twice with the same phone: one person.
      massesPeople: 2,
      byTheme: { study_training: 1, volunteer_service: 1, culture_sports: 1, democratic_deliberation: 1 },
      byType: { themed_party_day: 4, branch_committee_meeting: 1, branch_general_meeting: 0 },
      // A and B owe three months each; C is exempt. Held: A in Jan and Feb, B in Jan. On the
      // day: A Jan, B Jan (A Feb was on the 12th). With a plan: A Jan, B Jan (B's Feb plan had no activity).
      compliance: { due: 6, held: 3, onFixedDay: 2, withPlan: 2, exemptBranches: 1 },
      // Expected 3+3+4+2+2 (approved leave only, pending leave still expected), present 3+1+2+2+1.
      attendanceRate: Math.round((9 / 14) * 10_000) / 10_000,
      // A1 (minutes, plan, attendance, photo) and A3 (a committee meeting needs no plan).
      ledgerComplete: 2,
      ledgerRate: 0.4,
      openRectifications: 0,
    });
    const child = (id: number) => s.children.find((c) => c.org.id === id)!;
    expect(child(town.A.id).figures).toMatchObject({
      activities: 3,
      memberTimes: 6,
      memberPeople: 3,
      massesPeople: 2,
      compliance: { due: 3, held: 2, onFixedDay: 1, withPlan: 1, exemptBranches: 0 },
    });
    expect(child(town.C.id).org.exemptions).toEqual(['fixed_day']);
    expect(child(town.C.id).figures.compliance).toEqual({
      due: 0,
      held: 0,
      onFixedDay: 0,
      withPlan: 0,
      exemptBranches: 1,
    });
    expect(s.trend.map((p) => [p.month, p.activities, p.due, p.held])).toEqual([
      ['2025-01', 3, 2, 2],
      ['2025-02', 2, 2, 1],
      ['2025-03', 0, 2, 0],
    ]);
    expect(s.path.map((p) => p.id)).toEqual([fx.county.id, town.town.id]);
  });

  it('drills down to a branch and lists its activities with attendance and the fixed day', async () => {
    const s = (await county.get(`/api/v1/orgs/${town.A.id}/stats?${Q1}`)).json<OrgStats>();
    expect(s.children).toEqual([]);
    expect(s.activities.map((a) => [a.id, a.present, a.expected, a.onFixedDay, a.complete])).toEqual([
      [town.activities.A1, 3, 3, true, true],
      [town.activities.A2, 1, 3, false, false],
      [town.activities.A3, 2, 4, false, true],
    ]);
  });

  it('counts a month only once its fixed day has come, and distinct people within the period', async () => {
    const jan = (
      await county.get(`/api/v1/orgs/${town.town.id}/stats?from=2025-01-01&to=2025-01-09`)
    ).json<OrgStats>();
    expect(jan.figures.compliance.due).toBe(0);
    expect(jan.figures.activities).toBe(0);
    expect(jan.figures.memberPeople).toBe(0);
    const feb = (
      await county.get(`/api/v1/orgs/${town.town.id}/stats?from=2025-02-01&to=2025-02-28`)
    ).json<OrgStats>();
    // a1 and a2 took part in February (a3 only in January).
    expect(feb.figures.memberPeople).toBe(2);
    expect(feb.figures.massesPeople).toBe(1);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await county.get(`/api/v1/orgs/${town.town.id}/stats?from=2025-03-01&to=2025-01-01`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'to', message: '结束日期不能早于开始日期' });
  });
});

describe('scope', () => {
  it("a township supervisor's dashboard never includes another township", async () => {
    const township = await as('township1');
    expect((await township.get(`/api/v1/orgs/${town.town.id}/stats?${Q1}`)).statusCode).toBe(404);
    expect((await township.get(`/api/v1/orgs/${fx.t2.id}/stats?${Q1}`)).statusCode).toBe(404);
    // The demo's three years of history, ending today by the app's clock.
    const [from, to] = [daysFromToday(clock, -3 * 366), daysFromToday(clock, 0)];
    const own = (await township.get(`/api/v1/orgs/${fx.t1.id}/stats?from=${from}&to=${to}`)).json<OrgStats>();
    const countyView = (
      await county.get(`/api/v1/orgs/${fx.t1.id}/stats?from=${from}&to=${to}`)
    ).json<OrgStats>();
    expect(own.figures).toEqual(countyView.figures);
    expect(own.path.map((p) => p.id)).toEqual([fx.t1.id]);
    const [{ n }] = (
      await db.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM activity_stats s JOIN orgs o ON o.id = s.org_id
        WHERE o.path LIKE ${`${fx.t1.path}%`} AND NOT s.cancelled AND s.starts_at <= ${clock.now().toISOString()}
          AND s.day BETWEEN ${from} AND ${to}`)
    ).rows as [{ n: number }];
    expect(own.figures.activities).toBe(n);
  });

  it('a member cannot read the dashboard', async () => {
    const member = await as('member1');
    expect((await member.get(`/api/v1/orgs/${fx.b1.id}/stats?${Q1}`)).statusCode).toBe(403);
  });
});

describe('exports', () => {
  it('the child table as Excel, read back', async () => {
    const res = await county.get(`/api/v1/orgs/${town.town.id}/stats.xlsx?${Q1}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(3) as unknown[][];
    const byName = new Map(rows.map((r) => [r[1], r.slice(1)]));
    expect(byName.get('甲村党支部')).toEqual(['甲村党支部', 1, 3, 6, 3, 3, 2, 3, 2, 1, 1, 60, 66.7, 0, 0]);
    expect(byName.get('老干部党支部')?.[7]).toBe('豁免');
    expect(byName.get('合计')?.slice(2, 5)).toEqual([5, 9, 6]);
  });
});
