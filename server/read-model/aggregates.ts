import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open';

/** The triggers (migrations 0003 and 0005) that keep `activity_stats` and `member_attendance_years`. */
const TRIGGERS = [
  ['attendance', 'attendance_aggregates'],
  ['attendance', 'attendance_inserted'],
  ['leave_requests', 'leave_aggregates'],
  ['guests', 'guests_aggregates'],
  ['activity_files', 'files_aggregates'],
  ['activities', 'activities_aggregates'],
] as const;

/**
 * A bulk load (the demo seed's three years) recounts once at the end instead of once per row:
 * the triggers are off inside the transaction and the aggregates rebuilt before it commits.
 */
export async function withAggregatesRebuiltAfter<T>(tx: DbOrTx, load: () => Promise<T>): Promise<T> {
  for (const [table, trigger] of TRIGGERS)
    await tx.execute(sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`));
  const result = await load();
  for (const [table, trigger] of TRIGGERS)
    await tx.execute(sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`));
  await tx.execute(sql`SELECT rebuild_aggregates()`);
  return result;
}

/**
 * Adds the check-ins waiting in `activity_stats_pending` into their activities' kept figures and
 * empties it; returns how many activities it touched. Safe beside check-ins and other folds (a
 * lock per activity); readers add what is still pending, so folding changes no figure.
 */
export async function foldPending(tx: DbOrTx): Promise<number> {
  const { rows } = await tx.execute<{ n: number }>(sql`SELECT fold_activity_stats() AS n`);
  return rows[0]!.n;
}

/** Rows where the kept aggregates differ from a recount from scratch; empty when exact. */
export async function aggregateDrift(tx: DbOrTx) {
  await foldPending(tx);
  const { rows } = await tx.execute<{ source: string; key: string }>(sql`
    (SELECT DISTINCT 'activity_stats' AS source, activity_id::text AS key FROM
      ((SELECT * FROM activity_stats EXCEPT SELECT * FROM activity_stats_recount)
       UNION (SELECT * FROM activity_stats_recount EXCEPT SELECT * FROM activity_stats)) d)
    UNION ALL
    (SELECT DISTINCT 'member_attendance_years', org_id || '/' || member_id || '/' || year FROM
      ((SELECT * FROM member_attendance_years EXCEPT SELECT * FROM member_attendance_years_recount)
       UNION (SELECT * FROM member_attendance_years_recount EXCEPT SELECT * FROM member_attendance_years)) d)`);
  return rows;
}
