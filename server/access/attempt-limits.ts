import { and, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/open';
import { loginFailures } from '../db/schema/index';

/** At most `limit` failures of `key` within `windowMs`. */
export type AttemptLimit = { key: string; limit: number; windowMs: number };

const LIMIT_LOCK = 7_411_010;
const KEEP_MS = 86_400_000;

/** Seconds until every limit has a free slot again, or 0; the failures are read, not changed. */
async function secondsUntilFree(tx: DbOrTx, limits: AttemptLimit[], now: Date): Promise<number> {
  const longest = Math.max(...limits.map((l) => l.windowMs));
  const rows = await tx
    .select({
      key: loginFailures.key,
      at: sql<number>`(extract(epoch FROM ${loginFailures.at}) * 1000)::float8`,
    })
    .from(loginFailures)
    .where(
      and(
        inArray(
          loginFailures.key,
          limits.map((l) => l.key),
        ),
        gt(loginFailures.at, new Date(now.getTime() - longest)),
      ),
    );
  let wait = 0;
  for (const { key, limit, windowMs } of limits) {
    const recent = rows
      .filter((r) => r.key === key && r.at > now.getTime() - windowMs)
      .map((r) => r.at)
      .sort((a, b) => b - a);
    // Blocked until the limit-th most recent failure falls out of the window.
    if (recent.length >= limit)
      wait = Math.max(wait, Math.ceil((recent[limit - 1]! + windowMs - now.getTime()) / 1000));
  }
  return wait;
}

/**
 * Runs an attempt under its limits, atomically: attempts sharing a key wait for each other (an
 * advisory lock per key), so forty guesses sent at once are judged one after another and no more
 * than the limit are ever tried. `attempt` answers whether it succeeded; a failure is counted
 * against every key. Blocked, it is not run and the seconds to wait are returned.
 */
export async function limitedAttempt<T>(
  db: Db,
  limits: AttemptLimit[],
  now: Date,
  attempt: () => Promise<{ ok: boolean; value: T }>,
): Promise<{ blockedFor: number } | { blockedFor: 0; ok: boolean; value: T }> {
  return db.transaction(async (tx) => {
    for (const key of [...new Set(limits.map((l) => l.key))].sort())
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${LIMIT_LOCK}, hashtext(${key}))`);
    const blockedFor = await secondsUntilFree(tx, limits, now);
    if (blockedFor > 0) return { blockedFor };
    const { ok, value } = await attempt();
    if (!ok) {
      await tx.insert(loginFailures).values(limits.map((l) => ({ key: l.key, at: now })));
      await tx.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - KEEP_MS)));
    }
    return { blockedFor: 0, ok, value };
  });
}

/** A success forgets the failures of these keys (the owner typed it right at last). */
export async function forgetFailures(db: DbOrTx, keys: string[]): Promise<void> {
  await db.delete(loginFailures).where(inArray(loginFailures.key, keys));
}
