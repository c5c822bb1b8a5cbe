import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { todayInChina } from '../../common/dates';
import { keepsOwnFixedDay } from '../core/fixed-day/fixed-day-org';
import { monthsOf } from '../core/fixed-day/period';
import { oneTrip } from '../db/one-trip';
import { tinyCounty } from '../test/fixtures';
import { testApp } from '../test/harness';
import { aggregateDrift } from './aggregates';
import { keepFixedDays } from './fixed-days';
import { countedPeople, distinctPeople, type PeopleRow } from './people';
import {
  type ActivityRowFigures,
  activityRowFigures,
  type ComplianceCounts,
  compliance,
  complianceSplit,
  type KeptCompliance,
  type KeptFigures,
  keptCompliance,
  keptFigures,
  owedByRules,
  owedMonths,
  type SplitPeriod,
  splitPeriod,
} from './period-figures';
import { dueMonths, type SubtreeShape, subtreeOrgs, subtreeShape } from './subtree';

const { db, clock, as } = await testApp();
const fx = await tinyCounty(db);
const now = clock.now();
const today = todayInChina(now);
const year = Number(today.slice(0, 4)) - 1;
const period = { from: `${year}-01-01`, to: `${year}-12-31` };
const scope = { path: fx.county.path, period, now, today };
/** The same period with no month counted as ended: every figure read activity by activity. */
const unrolled: SplitPeriod = { closed: [], parts: [], edges: [period] };

const FIELDS = [
  'activities',
  'present',
  'masses',
  'expected',
  'present_of_expected',
  'ledger_complete',
  'long_enough',
] as const;
const totals = (rows: (KeptFigures | ActivityRowFigures)[]) =>
  Object.fromEntries(FIELDS.map((f) => [f, rows.reduce((s, r) => s + r[f], 0)]));
const byType = (rows: (KeptFigures | ActivityRowFigures)[]) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[`${r.type}/${r.theme}`] = (out[`${r.type}/${r.theme}`] ?? 0) + r.activities;
  return out;
};

