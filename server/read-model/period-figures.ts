import { type SQL, sql } from 'drizzle-orm';
import type { ActivityType, Theme } from '../../common/enums';
import type { Period } from '../../common/schemas/stats';
import { inSubtree } from '../access/scope-sql';
import { monthsOf } from '../core/fixed-day/period';
import type { DbOrTx } from '../db/open';

/**
 * A subtree's figures over a period, answered from the rollups (migration 0012): whole months
 * that have ended come from `org_month_stats` (one row per org, month, type and theme) with its
 * pending deltas; the rest of the period (a month still running, the part of a month a custom
 * period cuts) from the activities' own kept figures, begun by now; check-ins not yet folded are
 * added either way. Every row has the rollup's shape, so one GROUP BY in SQL sums them all.
 */
export type Scope = { path: string; period: Period; now: Date; today: string };

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** The period's whole months that ended before today, as `YYYY-MM-01`. */
export function rolledUpMonths({ period, today }: Pick<Scope, 'period' | 'today'>): string[] {
  return monthsOf(period.from, period.to)
    .filter((m) => `${m}-01` >= period.from && lastDayOf(m) <= period.to && lastDayOf(m) < today)
    .map((m) => `${m}-01`);
}

/** Rows shaped like `org_month_stats`, with the org's path first. */
function figureRows({ path, period, now, today }: Scope): SQL {
  const closed = sql`${sql.param(rolledUpMonths({ period, today }))}::date[]`;
  const mine = inSubtree(sql`o.path`, path);
  const pending = sql`(SELECT activity_id, sum(present)::int AS present, sum(leave)::int AS leave
                       FROM activity_stats_pending GROUP BY activity_id)`;
  return sql`
    SELECT o.path, r.* FROM org_month_stats r JOIN orgs o ON o.id = r.org_id WHERE ${mine} AND r.month = ANY(${closed})
    UNION ALL
    SELECT o.path, r.* FROM org_month_stats_pending r JOIN orgs o ON o.id = r.org_id WHERE ${mine} AND r.month = ANY(${closed})
    UNION ALL
    SELECT o.path, f.* FROM activity_stats s JOIN orgs o ON o.id = s.org_id JOIN ${pending} p ON p.activity_id = s.activity_id
      CROSS JOIN LATERAL (SELECT * FROM activity_month_figures(s, s.present, s.leave, -1)
                          UNION ALL SELECT * FROM activity_month_figures(s, s.present + p.present, s.leave + p.leave, 1)) f
      WHERE ${mine} AND NOT s.cancelled AND date_trunc('month', s.day)::date = ANY(${closed})
    UNION ALL
    SELECT o.path, f.* FROM activity_stats s JOIN orgs o ON o.id = s.org_id LEFT JOIN ${pending} p ON p.activity_id = s.activity_id
      CROSS JOIN LATERAL activity_month_figures(s, s.present + coalesce(p.present, 0), s.leave + coalesce(p.leave, 0), 1) f
      WHERE ${mine} AND NOT s.cancelled AND s.starts_at <= ${now.toISOString()}::timestamptz
        AND s.day BETWEEN ${period.from}::date AND ${period.to}::date
        AND NOT date_trunc('month', s.day)::date = ANY(${closed})`;
}

/** Sums of a group of activities, as every screen adds them up. */
export type FigureSums = {
  activities: number;
  present: number;
  masses: number;
  expected: number;
  present_of_expected: number;
  ledger_complete: number;
};
const SUMS = sql`sum(activities)::int AS activities, sum(present)::int AS present, sum(masses)::int AS masses,
  sum(expected)::int AS expected, sum(present_of_expected)::int AS present_of_expected,
  sum(ledger_complete)::int AS ledger_complete`;

export type BucketMonthFigures = FigureSums & {
  bucket: string;
  month: string;
  type: ActivityType;
  theme: Theme | null;
};

