import { type SQL, sql } from 'drizzle-orm';
import type { AttendanceCounts, Completeness } from '../../common/schemas/activity';
import type { DbOrTx } from '../db/open';
import { type ActivityFacts, completenessOf, countsOf } from './figures';

/**
 * The kept figures of the activities `where` selects, as `activity_stats` holds them with the
 * check-ins still waiting to be folded in added (few, and exact): what the dashboard sums, the
 * ranking scores and an activity's page and ledger row show are the same numbers.
 */
export function activityFactsRead(where: SQL, pending: SQL): SQL {
  return sql`
    SELECT s.activity_id AS id, s.org_id, to_char(s.day, 'YYYY-MM-DD') AS day, s.type, s.theme,
      s.photos, s.members, f.present, f.leave, s.masses, s.duration_min, s.short_reason,
      expected_at(s.members, f.leave) AS expected, ledger_materials(s.type, s.has_minutes, s.has_plan) AS materials,
      ledger_records(s.type, s.photos) AS records,
      ledger_complete(s.type, s.has_minutes, s.has_plan, f.present, s.photos) AS complete
    FROM activity_stats s JOIN orgs o ON o.id = s.org_id
    LEFT JOIN (SELECT activity_id, sum(present)::int AS present, sum(leave)::int AS leave
               FROM activity_stats_pending WHERE ${pending} GROUP BY activity_id) p ON p.activity_id = s.activity_id
    CROSS JOIN LATERAL (SELECT s.present + coalesce(p.present, 0) AS present, s.leave + coalesce(p.leave, 0) AS leave) f
    WHERE ${where}`;
}

export async function activityFacts(tx: DbOrTx, where: SQL, pending: SQL): Promise<ActivityFacts[]> {
  return (await tx.execute<ActivityFacts>(activityFactsRead(where, pending))).rows;
}

/** Attendance figures and ledger completeness of the given activities. */
export async function activityFigures(
  tx: DbOrTx,
  ids: number[],
): Promise<Map<number, { counts: AttendanceCounts; completeness: Completeness }>> {
  if (!ids.length) return new Map();
  const list = sql`${sql.param(ids)}::int[]`;
  const facts = await activityFacts(tx, sql`s.activity_id = ANY(${list})`, sql`activity_id = ANY(${list})`);
  return new Map(facts.map((a) => [a.id, { counts: countsOf(a), completeness: completenessOf(a) }]));
}
