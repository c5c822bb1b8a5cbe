import { type SQL, sql } from 'drizzle-orm';
import type { ActivityType, Theme } from '../../common/enums';
import type { Period } from '../../common/schemas/stats';
import { inSubtree } from '../access/scope-sql';
import { monthsOf } from '../core/fixed-day/period';
import type { Horizon } from './fixed-days';

/**
 * A subtree's figures over a period, from the rollups of migration 0012. The whole months of the
 * period that have ended are looked up in `subtree_stats` (per subtree and year, quarter or
 * month) and `branch_months`, with their pending deltas; the rest of the period (the month still
 * running, the part of a month a custom period cuts) is read activity by activity, begun by now;
 * check-ins not yet folded are added either way. Each read is a statement for `oneTrip`, so a
 * screen asks for all of its figures at once.
 */
export type Scope = { path: string; period: Period; now: Date; today: string };

/** A part of a year as the rollups keep it: 0 the year, 1-12 a month, 13-16 a quarter. */
export type Part = { year: number; part: number };

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export type SplitPeriod = {
  /** The whole months that ended before today (`YYYY-MM`), one after the other. */
  closed: string[];
  /** The fewest parts that cover exactly those months. */
  parts: Part[];
  /** The days around them, read activity by activity. */
  edges: { from: string; to: string }[];
};

export function splitPeriod({ period, today }: Pick<Scope, 'period' | 'today'>): SplitPeriod {
  const closed = monthsOf(period.from, period.to).filter(
    (m) => `${m}-01` >= period.from && lastDayOf(m) <= period.to && lastDayOf(m) < today,
  );
  if (!closed.length) return { closed, parts: [], edges: [period] };
  const edges = [
    { from: period.from, to: dayBefore(`${closed[0]}-01`) },
    { from: dayAfter(lastDayOf(closed[closed.length - 1]!)), to: period.to },
  ].filter((e) => e.from <= e.to);
  return { closed, parts: partsCovering(closed), edges };
}

/** A year when all twelve months are there, else its whole quarters, else the months. */
export function partsCovering(months: string[]): Part[] {
  const byYear = new Map<number, Set<number>>();
  for (const m of months) {
    const year = Number(m.slice(0, 4));
    byYear.set(year, (byYear.get(year) ?? new Set()).add(Number(m.slice(5, 7))));
  }
  return [...byYear].flatMap(([year, set]): Part[] => {
    if (set.size === 12) return [{ year, part: 0 }];
    const parts: Part[] = [];
    for (let q = 1; q <= 4; q++) {
      const quarter = [q * 3 - 2, q * 3 - 1, q * 3];
      if (quarter.every((m) => set.has(m))) parts.push({ year, part: 12 + q });
      else for (const m of quarter.filter((m) => set.has(m))) parts.push({ year, part: m });
    }
    return parts;
  });
}

const partList = (parts: Part[]) =>
  sql`(year, part) IN (${sql.join(
    parts.map((p) => sql`(${p.year}::smallint, ${p.part}::smallint)`),
    sql`, `,
  )})`;

/** Sums of a group of activities, as every screen adds them up. */
export type FigureSums = {
  activities: number;
  present: number;
  masses: number;
  expected: number;
  present_of_expected: number;
  ledger_complete: number;
  long_enough: number;
};

/** `halfHours`: MIN_ACTIVITY_HOURS in half hours, the element of `reached` that answers it. */
const sums = (halfHours: number) => sql`sum(activities)::int AS activities, sum(present)::int AS present,
  sum(masses)::int AS masses, sum(expected)::int AS expected, sum(present_of_expected)::int AS present_of_expected,
  sum(ledger_complete)::int AS ledger_complete,
  (sum(short_reason) + sum(reached[${halfHours + 1}]))::int AS long_enough`;

export type KeptFigures = FigureSums & {
  org_id: number;
  year: number;
  part: number;
  type: ActivityType;
  theme: Theme | null;
};

/**
 * How rows are summed: per org alone (`byOrg`, as the ranking scores them) or per org, part,
 * type and theme; `halfHours` is MIN_ACTIVITY_HOURS in half hours, for `long_enough`.
 */
export type Grouping = { byOrg?: boolean; halfHours?: number };

/** The kept subtree figures of `orgIds` for `parts`, pending deltas added (rows: `KeptFigures`). */
export function keptFigures(
  orgIds: SQL,
  parts: Part[],
  { byOrg = false, halfHours = 0 }: Grouping = {},
): SQL | null {
  if (!parts.length) return null;
  const keys = byOrg ? sql`org_id` : sql`org_id, year, part, type, nullif(theme, '') AS theme`;
  return sql`
    SELECT ${keys}, ${sums(halfHours)}
    FROM (SELECT * FROM subtree_stats WHERE org_id = ANY(${orgIds}) AND ${partList(parts)}
          UNION ALL
          SELECT * FROM subtree_stats_pending WHERE org_id = ANY(${orgIds}) AND ${partList(parts)}) x
    GROUP BY ${byOrg ? sql`1` : sql`1, 2, 3, 4, 5`}`;
}

