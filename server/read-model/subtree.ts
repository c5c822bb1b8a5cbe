import { type SQL, sql } from 'drizzle-orm';
import type { Exemption, OrgLevel } from '../../common/enums';
import type { FixedDaySetting } from '../../common/fixed-day';
import type { Period } from '../../common/schemas/stats';
import { inSubtree } from '../access/scope-sql';
import { keepsOwnFixedDaySql } from '../core/fixed-day/fixed-day-org';
import { fixedDateOf, monthsOf } from '../core/fixed-day/period';
import type { DbOrTx } from '../db/open';
import { activityFactsRead } from './activity-figures';
import type { ActivityFacts } from './figures';
import type { DueMonths } from './period-figures';

/**
 * The reads of a subtree's kept figures that the dashboard, the ranking and the alerts share:
 * its orgs, the activities held in a period, the months planned, and each branch's months.
 */
export type SubtreeOrg = {
  id: number;
  parent_id: number | null;
  path: string;
  name: string;
  level: OrgLevel;
  fixedDay: FixedDaySetting | null;
  exemptions: Exemption[];
  children: number;
};

export async function subtreeOrgs(tx: DbOrTx, path: string): Promise<SubtreeOrg[]> {
  const { rows } = await tx.execute<SubtreeOrg>(sql`
    SELECT o.id, o.parent_id, o.path, o.name, o.level, o.fixed_day AS "fixedDay", o.exemptions,
      coalesce(c.n, 0)::int AS children
    FROM orgs o LEFT JOIN (SELECT parent_id, count(*) AS n FROM orgs WHERE ${inSubtree(sql`path`, path)} GROUP BY 1) c
      ON c.parent_id = o.id
    WHERE ${inSubtree(sql`o.path`, path)} ORDER BY o.path`);
  return rows;
}

/** A branch that keeps its own fixed day, as the ranking lists it: with its parent's name. */
export type SubtreeBranch = Pick<SubtreeOrg, 'id' | 'name' | 'fixedDay' | 'exemptions'> & {
  parentName: string | null;
};

/**
 * The branches under a path that keep their own fixed day (`keepsOwnFixedDaySql`), asked of the
 * database so that a screen over a county's branches does not ship its other orgs.
 */
export async function subtreeBranches(tx: DbOrTx, path: string): Promise<SubtreeBranch[]> {
  const { rows } = await tx.execute<SubtreeBranch>(sql`
    SELECT o.id, o.name, o.fixed_day AS "fixedDay", o.exemptions, p.name AS "parentName"
    FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id
    WHERE ${inSubtree(sql`o.path`, path)} AND ${keepsOwnFixedDaySql('o')} ORDER BY o.path`);
  return rows;
}

/** The children of an org, as a screen lists them. */
export async function childOrgs(tx: DbOrTx, orgId: number) {
  const { rows } = await tx.execute<Pick<SubtreeOrg, 'id' | 'name' | 'level' | 'exemptions'>>(sql`
    SELECT id, name, level, exemptions FROM orgs WHERE parent_id = ${orgId} ORDER BY path`);
  return rows;
}

/**
 * The SQL of the child of a root at `depth` that the `orgs` row `o` lies under, as the text of
 * its id in `o.path`; '' for the root itself.
 */
export const childOfRoot = (depth: number): SQL => sql`split_part(o.path, '/', ${depth + 2})`;

/** The same child as an id; 0 for the root. */
export const childKey = (depth: number): SQL => sql`coalesce(nullif(${childOfRoot(depth)}, ''), '0')::int`;

/**
 * What a subtree is made of, counted in the database so that no screen ships its orgs to count
 * them: per child of the root (`key`; 0 the root itself) and for the whole subtree (`key` null),
 * its orgs by level, the branches that keep their own fixed day, and those of them exempt from it.
 */
export type SubtreeShape = {
  key: number | null;
  committees: number;
  general_branches: number;
  branches: number;
  own_fixed_day: number;
  exempt: number;
};
export function subtreeShape(path: string, depth: number): SQL {
  return sql`
    SELECT key, count(*) FILTER (WHERE level = 'committee')::int AS committees,
      count(*) FILTER (WHERE level = 'general_branch')::int AS general_branches,
      count(*) FILTER (WHERE level = 'branch')::int AS branches,
      count(*) FILTER (WHERE own)::int AS own_fixed_day,
      count(*) FILTER (WHERE own AND 'fixed_day' = ANY(exemptions))::int AS exempt
    FROM (SELECT ${childKey(depth)} AS key, o.level, o.exemptions, ${keepsOwnFixedDaySql('o')} AS own
          FROM orgs o WHERE ${inSubtree(sql`o.path`, path)}) x
    GROUP BY GROUPING SETS ((key), ())`;
}

/** Activities of a subtree in a period that have begun by `now`, with their titles (rows: `HeldActivity`). */
export function heldActivities(path: string, period: Period, now: Date): SQL {
  return sql`SELECT f.*, a.title FROM (${activityFactsRead(
    sql`${inSubtree(sql`o.path`, path)} AND NOT s.cancelled AND s.starts_at <= ${now.toISOString()}::timestamptz
      AND s.day BETWEEN ${period.from}::date AND ${period.to}::date`,
    sql`true`,
  )}) f JOIN activities a ON a.id = f.id ORDER BY f.day, f.id`;
}
export type HeldActivity = ActivityFacts & { title: string };

/** Month keys (`orgId|YYYY-MM`) that have a plan entry, for the orgs of a subtree. */
export async function plannedMonths(tx: DbOrTx, path: string, period: Period): Promise<Set<string>> {
  const { rows } = await tx.execute<{ k: string }>(sql`
    SELECT p.org_id || '|' || p.year || '-' || lpad(p.month::text, 2, '0') AS k
    FROM plan_entries p JOIN orgs o ON o.id = p.org_id
    WHERE ${inSubtree(sql`o.path`, path)}
      AND p.year * 100 + p.month BETWEEN ${Number(period.from.slice(0, 4)) * 100 + Number(period.from.slice(5, 7))}
                                   AND ${Number(period.to.slice(0, 4)) * 100 + Number(period.to.slice(5, 7))}`);
  return new Set(rows.map((r) => r.k));
}

/**
 * The months the branches owe a themed party day: those whose fixed day fell inside the period
 * and has come (of the months `judged` picks), each under the key `keyOf` gives its branch. Branches with the same fixed-day
 * rule share one computation.
 */
export function dueMonths<B extends Pick<SubtreeOrg, 'id' | 'fixedDay'>>(
  branches: B[],
  period: Period,
  today: string,
  keyOf: (branch: B) => number,
  judged: (month: string) => boolean = () => true,
): DueMonths {
  const months = monthsOf(period.from, period.to).filter(judged);
  const ruleOf = new Map<string, number>();
  const due: DueMonths = {
    branches: { orgIds: [], keys: [], rules: [] },
    rules: { rules: [], months: [], days: [] },
  };
  if (!months.length) return due;
  for (const branch of branches) {
    const text = JSON.stringify(branch.fixedDay);
    let rule = ruleOf.get(text);
    if (rule === undefined) {
      rule = ruleOf.size;
      ruleOf.set(text, rule);
      for (const month of months) {
        const date = fixedDateOf(branch.fixedDay!, month);
        if (date < period.from || date > period.to || date > today) continue;
        due.rules.rules.push(rule);
        due.rules.months.push(`${month}-01`);
        due.rules.days.push(Number(date.slice(8, 10)));
      }
    }
    due.branches.orgIds.push(branch.id);
    due.branches.keys.push(keyOf(branch));
    due.branches.rules.push(rule);
  }
  return due;
}
