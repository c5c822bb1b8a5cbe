import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from './open';

/** Who is writing, when, from where and through which route: what the audit triggers record. */
export type AuditContext = {
  userId: number | null;
  username: string | null;
  ip: string;
  route: string;
  requestId: string;
  /** The app's clock, not the database's: tests move it. */
  at: string;
};

const store = new AsyncLocalStorage<AuditContext>();

/** Runs `fn` (and everything it starts) as the write described by `context`. */
export function withAudit<T>(context: AuditContext, fn: () => T): T {
  return store.run(context, fn);
}

/**
 * Runs `fn` outside any audit context: for writes that are their own record and are never
 * logged (a member's own check-ins, written in batches for many people at once).
 */
export function withoutAudit<T>(fn: () => T): T {
  return store.exit(fn);
}

/**
 * Records that personal data was shown or exported in full, with the reason given: reads leave
 * no row for the triggers to see, so the service that shows them says so, in the same audit log.
 */
export async function recordDisclosure(
  db: { execute: Db['execute'] },
  what: { table: string; rowId: string | null; orgPath: string; fields: string[]; reason: string },
): Promise<void> {
  const context = store.getStore();
  if (!context) throw new Error('personal data disclosed outside a request');
  await db.execute(sql`
    INSERT INTO audit_log (at, user_id, username, ip, route, request_id, table_name, row_id, op, org_path, after)
    VALUES (${context.at}, ${context.userId}, ${context.username}, ${context.ip}, ${context.route},
      ${context.requestId}, ${what.table}, ${what.rowId}, 'read', ${what.orgPath},
      ${JSON.stringify({ fields: what.fields, reason: what.reason })}::jsonb)`);
}

const WRITE = /^\s*(insert|update|delete|with)\b/i;

/**
 * Makes every write in an audit context carry it into the database, where the triggers of
 * migration 0010 read it: a transaction sets it first (`set_config(…, true)` lasts as long as the
 * transaction), and a single statement outside one is run in a transaction of its own that does
 * the same. Services write as they always did; nothing is recorded twice or forgotten.
 */
export function auditWrites(db: Db, pool: pg.Pool): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) =>
    transaction(async (tx) => {
      const context = store.getStore();
      if (context)
        await tx.execute(sql`SELECT set_config('vanguard.audit', ${JSON.stringify(context)}, true)`);
      return fn(tx);
    }, config)) as Db['transaction'];

  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  pool.query = (async (...args: unknown[]) => {
    const context = store.getStore();
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    if (!context || typeof args.at(-1) === 'function' || !text || !WRITE.test(text)) return query(...args);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('vanguard.audit', $1, true)`, [JSON.stringify(context)]);
      const result = await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }) as typeof pool.query;
}
