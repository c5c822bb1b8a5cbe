import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from './open';

/**
 * Several reads in one statement, each a subquery whose rows come back as a JSON array: one
 * round trip and one row to parse instead of one query and its rows per read, which is what a
 * screen made of many small aggregates spends its time on. A read given as null is empty.
 * Numbers must be cast to int or float in the subqueries (JSON has no bigint or numeric).
 */
export async function oneTrip<T extends Record<string, unknown[]>>(
  tx: DbOrTx,
  reads: { [K in keyof T]: SQL | null },
): Promise<T> {
  const fields = Object.entries(reads).map(
    ([name, read]) =>
      sql`${name}::text, ${read ? sql`(SELECT coalesce(json_agg(r), '[]'::json) FROM (${read}) r)` : sql`'[]'::json`}`,
  );
  const { rows } = await tx.execute<{ reads: T }>(
    sql`SELECT json_build_object(${sql.join(fields, sql`, `)}) AS reads`,
  );
  return rows[0]!.reads;
}
