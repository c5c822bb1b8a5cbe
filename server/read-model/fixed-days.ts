import { sql } from 'drizzle-orm';
import { todayInChina } from '../../common/dates';
import type { Exemption } from '../../common/enums';
import type { FixedDaySetting } from '../../common/fixed-day';
import { keepsOwnFixedDay } from '../core/fixed-day/fixed-day-org';
import { fixedDateOf } from '../core/fixed-day/period';
import type { DbOrTx } from '../db/open';
import { analyzeReadModel, recountCompliance } from './aggregates';

/** The years `fixed_days` holds; a month outside them is judged from the activities. */
export type Horizon = { first: number; last: number };

// Orgs rewritten per statement, each under its branch's lock.
const CHUNK = 500;

type OrgRule = { id: number; fixedDay: FixedDaySetting | null; exemptions: Exemption[]; children: number };

/**
 * Brings `fixed_days` up to date: the months each branch owes a themed party day, and its fixed
 * day in each, computed by the branch's rule for the years from its first activity to next year.
 * Orgs changed since (queued by a trigger on `orgs`, whoever changed them) are recomputed; all of
 * them when the years move on. Readers call it first, so it is one small query when nothing changed.
 */
export async function keepFixedDays(db: DbOrTx, now: Date): Promise<Horizon> {
  const year = Number(todayInChina(now).slice(0, 4));
  const kept = await keptHorizon(db, year);
  if (kept) return kept;
  // One rewriter at a time: readers arriving meanwhile wait for it and find the work done.
  return 'rollback' in db ? catchUp(db, year) : db.transaction((tx) => catchUp(tx, year));
}

/** The horizon when nothing is waiting to be recomputed, else null. */
async function keptHorizon(db: DbOrTx, year: number): Promise<Horizon | null> {
  const { rows } = await db.execute<{ stale: number; first: number | null; last: number | null }>(sql`
    SELECT (SELECT count(*)::int FROM fixed_days_stale) AS stale,
      (SELECT first_year FROM fixed_days_horizon) AS first, (SELECT last_year FROM fixed_days_horizon) AS last`);
  const kept = rows[0]!;
  return !kept.stale && kept.last === year + 1 && kept.first !== null
    ? { first: kept.first, last: kept.last }
    : null;
}

async function catchUp(tx: DbOrTx, year: number): Promise<Horizon> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7306)`);
  const done = await keptHorizon(tx, year);
  if (done) return done;
  const { rows: stored } = await tx.execute<{ first: number | null; last: number | null }>(
    sql`SELECT (SELECT first_year FROM fixed_days_horizon) AS first, (SELECT last_year FROM fixed_days_horizon) AS last`,
  );
  const { rows: span } = await tx.execute<{ first: number | null }>(
    sql`SELECT extract(year FROM min(day))::int AS first FROM activity_stats`,
  );
  const horizon = { first: Math.min(span[0]!.first ?? year, year), last: year + 1 };
  const all = stored[0]!.first !== horizon.first || stored[0]!.last !== horizon.last;
  const { rows: queued } = await tx.execute<{ id: number }>(
    all
      ? sql`SELECT id FROM orgs UNION SELECT org_id FROM fixed_days_stale`
      : sql`SELECT org_id AS id FROM fixed_days_stale`,
  );
  const ids = queued.map((r) => r.id).sort((a, b) => a - b);
  // Every branch's months at once: one recount of the compliance (under every org's lock, taken
  // by the rewrite) instead of a delta per month, subtree and part left for every read to scan.
  if (all) await tx.execute(sql`SET LOCAL vanguard.recounting_compliance = 'on'`);
  for (let i = 0; i < ids.length; i += CHUNK) await rewrite(tx, ids.slice(i, i + CHUNK), horizon);
  if (all) {
    await tx.execute(sql`SET LOCAL vanguard.recounting_compliance = 'off'`);
    await recountCompliance(tx);
    await analyzeReadModel(tx);
  }
  return horizon;
}

/**
 * One chunk: the orgs' locks first (a change to an org's rule takes the same lock, so none slips
 * between reading the rule and writing its days), then their rules, then their owed months.
 * Orgs queued and since dissolved have theirs removed.
 */
async function rewrite(tx: DbOrTx, ids: number[], horizon: Horizon) {
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(7305, id) FROM unnest(${sql.param(ids)}::int[]) id ORDER BY id`,
  );
  const { rows: orgs } = await tx.execute<OrgRule>(sql`
    SELECT o.id, o.fixed_day AS "fixedDay", o.exemptions,
      (SELECT count(*)::int FROM orgs c WHERE c.parent_id = o.id) AS children
    FROM orgs o WHERE o.id = ANY(${sql.param(ids)}::int[])`);
  const owed = { orgIds: [] as number[], months: [] as string[], days: [] as number[] };
  for (const org of orgs) {
    if (!keepsOwnFixedDay(org) || org.exemptions.includes('fixed_day')) continue;
    for (let y = horizon.first; y <= horizon.last; y++)
      for (let m = 1; m <= 12; m++) {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        owed.orgIds.push(org.id);
        owed.months.push(`${month}-01`);
        owed.days.push(Number(fixedDateOf(org.fixedDay!, month).slice(8, 10)));
      }
  }
  await tx.execute(sql`SELECT keep_fixed_days(${sql.param(ids)}::int[], ${sql.param(owed.orgIds)}::int[],
    ${sql.param(owed.months)}::date[], ${sql.param(owed.days)}::smallint[], ${horizon.first}::smallint,
    ${horizon.last}::smallint)`);
}
