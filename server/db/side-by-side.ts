import type { DbOrTx } from './open';

type Results<T extends readonly (() => Promise<unknown>)[]> = {
  -readonly [K in keyof T]: Awaited<ReturnType<T[K]>>;
};

/**
 * Independent reads side by side on the pool; one after another in a transaction, which holds a
 * single connection (pg queues them anyway and will refuse overlapping queries in its next major).
 */
export async function sideBySide<T extends readonly (() => Promise<unknown>)[]>(
  db: DbOrTx,
  queries: T,
): Promise<Results<T>> {
  if ('rollback' in db) {
    const results: unknown[] = [];
    for (const q of queries) results.push(await q());
    return results as Results<T>;
  }
  return (await Promise.all(queries.map((q) => q()))) as Results<T>;
}