describe('the rollups', () => {
  it('count a subtree’s orgs in SQL as the fixed-day question answers it of each org', async () => {
    const orgs = await subtreeOrgs(db, fx.county.path);
    const { shape } = await oneTrip<{ shape: SubtreeShape[] }>(db, {
      shape: subtreeShape(fx.county.path, 1),
    });
    const keyOf = (path: string) => Number(path.split('/').filter(Boolean)[1] ?? 0);
    const recount = (keep: (o: (typeof orgs)[number]) => boolean) => {
      const one = (list: typeof orgs) => ({
        committees: list.filter((o) => o.level === 'committee').length,
        general_branches: list.filter((o) => o.level === 'general_branch').length,
        branches: list.filter((o) => o.level === 'branch').length,
        own_fixed_day: list.filter(keepsOwnFixedDay).length,
        exempt: list.filter((o) => keepsOwnFixedDay(o) && o.exemptions.includes('fixed_day')).length,
      });
      const mine = orgs.filter(keep);
      return [
        { key: null, ...one(mine) },
        ...[...new Set(mine.map((o) => keyOf(o.path)))].map((key) => ({
          key,
          ...one(mine.filter((o) => keyOf(o.path) === key)),
        })),
      ];
    };
    const order = (rows: SubtreeShape[]) => [...rows].sort((a, b) => (a.key ?? -1) - (b.key ?? -1));
    expect(order(shape)).toEqual(order(recount(() => true)));
    expect(shape.find((r) => r.key === null)!.exempt).toBeGreaterThan(0);
  });

  it('answer a past year as reading it activity by activity does', async () => {
    await keepFixedDays(db, now);
    const split = splitPeriod(scope);
    expect(split.parts).toEqual([{ year, part: 0 }]);
    const orgs = await subtreeOrgs(db, fx.county.path);
    const due = dueMonths(
      orgs.filter((o) => keepsOwnFixedDay(o) && !o.exemptions.includes('fixed_day')),
      period,
      today,
      (o) => o.id,
    );
    const reads = await oneTrip<{
      kept: KeptFigures[];
      rows: ActivityRowFigures[];
      judged: ComplianceCounts[];
      judgedRow: ComplianceCounts[];
      judgedOwed: ComplianceCounts[];
    }>(db, {
      kept: keptFigures(sql`ARRAY[${fx.county.id}]::int[]`, split.parts, { halfHours: 8 }),
      rows: activityRowFigures(scope, unrolled, { halfHours: 8 }),
      judged: compliance(scope, split, [owedByRules(due)]),
      judgedRow: compliance(scope, unrolled, [owedByRules(due)]),
      // The months `fixed_days` keeps owed, as the screens read them, against the rules.
      judgedOwed: compliance(scope, unrolled, [
        owedMonths(scope, monthsOf(period.from, period.to), sql`o.id`),
      ]),
    });
    expect(reads.kept.length).toBeGreaterThan(0);
    expect(totals(reads.kept)).toEqual(totals(reads.rows));
    expect(byType(reads.kept)).toEqual(byType(reads.rows));
    const order = (c: ComplianceCounts[]) =>
      [...c].sort((a, b) => a.key - b.key || a.month.localeCompare(b.month));
    expect(reads.judged.length).toBeGreaterThan(0);
    expect(order(reads.judged)).toEqual(order(reads.judgedRow));
    expect(order(reads.judgedOwed)).toEqual(order(reads.judgedRow));
  });

  it('keep fixed-day compliance as judging every branch-month does, also after a branch changes its rule', async () => {
    const judgedBothWays = async () => {
      const horizon = await keepFixedDays(db, now);
      const split = splitPeriod(scope);
      const kept = complianceSplit(split, horizon, period);
      expect(kept.parts).toEqual([{ year, part: 0 }]);
      const orgs = await subtreeOrgs(db, fx.county.path);
      const due = dueMonths(
        orgs.filter((o) => keepsOwnFixedDay(o) && !o.exemptions.includes('fixed_day')),
        period,
        today,
        () => 0,
      );
      const reads = await oneTrip<{ kept: KeptCompliance[]; live: ComplianceCounts[] }>(db, {
        kept: keptCompliance(sql`ARRAY[${fx.county.id}]::int[]`, kept.parts),
        live: compliance(scope, unrolled, [owedByRules(due)], { byMonth: false }),
      });
      const { org_id, year: y, part, ...counts } = reads.kept[0]!;
      const { key, month, ...live } = reads.live[0]!;
      expect(counts).toEqual(live);
      return counts;
    };
    const before = await judgedBothWays();
    expect(before.due).toBeGreaterThan(0);
    // The 28th instead of its own rule: last year's months are judged again by the new days.
    const admin = await as('admin');
    const res = await admin.patch(`/api/v1/orgs/${fx.b1.id}`, {
      fixedDay: { rule: { kind: 'day_of_month', day: 28 }, holidayRule: 'stay' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await judgedBothWays();
    expect(after.due).toBe(before.due);
    expect(after.on_fixed_day).not.toBe(before.on_fixed_day);
    expect(await db.transaction((tx) => aggregateDrift(tx))).toEqual([]);
  });

  it('recount the compliance when every branch’s months are computed at once, leaving nothing to fold', async () => {
    const waiting = async () =>
      (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM subtree_compliance_pending`))
        .rows[0]!.n;
    const admin = await as('admin');
    const ruleOfB1 = async (day: number) => {
      const res = await admin.patch(`/api/v1/orgs/${fx.b1.id}`, {
        fixedDay: { rule: { kind: 'day_of_month', day }, holidayRule: 'stay' },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    // A branch's new rule, then the years moving on: every branch's owed months computed again
    // in one transaction, that branch's changed among them.
    await ruleOfB1(20);
    await db.execute(sql`DELETE FROM fixed_days_horizon`);
    await keepFixedDays(db, now);
    expect(await waiting()).toBe(0);
    expect(await db.transaction((tx) => aggregateDrift(tx))).toEqual([]);
    // The switch held for that transaction only: one branch's new rule leaves its deltas again.
    await ruleOfB1(22);
    await keepFixedDays(db, now);
    expect(await waiting()).toBeGreaterThan(0);
    expect(await db.transaction((tx) => aggregateDrift(tx))).toEqual([]);
  });

  it('count each person once, as the day bitsets do, for a year, a quarter and a month', async () => {
    const children = [fx.t1.id, fx.t2.id];
    for (const p of [
      period,
      { from: `${year}-04-01`, to: `${year}-06-30` },
      { from: `${year}-03-01`, to: `${year}-03-31` },
    ]) {
      const kept = distinctPeople(fx.county, children, 1, p);
      const counted = countedPeople(fx.county.path, 1, p);
      const reads = await oneTrip<Record<string, PeopleRow[]>>(db, {
        keptMembers: kept.members,
        countedMembers: counted.members,
        keptMasses: kept.masses,
        countedMasses: counted.masses,
      });
      const of = (rows: PeopleRow[], bucket: string | null) => rows.find((r) => r.bucket === bucket)?.n ?? 0;
      for (const bucket of [null, String(fx.t1.id), String(fx.t2.id)]) {
        expect(of(reads.keptMembers!, bucket)).toBe(of(reads.countedMembers!, bucket));
        expect(of(reads.keptMasses!, bucket)).toBe(of(reads.countedMasses!, bucket));
      }
      expect(of(reads.keptMembers!, null)).toBeGreaterThan(0);
    }
  });

  it('follow an org that moves, and stay equal to a recount', async () => {
    const county = await as('county');
    const stats = async (orgId: number) =>
      (await county.get(`/api/v1/orgs/${orgId}/stats?from=${period.from}&to=${period.to}`)).json().figures;
    const [before1, before2, moved] = await Promise.all([
      stats(fx.t1.id),
      stats(fx.t2.id),
      stats(fx.b1Sibling.id),
    ]);
    expect(moved.activities).toBeGreaterThan(0);
    const res = await county.post(`/api/v1/orgs/${fx.b1Sibling.id}/move`, { parentId: fx.t2.id });
    expect(res.statusCode, res.body).toBe(200);
    const [after1, after2] = await Promise.all([stats(fx.t1.id), stats(fx.t2.id)]);
    expect(after1.activities).toBe(before1.activities - moved.activities);
    expect(after2.activities).toBe(before2.activities + moved.activities);
    expect(after2.memberTimes).toBe(before2.memberTimes + moved.memberTimes);
    expect(await db.transaction((tx) => aggregateDrift(tx))).toEqual([]);
  });
});
