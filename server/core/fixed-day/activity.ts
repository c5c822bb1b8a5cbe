import { eq } from 'drizzle-orm';
import type { Actor } from '../../access/actor';
import { authorize } from '../../access/policy';
import type { DbOrTx } from '../../db/open';
import { activities, orgs } from '../../db/schema/index';
import { notFound } from '../../errors';

export type ActivityRow = typeof activities.$inferSelect;

/** The activity and its org; 404 outside the actor's subtree, 403 without the capability. */
export async function loadActivity(
  tx: DbOrTx,
  actor: Actor,
  id: number,
  capability: 'activity.read' | 'activity.manage',
  lock = false,
) {
  const query = tx
    .select({ activity: activities, org: { id: orgs.id, path: orgs.path, name: orgs.name } })
    .from(activities)
    .innerJoin(orgs, eq(orgs.id, activities.orgId))
    .where(eq(activities.id, id));
  const [row] = lock ? await query.for('update', { of: activities }) : await query;
  if (!row) throw notFound();
  authorize(actor, capability, row.org.path);
  return row;
}