/**
 * The dashboard's figures per child of the subtree's root (`bucket`: the child's id, '' for the
 * root's own activities), month, type and theme: at most children x months x kinds rows.
 */
export async function figuresByBucket(
  tx: DbOrTx,
  scope: Scope,
  depth: number,
): Promise<BucketMonthFigures[]> {
  const { rows } = await tx.execute<BucketMonthFigures>(sql`
    SELECT split_part(path, '/', ${depth + 2}) AS bucket, to_char(month, 'YYYY-MM') AS month, type,
      nullif(theme, '') AS theme, ${SUMS}
    FROM (${figureRows(scope)}) x GROUP BY 1, 2, 3, 4`);
  return rows;
}

export type BranchFigures = FigureSums & { org_id: number; long_enough: number };

/**
 * Per org of the subtree: its activities' sums, and how many lasted the instance's minimum or
 * gave a reason for being shorter (`minHalfHours`: MIN_ACTIVITY_HOURS in half hours).
 */
export async function figuresByOrg(tx: DbOrTx, scope: Scope, minHalfHours: number): Promise<BranchFigures[]> {
  const { rows } = await tx.execute<BranchFigures>(sql`
    SELECT org_id, ${SUMS}, (sum(short_reason) + sum(reached[${minHalfHours + 1}]))::int AS long_enough
    FROM (${figureRows(scope)}) x GROUP BY 1`);
  return rows;
}

/** A branch-month whose fixed day fell in the period and has come. */
export type DueMonth = { orgId: number; month: string; fixedDate: string };
export type ComplianceCounts = {
  key: string;
  month: string;
  due: number;
  held: number;
  on_fixed_day: number;
  with_plan: number;
  planned: number;
};

/**
 * For the due branch-months, grouped by `groupBy` ('org': the branch's id; 'bucket': the child
 * of the root it lies under) and month: how many held their themed party day that month, on
 * the fixed day itself, with the month's plan written, and how many had the plan at all.
 */
export async function compliance(
  tx: DbOrTx,
  scope: Scope,
  due: DueMonth[],
  group: { by: 'org' } | { by: 'bucket'; depth: number },
): Promise<ComplianceCounts[]> {
  if (!due.length) return [];
  const key = group.by === 'org' ? sql`d.org_id::text` : sql`split_part(o.path, '/', ${group.depth + 2})`;
  const { rows } = await tx.execute<ComplianceCounts>(sql`
    WITH due AS (SELECT * FROM unnest(${sql.param(due.map((d) => d.orgId))}::int[],
                                 ${sql.param(due.map((d) => `${d.month}-01`))}::date[],
                                 ${sql.param(due.map((d) => Number(d.fixedDate.slice(8, 10))))}::int[]) d(org_id, month, dom)),
    judged AS (
      SELECT d.org_id, d.month, coalesce(sum(s.activities), 0) > 0 AS held,
        coalesce(sum(s.days[d.dom]), 0) > 0 AS on_fixed_day,
        EXISTS (SELECT 1 FROM plan_entries p WHERE p.org_id = d.org_id
                  AND p.year = extract(year FROM d.month) AND p.month = extract(month FROM d.month)) AS planned
      FROM due d LEFT JOIN (SELECT * FROM (${figureRows(scope)}) x WHERE type = 'themed_party_day') s
        ON s.org_id = d.org_id AND s.month = d.month
      GROUP BY d.org_id, d.month, d.dom)
    SELECT ${key} AS key, to_char(d.month, 'YYYY-MM') AS month, count(*)::int AS due,
      count(*) FILTER (WHERE held)::int AS held, count(*) FILTER (WHERE on_fixed_day)::int AS on_fixed_day,
      count(*) FILTER (WHERE held AND planned)::int AS with_plan, count(*) FILTER (WHERE planned)::int AS planned
    FROM judged d JOIN orgs o ON o.id = d.org_id GROUP BY 1, 2`);
  return rows;
}
