import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { authorize, type Capability } from '../../access/policy';
import type { DbOrTx } from '../../db/open';
import { ruleBroken } from '../../errors';

/** A branch (or general branch): the organizations that keep a fixed day, plans and activities. */
export async function loadFixedDayOrg(
  tx: DbOrTx,
  actor: Actor,
  id: number,
  capability: Capability,
  lock = false,
) {
  const org = await loadOrg(tx, actor, id, lock);
  authorize(actor, capability, org.path);
  if (!org.fixedDay) throw ruleBroken('not_a_branch', 'errors.activity.notBranch', {}, 'orgId');
  return { ...org, fixedDay: org.fixedDay };
}