export type ActivityRowFigures = FigureSums & {
  org_id: number;
  path: string;
  month: string;
  type: ActivityType;
  theme: Theme | null;
};

/**
 * What the kept figures do not hold yet, read activity by activity and summed per org, month,
 * type and theme: the edges of the period, and the check-ins not yet folded into the whole
 * months (the activity's figures with them, less those without).
 */
export function activityRowFigures(
  scope: Scope,
  split: SplitPeriod,
  { byOrg = false, halfHours = 0 }: Grouping = {},
): SQL | null {
  const mine = inSubtree(sql`o.path`, scope.path);
  const pending = sql`(SELECT activity_id, sum(present)::int AS present, sum(leave)::int AS leave
                       FROM activity_stats_pending GROUP BY activity_id)`;
  const parts: SQL[] = [];
  if (split.closed.length)
    parts.push(sql`SELECT s.org_id, o.path, s.day, f.* FROM ${pending} p
      JOIN activity_stats s ON s.activity_id = p.activity_id JOIN orgs o ON o.id = s.org_id
      CROSS JOIN LATERAL (VALUES (s.present, s.leave, -1), (s.present + p.present, s.leave + p.leave, 1)) v(present, leave, sign)
      CROSS JOIN LATERAL activity_figures(s, v.present, v.leave, v.sign) f
      WHERE ${mine} AND NOT s.cancelled
        AND s.day BETWEEN ${`${split.closed[0]}-01`}::date AND ${lastDayOf(split.closed[split.closed.length - 1]!)}::date`);
  if (split.edges.length)
    parts.push(sql`SELECT s.org_id, o.path, s.day, f.* FROM activity_stats s JOIN orgs o ON o.id = s.org_id
      LEFT JOIN ${pending} p ON p.activity_id = s.activity_id
      CROSS JOIN LATERAL activity_figures(s, s.present + coalesce(p.present, 0), s.leave + coalesce(p.leave, 0), 1) f
      WHERE ${mine} AND NOT s.cancelled AND s.starts_at <= ${scope.now.toISOString()}::timestamptz
        AND (${sql.join(
          split.edges.map((e) => sql`s.day BETWEEN ${e.from}::date AND ${e.to}::date`),
          sql` OR `,
        )})`);
  if (!parts.length) return null;
  const keys = byOrg
    ? sql`org_id`
    : sql`org_id, path, to_char(day, 'YYYY-MM') AS month, type, nullif(theme, '') AS theme`;
  return sql`
    SELECT ${keys}, ${sums(halfHours)}
    FROM (${sql.join(parts, sql` UNION ALL `)}) x GROUP BY ${byOrg ? sql`1` : sql`1, 2, 3, 4, 5`}`;
}

/**
 * How a period's fixed-day compliance is read: the whole ended months inside `fixed_days`' years
 * from the kept counts (`parts`); the other months inside those years judged live from the
 * months `fixed_days` says are owed (`owed`); months outside them (before the instance's first
 * activity) judged from the branches' rules (`byRules`).
 */
export function complianceSplit(
  split: SplitPeriod,
  horizon: Horizon,
  period: Period,
): { kept: string[]; parts: Part[]; owed: string[]; byRules: (month: string) => boolean } {
  const inHorizon = (m: string) =>
    Number(m.slice(0, 4)) >= horizon.first && Number(m.slice(0, 4)) <= horizon.last;
  const kept = split.closed.filter(inHorizon);
  const keptSet = new Set(kept);
  return {
    kept,
    parts: partsCovering(kept),
    owed: monthsOf(period.from, period.to).filter((m) => inHorizon(m) && !keptSet.has(m)),
    byRules: (m) => !inHorizon(m),
  };
}

export type KeptCompliance = {
  org_id: number;
  year: number;
  part: number;
  due: number;
  held: number;
  on_fixed_day: number;
  with_plan: number;
  planned: number;
};

/** The kept fixed-day compliance of the subtrees of `orgIds` for `parts`, pending deltas added. */
export function keptCompliance(orgIds: SQL, parts: Part[], { byOrg = false } = {}): SQL | null {
  if (!parts.length) return null;
  return sql`
    SELECT org_id, ${byOrg ? sql`0` : sql`year`} AS year, ${byOrg ? sql`0` : sql`part`} AS part,
      sum(due)::int AS due, sum(held)::int AS held, sum(on_fixed_day)::int AS on_fixed_day,
      sum(with_plan)::int AS with_plan, sum(planned)::int AS planned
    FROM (SELECT * FROM subtree_compliance WHERE org_id = ANY(${orgIds}) AND ${partList(parts)}
          UNION ALL
          SELECT * FROM subtree_compliance_pending WHERE org_id = ANY(${orgIds}) AND ${partList(parts)}) x
    GROUP BY 1, 2, 3`;
}

/**
 * The branch-months owed a themed party day (their fixed day fell in the period and has come):
 * per branch, the key its counts are grouped under (the branch, or the child of the root it lies
 * under) and its fixed-day rule; per rule, the months owed (`YYYY-MM-01`) and the fixed day's
 * date in each. Most branches share their county's rule, so this stays small.
 */
