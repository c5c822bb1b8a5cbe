import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/open';
import { members, orgs } from '../db/schema/index';

/** Ids of an org and its ancestors, read from its materialized path (`/1/3/7/` → 1, 3, 7). */
export const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

/** Whether a member belongs to the subtree whose root has `orgPath`. */
export async function memberInSubtree(tx: DbOrTx, memberId: number, orgPath: string): Promise<boolean> {
  const [m] = await tx
    .select({ path: orgs.path })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(eq(members.id, memberId));
  return Boolean(m?.path.startsWith(orgPath));
}
