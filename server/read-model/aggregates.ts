import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open';

/**
 * The triggers (migrations 0003, 0005 and 0012) that keep `activity_stats`, `member_attendance_years`,
 * `masses_days` and `branch_months`; the rollups above them follow from those.
 */
const TRIGGERS = [
  ['attendance', 'attendance_aggregates'],
  ['attendance', 'attendance_inserted'],
  ['leave_requests', 'leave_aggregates'],
  ['guests', 'guests_aggregates'],
  ['guests', 'guests_people'],
  ['activity_files', 'files_aggregates'],
  ['activities', 'activities_aggregates'],
  ['activities', 'activities_group_months'],
  ['plan_entries', 'plan_entries_branch_months'],
  ['orgs', 'orgs_fixed_days'],
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
  // The owed months of the orgs loaded are computed by the app at its next read (keepFixedDays).
  await tx.execute(sql`INSERT INTO fixed_days_stale SELECT id FROM orgs ON CONFLICT DO NOTHING`);
  await analyzeReadModel(tx);
  return result;
}

/**
 * Fresh statistics for the kept tables after they were filled in bulk: without them the planner
 * guesses, and the dashboard takes four times as long until autovacuum comes round.
 */
export async function analyzeReadModel(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`ANALYZE activity_stats, member_attendance_years, masses_days, branch_months, subtree_stats,
    subtree_people, org_masses, fixed_days, subtree_compliance, group_activity_months`);
}

/**
 * The compliance recounted from the owed months and party days, for a bulk load that ran with
 * every trigger off (the demo seed computes its rankings, and so its owed months, that way) and
 * after every branch's owed months were computed at once (`keepFixedDays`).
 */
export async function recountCompliance(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`TRUNCATE subtree_compliance, subtree_compliance_pending`);
  await tx.execute(sql`INSERT INTO subtree_compliance SELECT * FROM subtree_compliance_recount`);
}

/**
 * Adds the check-ins waiting in `activity_stats_pending` into their activities' kept figures, and
 * the rollups' pending deltas into the rollups, emptying them; returns how many activities it
 * touched. Safe beside check-ins (a lock per activity); readers add what is still pending, so
 * folding changes no figure. One folder at a time (the schedule's lock).
 */
export async function foldPending(tx: DbOrTx): Promise<number> {
  const { rows } = await tx.execute<{ n: number }>(sql`SELECT fold_read_model() AS n`);
  return rows[0]!.n;
}

/** Each kept table and the view that recounts it from scratch, with the columns naming a row. */
const RECOUNTED = [
  ['activity_stats', 'activity_id::text'],
  ['member_attendance_years', "org_id || '/' || member_id || '/' || year"],
  ['masses_days', "org_id || '/' || person || '/' || year"],
  ['subtree_stats', "org_id || '/' || year || '/' || part || '/' || type || '/' || theme"],
  ['branch_months', "org_id || '/' || month"],
  ['subtree_compliance', "org_id || '/' || year || '/' || part"],
  ['subtree_people', "org_id || '/' || year || '/' || part"],
  ['org_masses', "org_id || '/' || year || '/' || part"],
  ['group_activity_months', "group_id || '/' || year || '/' || month || '/' || kind"],
] as const;

/** Rows where the kept aggregates differ from a recount from scratch; empty when exact. */
export async function aggregateDrift(tx: DbOrTx) {
  await foldPending(tx);
  const { rows } = await tx.execute<{ source: string; key: string }>(
    sql.raw(
      RECOUNTED.map(
        ([table, key]) => `(SELECT DISTINCT '${table}' AS source, ${key} AS key FROM
      ((SELECT * FROM ${table} EXCEPT SELECT * FROM ${table}_recount)
       UNION (SELECT * FROM ${table}_recount EXCEPT SELECT * FROM ${table})) d)`,
      ).join('\nUNION ALL\n'),
    ),
  );
  return rows;
}
