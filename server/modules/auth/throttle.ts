import { and, gt, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open';
import { loginFailures } from '../../db/schema/index';

const WINDOW_MS = 60_000;

export const throttleKeys = (username: string, ip: string) => [`user:${username.toLowerCase()}`, `ip:${ip}`];

/**
 * Seconds to wait before another login try is allowed, or 0. A key is blocked when it failed
 * `limit` times within the last minute; it frees up when the oldest of those falls out.
 */
export async function secondsUntilAllowed(
  db: DbOrTx,
  keys: string[],
  limit: number,
  now: Date,
): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const rows = await db
    .select({
      key: loginFailures.key,
      n: sql<number>`count(*)::int`,
      // The failure whose expiry frees one slot: the limit-th most recent one (epoch ms).
      freeing: sql<
        number | null
      >`((array_agg(extract(epoch FROM ${loginFailures.at}) ORDER BY ${loginFailures.at} DESC))[${limit}] * 1000)::float8`,
    })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gt(loginFailures.at, since)))
    .groupBy(loginFailures.key);
  let wait = 0;
  for (const r of rows) {
    if (r.n < limit || r.freeing === null) continue;
    wait = Math.max(wait, Math.ceil((r.freeing + WINDOW_MS - now.getTime()) / 1000));
  }
  return Math.max(wait, 0);
}

export async function recordFailure(db: DbOrTx, keys: string[], now: Date): Promise<void> {
  await db.insert(loginFailures).values(keys.map((key) => ({ key, at: now })));
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - 86_400_000)));
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.delete(loginFailures).where(inArray(loginFailures.key, [key]));
}
