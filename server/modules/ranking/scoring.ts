import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/dates';
import { SCORE_ITEMS, type ScoreItem } from '../../../common/enums';
import type { RankingRow, ScoreLine, Weights } from '../../../common/schemas/ranking';
import type { Period } from '../../../common/schemas/stats';
import { inSubtree } from '../../access/scope-sql';
import { keepsOwnFixedDay } from '../../core/fixed-day/fixed-day-org';
import type { DbOrTx } from '../../db/open';
import { type ActivityFacts, expectedOf, ledgerComplete } from '../../read-model/figures';
import {
  branchMonths,
  heldActivities,
  partyDaysByOrg,
  plannedMonths,
  type SubtreeOrg,
  subtreeOrgs,
} from '../../read-model/subtree';

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** What each item measured for one branch, 0..1, or null where it does not apply. */
export type ItemValues = Record<ScoreItem, number | null>;

/**
 * The items of every branch under an org for a period, from the same kept figures as the
 * dashboard, plus the inspections and rectifications recorded for the branch.
 */
export async function branchValues(
  tx: DbOrTx,
  path: string,
  period: Period,
  minActivityHours: number,
  now: Date,
): Promise<{ branch: SubtreeOrg; parentName: string | null; values: ItemValues }[]> {
  const today = todayInChina(now);
  const orgs = await subtreeOrgs(tx, path);
  const acts = await heldActivities(tx, path, period, now);
  const plans = await plannedMonths(tx, path, period);
  const { rows: inspected } = await tx.execute<{ org_id: number; avg: number }>(sql`
    SELECT i.org_id, avg(i.score)::float8 AS avg FROM inspections i JOIN orgs o ON o.id = i.org_id
    WHERE ${inSubtree(sql`o.path`, path)} AND i.date BETWEEN ${period.from}::date AND ${period.to}::date
    GROUP BY i.org_id`);
  // Items due in the period whose due date has come: were they closed by then?
  const { rows: rectified } = await tx.execute<{ org_id: number; due: number; on_time: number }>(sql`
    SELECT r.org_id, count(*)::int AS due,
      count(*) FILTER (WHERE r.status = 'closed'
        AND ((r.closed_at AT TIME ZONE 'UTC') + interval '8 hours')::date <= r.due_date)::int AS on_time
    FROM rectifications r JOIN orgs o ON o.id = r.org_id
    WHERE ${inSubtree(sql`o.path`, path)} AND r.due_date BETWEEN ${period.from}::date AND ${period.to}::date
      AND r.due_date <= ${today}::date
    GROUP BY r.org_id`);
  const inspections = new Map(inspected.map((r) => [r.org_id, r.avg / 100]));
  const rectifications = new Map(rectified.map((r) => [r.org_id, ratio(r.on_time, r.due)]));
  const byOrg = new Map<number, ActivityFacts[]>();
  for (const a of acts) byOrg.set(a.org_id, [...(byOrg.get(a.org_id) ?? []), a]);
  const partyDays = partyDaysByOrg(acts);
  const names = new Map(orgs.map((o) => [o.id, o.name]));

  return orgs.filter(keepsOwnFixedDay).map((branch) => {
    const mine = byOrg.get(branch.id) ?? [];
    const exempt = branch.exemptions.includes('fixed_day');
    const months = exempt ? [] : branchMonths(branch, period, partyDays, plans, today);
    const expected = mine.reduce((s, a) => s + expectedOf(a), 0);
    const values: ItemValues = {
      held: ratio(months.filter((m) => m.held).length, months.length),
      on_time: ratio(months.filter((m) => m.onFixedDay).length, months.length),
      plan: ratio(months.filter((m) => plans.has(`${branch.id}|${m.month}`)).length, months.length),
      duration: ratio(
        mine.filter((a) => a.duration_min >= minActivityHours * 60 || a.short_reason).length,
        mine.length,
      ),
      attendance: ratio(
        mine.reduce((s, a) => s + Math.min(a.present, expectedOf(a)), 0),
        expected,
      ),
      ledger: ratio(mine.filter(ledgerComplete).length, mine.length),
      inspection: inspections.get(branch.id) ?? null,
      rectification: rectifications.get(branch.id) ?? null,
      // Vanguard does not collect residents' ratings yet: the item never applies.
      masses_rating: null,
    };
    return { branch, parentName: branch.parent_id ? (names.get(branch.parent_id) ?? null) : null, values };
  });
}

/**
 * Score out of 100: each item's value times its weight, the weights of items that do not apply
 * shared out over those that do, so a branch is never marked down for what it could not do.
 */
export function score(values: ItemValues, weights: Weights): { score: number; lines: ScoreLine[] } {
  const applying = SCORE_ITEMS.reduce((s, i) => s + (values[i] === null ? 0 : weights[i]), 0);
  const lines = SCORE_ITEMS.map((item) => {
    const value = values[item];
    const points = value === null || applying === 0 ? 0 : (value * weights[item] * 100) / applying;
    return {
      item,
      value: value === null ? null : Math.round(value * 10_000) / 10_000,
      weight: weights[item],
      points: round2(points),
    };
  });
  const total =
    applying === 0
      ? 0
      : SCORE_ITEMS.reduce((s, i) => s + (values[i] ?? 0) * weights[i], 0) * (100 / applying);
  return { score: round2(total), lines };
}

/** Highest first; equal scores share a rank (1, 2, 2, 4). */
export function rank(rows: Omit<RankingRow, 'rank'>[]): RankingRow[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.orgName.localeCompare(b.orgName, 'zh-CN'));
  let previous: RankingRow | undefined;
  return sorted.map((r, i) => {
    const ranked = { ...r, rank: previous?.score === r.score ? previous.rank : i + 1 };
    previous = ranked;
    return ranked;
  });
}
