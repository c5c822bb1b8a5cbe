import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/open';
import { orgs } from '../db/schema/index';
import { notFound } from '../errors';
import type { Actor } from './actor';
import { authorize } from './policy';

export type OrgRow = typeof orgs.$inferSelect;

/**
 * The org row, or 404 whether it does not exist or is simply not the actor's to see: the first
 * access check of every module that acts on an org, so it lives with access, not in one module.
 */
export async function loadOrg(db: DbOrTx, actor: Actor, id: number, lock = false): Promise<OrgRow> {
  const query = db.select().from(orgs).where(eq(orgs.id, id));
  const [org] = lock ? await query.for('update') : await query;
  if (!org) throw notFound();
  authorize(actor, 'org.read', org.path);
  return org;
}
