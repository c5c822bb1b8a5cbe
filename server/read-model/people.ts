import { type SQL, sql } from 'drizzle-orm';
import type { Period } from '../../common/schemas/stats';
import { inSubtree } from '../access/scope-sql';
import { yearMasks } from '../core/fixed-day/period';
import { childOfRoot } from './subtree';

const LAST_DAY = ['31', '28', '31', '30', '31', '30', '31', '31', '30', '31', '30', '31'];
const lastDay = (year: number, month: number) =>
  month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? '29' : LAST_DAY[month - 1]!;

/**
 * The part of a year (0 the year, 1-12 a month, 13-16 a quarter) the period is exactly, as the
 * dashboard and ranking pick them, or null for any other span.
 */
export function keptPart({ from, to }: Period): { year: number; part: number } | null {
  const year = Number(from.slice(0, 4));
  if (to.slice(0, 4) !== from.slice(0, 4) || from.slice(8) !== '01') return null;
  const first = Number(from.slice(5, 7));
  const last = Number(to.slice(5, 7));
  if (to.slice(8) !== lastDay(year, last)) return null;
  if (first === 1 && last === 12) return { year, part: 0 };
  if (first === last) return { year, part: first };
  if (last === first + 2 && first % 3 === 1) return { year, part: 12 + (first + 2) / 3 };
  return null;
}

/** Rows of a people read: the bucket (null for the whole subtree) and its distinct people. */
export type PeopleRow = { bucket: string | null; n: number };

/** Indexes a people read's rows: 'all' for the subtree, a child's id for its row. */
export const peopleIndex = (rows: PeopleRow[]) =>
  new Map(rows.map((r) => [r.bucket === null ? 'all' : r.bucket || 'self', r.n]));

/**
 * A year, quarter or month is read from the kept counts (`subtree_people`, `org_masses`, with
 * their pending deltas): one row per child. Any other span is counted from the per-person day
 * bitsets, which costs a pass over the subtree's people instead. Two reads for `oneTrip`.
 */
export function distinctPeople(
  root: { id: number; path: string },
  children: number[],
  depth: number,
  period: Period,
): { members: SQL; masses: SQL } {
  const kept = keptPart(period);
  if (!kept) return countedPeople(root.path, depth, period);
  const ids = sql`${sql.param([root.id, ...children])}::int[]`;
  return {
    members: sql`
      SELECT CASE WHEN org_id = ${root.id} THEN NULL ELSE org_id::text END AS bucket, sum(members)::int AS n
      FROM (SELECT org_id, members FROM subtree_people WHERE org_id = ANY(${ids})
              AND year = ${kept.year} AND part = ${kept.part}
            UNION ALL SELECT org_id, members FROM subtree_people_pending WHERE org_id = ANY(${ids})
              AND year = ${kept.year} AND part = ${kept.part}) x
      GROUP BY org_id`,
    masses: sql`
      SELECT bucket, sum(n)::int AS n
      FROM (SELECT ${childOfRoot(depth)} AS bucket, x.masses AS n
            FROM (SELECT org_id, masses FROM org_masses WHERE year = ${kept.year} AND part = ${kept.part}
                  UNION ALL SELECT org_id, masses FROM org_masses_pending
                  WHERE year = ${kept.year} AND part = ${kept.part}) x
            JOIN orgs o ON o.id = x.org_id
            WHERE ${inSubtree(sql`o.path`, root.path)}) y
      GROUP BY GROUPING SETS ((bucket), ())`,
  };
}

export function countedPeople(path: string, depth: number, period: Period): { members: SQL; masses: SQL } {
  const zero = '0'.repeat(366);
  const yearTest = (table: string) =>
    sql.join(
      yearMasks(period.from, period.to).map(
        (m) =>
          sql`(${sql.raw(table)}.year = ${m.year} AND (${sql.raw(table)}.days & ${m.mask}::bit(366)) <> ${zero}::bit(366))`,
      ),
      sql` OR `,
    );
  const count = (table: string, person: string) => sql`
      SELECT bucket, count(DISTINCT person)::int AS n
      FROM (SELECT ${childOfRoot(depth)} AS bucket, ${sql.raw(person)} AS person
            FROM ${sql.raw(table)} JOIN orgs o ON o.id = ${sql.raw(table)}.org_id
            WHERE ${inSubtree(sql`o.path`, path)} AND (${yearTest(table)})) x
      GROUP BY GROUPING SETS ((bucket), ())`;
  // Residents are told apart within one org, so the same name at two orgs is two people.
  return {
    members: count('member_attendance_years', 'member_attendance_years.member_id::text'),
    masses: count('masses_days', "masses_days.org_id || '|' || masses_days.person"),
  };
}
