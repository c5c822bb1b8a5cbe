import { createHash } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open';
import { ledgerEntries } from '../../db/schema/index';

export const GENESIS = '0'.repeat(64);
// Any fixed number: the first key of the advisory lock that serializes one branch's appends.
const LEDGER_LOCK = 7_411_010;

export type LedgerFact = {
  orgId: number;
  activityId: number | null;
  kind: string;
  payload: Record<string, unknown>;
  byUserId: number | null;
};

/** JSON with sorted keys: the same fact always hashes the same. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function entryHash(
  prevHash: string,
  e: {
    orgId: number;
    seq: number;
    activityId: number | null;
    kind: string;
    payload: unknown;
    byUserId: number | null;
    at: Date;
  },
): string {
  const body = canonical({
    orgId: e.orgId,
    seq: e.seq,
    activityId: e.activityId,
    kind: e.kind,
    payload: e.payload,
    byUserId: e.byUserId,
    at: e.at.toISOString(),
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Appends a fact to the branch's chain inside the caller's transaction. Appends of one branch
 * wait for each other on an advisory lock, so sequence numbers and links never fork.
 */
export async function appendLedger(tx: DbOrTx, fact: LedgerFact, now: Date): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LEDGER_LOCK}, ${fact.orgId})`);
  const [last] = await tx
    .select({ seq: ledgerEntries.seq, hash: ledgerEntries.hash })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.orgId, fact.orgId))
    .orderBy(desc(ledgerEntries.seq))
    .limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  // Millisecond precision: what PostgreSQL stores and gives back is what was hashed.
  const at = new Date(Math.floor(now.getTime()));
  const hash = entryHash(prevHash, { ...fact, seq, at });
  await tx.insert(ledgerEntries).values({ ...fact, seq, at, prevHash, hash });
}

export type ChainBreak = { seq: number; activityId: number | null; kind: string; at: Date };

/** Recomputes every link of a branch's chain; the first entry that does not match breaks it. */
export async function verifyChain(
  db: DbOrTx,
  orgId: number,
): Promise<{ entries: number; brokenAt: ChainBreak | null }> {
  const rows = await db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, orgId)))
    .orderBy(asc(ledgerEntries.seq));
  let prev = GENESIS;
  for (const [i, row] of rows.entries()) {
    const expected = entryHash(prev, row);
    if (row.seq !== i + 1 || row.prevHash !== prev || row.hash !== expected) {
      return {
        entries: rows.length,
        brokenAt: { seq: row.seq, activityId: row.activityId, kind: row.kind, at: row.at },
      };
    }
    prev = row.hash;
  }
  return { entries: rows.length, brokenAt: null };
}