export type DueMonths = {
  branches: { orgIds: number[]; keys: number[]; rules: number[] };
  rules: { rules: number[]; months: string[]; days: number[] };
};

export type ComplianceCounts = {
  key: number;
  month: string;
  due: number;
  held: number;
  on_fixed_day: number;
  with_plan: number;
  planned: number;
};

/**
 * The owed branch-months of the subtree in `months` as `fixed_days` holds them, those whose fixed
 * day fell inside the period and has come; `key` is the SQL of the key to count under, of the
 * `orgs` row `o` (rows: org_id, key, month, dom).
 */
export function owedMonths(scope: Scope, months: string[], key: SQL): SQL | null {
  if (!months.length) return null;
  const fixedDate = sql`(f.month + (f.day - 1))`;
  return sql`
    SELECT f.org_id, ${key} AS key, f.month, f.day::int AS dom
    FROM fixed_days f JOIN orgs o ON o.id = f.org_id
    WHERE ${inSubtree(sql`o.path`, scope.path)}
      AND f.month = ANY(${sql.param(months.map((m) => `${m}-01`))}::date[])
      AND ${fixedDate} BETWEEN ${scope.period.from}::date AND ${scope.period.to}::date
      AND ${fixedDate} <= ${scope.today}::date`;
}

/** The owed branch-months `dueMonths` computed from the branches' rules (rows as `owedMonths`). */
export function owedByRules(due: DueMonths): SQL | null {
  if (!due.branches.orgIds.length || !due.rules.rules.length) return null;
  return sql`
    SELECT b.org_id, b.key, r.month, r.dom
    FROM unnest(${sql.param(due.branches.orgIds)}::int[], ${sql.param(due.branches.keys)}::int[],
                ${sql.param(due.branches.rules)}::int[]) b(org_id, key, rule)
    JOIN unnest(${sql.param(due.rules.rules)}::int[], ${sql.param(due.rules.months)}::date[],
                ${sql.param(due.rules.days)}::int[]) r(rule, month, dom) ON r.rule = b.rule`;
}

/**
 * For the owed branch-months (`owedMonths`, `owedByRules`), per key and month: how many held
 * their themed party day that month, on the fixed day itself, with the month's plan written, and
 * how many had the plan. Whole months that ended are read from `branch_months`, the rest from the
 * activities. Without `byMonth`, per key for the whole period.
 */
export function compliance(
  scope: Scope,
  split: SplitPeriod,
  owed: (SQL | null)[],
  { byMonth = true } = {},
): SQL | null {
  const sources = owed.filter((o): o is SQL => o !== null);
  if (!sources.length) return null;
  const closed = split.closed.length
    ? sql`d.month BETWEEN ${`${split.closed[0]}-01`}::date AND ${`${split.closed[split.closed.length - 1]}-01`}::date`
    : sql`false`;
  const edgeDays = split.edges.length
    ? sql.join(
        split.edges.map((e) => sql`s.day BETWEEN ${e.from}::date AND ${e.to}::date`),
        sql` OR `,
      )
    : sql`false`;
  return sql`
    WITH due AS MATERIALIZED (${sql.join(sources, sql` UNION ALL `)}),
    kept AS MATERIALIZED (
      SELECT * FROM branch_months WHERE org_id IN (SELECT org_id FROM due)
        AND month BETWEEN ${`${scope.period.from.slice(0, 7)}-01`}::date AND ${scope.period.to}::date),
    edge AS (
      SELECT s.org_id, date_trunc('month', s.day)::date AS month,
        bit_or(1 << (extract(day FROM s.day)::int - 1)) AS party_days
      FROM activity_stats s JOIN orgs o ON o.id = s.org_id
      WHERE ${inSubtree(sql`o.path`, scope.path)} AND s.type = 'themed_party_day' AND NOT s.cancelled
        AND s.starts_at <= ${scope.now.toISOString()}::timestamptz AND (${edgeDays})
      GROUP BY 1, 2),
    judged AS (
      SELECT d.key, d.month, d.dom, coalesce(b.planned, false) AS planned,
        CASE WHEN ${closed} THEN coalesce(b.party_days, 0) ELSE coalesce(e.party_days, 0) END AS days
      FROM due d LEFT JOIN kept b ON b.org_id = d.org_id AND b.month = d.month
      LEFT JOIN edge e ON e.org_id = d.org_id AND e.month = d.month)
    SELECT key, ${byMonth ? sql`to_char(month, 'YYYY-MM')` : sql`''`} AS month, count(*)::int AS due,
      count(*) FILTER (WHERE days <> 0)::int AS held,
      count(*) FILTER (WHERE days & (1 << (dom - 1)) <> 0)::int AS on_fixed_day,
      count(*) FILTER (WHERE days <> 0 AND planned)::int AS with_plan,
      count(*) FILTER (WHERE planned)::int AS planned
    FROM judged GROUP BY 1, 2`;
}
