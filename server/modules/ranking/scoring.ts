import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/dates';
import type { RankingRow } from '../../../common/schemas/ranking';
import type { Period } from '../../../common/schemas/stats';
import type { ItemValues } from '../../../common/scoring';
import { inSubtree } from '../../access/scope-sql';
import { oneTrip } from '../../db/one-trip';
import type { DbOrTx } from '../../db/open';
import { plusSums } from '../../read-model/figures';
import { keepFixedDays } from '../../read-model/fixed-days';
import {
  type ActivityRowFigures,
  activityRowFigures,
  type ComplianceCounts,
  compliance,
  complianceSplit,
  type FigureSums,
  type KeptCompliance,
  type KeptFigures,
  keptCompliance,
  keptFigures,
  owedByRules,
  owedMonths,
  splitPeriod,
} from '../../read-model/period-figures';
import { dueMonths, type SubtreeBranch, subtreeBranches } from '../../read-model/subtree';

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

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
): Promise<{ branch: SubtreeBranch; values: ItemValues }[]> {
  const today = todayInChina(now);
  const scope = { path, period, now, today };
  const branches = await subtreeBranches(tx, path);
  const split = splitPeriod(scope);
  const judged = complianceSplit(split, await keepFixedDays(tx, now), period);
  const owed = [
    owedMonths(scope, judged.owed, sql`o.id`),
    owedByRules(
      dueMonths(
        branches.filter((b) => !b.exemptions.includes('fixed_day')),
        period,
        today,
        (b) => b.id,
        judged.byRules,
      ),
    ),
  ];
  const halfHours = minActivityHours * 2;
  // A branch keeps no orgs under it: its subtree's figures are its own.
  const sums = new Map<number, FigureSums>();
  const add = (orgId: number, g: FigureSums) => sums.set(orgId, plusSums(sums.get(orgId), g));
  const ids = sql`${sql.param(branches.map((b) => b.id))}::int[]`;
  const reads = await oneTrip<{
    kept: KeptFigures[];
    activityRows: ActivityRowFigures[];
    judged: ComplianceCounts[];
    keptJudged: KeptCompliance[];
    inspected: { org_id: number; avg: number }[];
    rectified: { org_id: number; due: number; on_time: number }[];
  }>(tx, {
    kept: keptFigures(ids, split.parts, { byOrg: true, halfHours }),
    activityRows: activityRowFigures(scope, split, { byOrg: true, halfHours }),
    judged: compliance(scope, split, owed, { byMonth: false }),
    keptJudged: keptCompliance(ids, judged.parts, { byOrg: true }),
    inspected: sql`
      SELECT i.org_id, avg(i.score)::float8 AS avg FROM inspections i JOIN orgs o ON o.id = i.org_id
      WHERE ${inSubtree(sql`o.path`, path)} AND i.date BETWEEN ${period.from}::date AND ${period.to}::date
      GROUP BY i.org_id`,
    // Items due in the period whose due date has come: were they closed by then?
    rectified: sql`
      SELECT r.org_id, count(*)::int AS due,
        count(*) FILTER (WHERE r.status = 'closed'
          AND ((r.closed_at AT TIME ZONE 'UTC') + interval '8 hours')::date <= r.due_date)::int AS on_time
      FROM rectifications r JOIN orgs o ON o.id = r.org_id
      WHERE ${inSubtree(sql`o.path`, path)} AND r.due_date BETWEEN ${period.from}::date AND ${period.to}::date
        AND r.due_date <= ${today}::date
      GROUP BY r.org_id`,
  });
  for (const g of [...reads.kept, ...reads.activityRows]) add(g.org_id, g);
  const months = new Map<number, { due: number; held: number; on_fixed_day: number; planned: number }>();
  for (const c of [...reads.judged.map((j) => ({ ...j, org_id: j.key })), ...reads.keptJudged]) {
    const m = months.get(c.org_id) ?? { due: 0, held: 0, on_fixed_day: 0, planned: 0 };
    m.due += c.due;
    m.held += c.held;
    m.on_fixed_day += c.on_fixed_day;
    m.planned += c.planned;
    months.set(c.org_id, m);
  }
  const { inspected, rectified } = reads;
  const inspections = new Map(inspected.map((r) => [r.org_id, r.avg / 100]));
  const rectifications = new Map(rectified.map((r) => [r.org_id, ratio(r.on_time, r.due)]));

  return branches.map((branch) => {
    const mine = sums.get(branch.id);
    const m = months.get(branch.id);
    const values: ItemValues = {
      held: ratio(m?.held ?? 0, m?.due ?? 0),
      on_time: ratio(m?.on_fixed_day ?? 0, m?.due ?? 0),
      plan: ratio(m?.planned ?? 0, m?.due ?? 0),
      duration: ratio(mine?.long_enough ?? 0, mine?.activities ?? 0),
      attendance: ratio(mine?.present_of_expected ?? 0, mine?.expected ?? 0),
      ledger: ratio(mine?.ledger_complete ?? 0, mine?.activities ?? 0),
      inspection: inspections.get(branch.id) ?? null,
      rectification: rectifications.get(branch.id) ?? null,
      // Vanguard does not collect residents' ratings yet: the item never applies.
      masses_rating: null,
    };
    return { branch, values };
  });
}

// One collator for every sort: `localeCompare` with a locale builds one per comparison.
const byName = new Intl.Collator('zh-CN');

/** Highest first; equal scores share a rank (1, 2, 2, 4). */
export function rank(rows: Omit<RankingRow, 'rank'>[]): RankingRow[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || byName.compare(a.orgName, b.orgName));
  let previous: RankingRow | undefined;
  return sorted.map((r, i) => {
    const ranked = { ...r, rank: previous?.score === r.score ? previous.rank : i + 1 };
    previous = ranked;
    return ranked;
  });
}
