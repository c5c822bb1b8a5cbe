import { eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor';
import { loadOrg, type OrgRow } from '../../access/load-org';
import { authorize, type Capability } from '../../access/policy';
import type { DbOrTx } from '../../db/open';
import { orgs } from '../../db/schema/index';
import { ruleBroken } from '../../errors';

/**
 * A branch (or general branch): an org with a fixed-day rule, which holds plans and activities;
 * 422 for a committee.
 */
export async function loadBranch(tx: DbOrTx, actor: Actor, id: number, capability: Capability, lock = false) {
  const org = await loadOrg(tx, actor, id, lock);
  authorize(actor, capability, org.path);
  if (!org.fixedDay) throw ruleBroken('not_a_branch', 'errors.activity.notBranch', {}, 'orgId');
  return { ...org, fixedDay: org.fixedDay };
}

/**
 * The one question the oversight asks of an org: does it keep a fixed day of its own? It has a
 * rule and nothing below it. Such a branch is counted by the dashboard and the alerts, answers
 * the checklist, writes the annual report and is ranked.
 */
export const keepsOwnFixedDay = (org: { fixedDay: unknown; children: number }) =>
  org.fixedDay !== null && org.fixedDay !== undefined && org.children === 0;

/** The same question in SQL, of the `orgs` row under `alias`, for reads that count in the database. */
export const keepsOwnFixedDaySql = (alias: string): SQL =>
  sql`(${sql.raw(alias)}.fixed_day IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM orgs own_child WHERE own_child.parent_id = ${sql.raw(alias)}.id))`;

/** The same question of one org read on its own, its children counted. */
export async function keepsOwnFixedDayAt(tx: DbOrTx, org: OrgRow): Promise<boolean> {
  const [child] = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.parentId, org.id)).limit(1);
  return keepsOwnFixedDay({ fixedDay: org.fixedDay, children: child ? 1 : 0 });
}
