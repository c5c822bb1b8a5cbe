import { and, eq, sql } from 'drizzle-orm';
import type { OrgLevel } from '../../../common/enums';
import { DEFAULT_FIXED_DAY } from '../../../common/fixed-day';
import type { Org, OrgCreate, OrgMove, OrgTree, OrgUpdate } from '../../../common/schemas/org';
import type { Actor } from '../../access/actor';
import { loadOrg, type OrgRow } from '../../access/load-org';
import { authorize, can, scopePaths } from '../../access/policy';
import { inSubtree, pathInScope } from '../../access/scope-sql';
import type { Db, DbOrTx } from '../../db/open';
import { members, orgs, partyGroups, roleBindings } from '../../db/schema/index';
import { forbidden, ruleBroken } from '../../errors';

/** Which levels may be set up under which: a branch holds party groups, not organizations. */
const CHILD_LEVELS: Record<OrgLevel, readonly OrgLevel[]> = {
  committee: ['committee', 'general_branch', 'branch'],
  general_branch: ['branch'],
  branch: [],
};

const hasFixedDay = (level: OrgLevel) => level !== 'committee';

export async function getTree(db: Db, actor: Actor): Promise<OrgTree> {
  const nodes = await db
    .select({ id: orgs.id, parentId: orgs.parentId, name: orgs.name, level: orgs.level, kind: orgs.kind })
    .from(orgs)
    .where(pathInScope(orgs.path, scopePaths(actor, 'org.read')))
    .orderBy(orgs.path);
  return { nodes };
}

export async function presentOrg(db: DbOrTx, org: OrgRow): Promise<Org> {
  const [counts] = await db
    .select({
      childCount: sql<number>`(SELECT count(*)::int FROM ${orgs} WHERE ${orgs.parentId} = ${org.id})`,
      memberCount: sql<number>`(SELECT count(*)::int FROM ${members} m JOIN ${orgs} o ON o.id = m.org_id WHERE ${inSubtree(sql`o.path`, org.path)})`,
      groupCount: sql<number>`(SELECT count(*)::int FROM ${partyGroups} WHERE ${partyGroups.orgId} = ${org.id})`,
    })
    .from(sql`(SELECT 1) AS one`);
  return {
    id: org.id,
    parentId: org.parentId,
    name: org.name,
    level: org.level,
    kind: org.kind,
    fixedDay: org.fixedDay,
    exemptions: org.exemptions,
    ...counts!,
  };
}

export async function getOrg(db: Db, actor: Actor, id: number): Promise<Org> {
  return presentOrg(db, await loadOrg(db, actor, id));
}

function checkLevel(parent: OrgRow, level: OrgLevel) {
  if (!CHILD_LEVELS[parent.level].includes(level)) {
    throw ruleBroken(
      'org_level',
      'errors.org.levelUnderParent',
      { parent: `enums.orgLevel.${parent.level}`, level: `enums.orgLevel.${level}` },
      'level',
    );
  }
}

export async function createOrg(db: Db, actor: Actor, input: OrgCreate): Promise<Org> {
  return db.transaction(async (tx) => {
    const parent = await loadOrg(tx, actor, input.parentId);
    authorize(actor, 'org.manage', parent.path);
    checkLevel(parent, input.level);
    if (input.fixedDay && !hasFixedDay(input.level)) {
      throw ruleBroken('org_fixed_day', 'errors.org.fixedDayOnlyBranch', {}, 'fixedDay');
    }
    const [created] = await tx
      .insert(orgs)
      .values({
        parentId: parent.id,
        path: '',
        name: input.name,
        level: input.level,
        kind: input.kind,
        fixedDay: hasFixedDay(input.level) ? (input.fixedDay ?? DEFAULT_FIXED_DAY) : null,
      })
      .returning();
    const [org] = await tx
      .update(orgs)
      .set({ path: `${parent.path}${created!.id}/` })
      .where(eq(orgs.id, created!.id))
      .returning();
    return presentOrg(tx, org!);
  });
}

export async function updateOrg(db: Db, actor: Actor, id: number, input: OrgUpdate): Promise<Org> {
  return db.transaction(async (tx) => {
    const org = await loadOrg(tx, actor, id, true);
    // Only those above a branch may excuse it from something, never its own secretary.
    if (input.name !== undefined || input.kind !== undefined || input.exemptions !== undefined)
      authorize(actor, 'org.manage', org.path);
    if (input.fixedDay !== undefined) {
      // The branch's own secretary sets its fixed day; they cannot rename the branch.
      authorize(actor, 'org.settings', org.path);
      if (!hasFixedDay(org.level))
        throw ruleBroken('org_fixed_day', 'errors.org.fixedDayOnlyBranch', {}, 'fixedDay');
    }
    const [updated] = await tx
      .update(orgs)
      .set({
        name: input.name,
        kind: input.kind,
        fixedDay: input.fixedDay,
        exemptions: input.exemptions ? [...new Set(input.exemptions)] : undefined,
      })
      .where(eq(orgs.id, id))
      .returning();
    return presentOrg(tx, updated!);
  });
}

/**
 * The org's parent, which the actor must manage to move or dissolve the org: a township's own
 * supervisor may reshape what is under the township, not the township itself.
 */
async function managedParent(tx: DbOrTx, actor: Actor, org: OrgRow): Promise<OrgRow> {
  authorize(actor, 'org.manage', org.path);
  if (org.parentId === null) throw ruleBroken('org_root', 'errors.org.rootImmutable');
  const [parent] = await tx.select().from(orgs).where(eq(orgs.id, org.parentId));
  if (!can(actor, 'org.manage', parent!.path)) throw forbidden();
  return parent!;
}

export async function moveOrg(db: Db, actor: Actor, id: number, input: OrgMove): Promise<Org> {
  return db.transaction(async (tx) => {
    const org = await loadOrg(tx, actor, id, true);
    await managedParent(tx, actor, org);
    const target = await loadOrg(tx, actor, input.parentId);
    authorize(actor, 'org.manage', target.path);
    if (target.path.startsWith(org.path)) {
      throw ruleBroken('org_move_into_self', 'errors.org.moveIntoSelf', {}, 'parentId');
    }
    checkLevel(target, org.level);
    const newPath = `${target.path}${org.id}/`;
    await tx
      .update(orgs)
      .set({ path: sql`${newPath} || substr(${orgs.path}, ${org.path.length + 1})` })
      .where(inSubtree(orgs.path, org.path));
    const [moved] = await tx.update(orgs).set({ parentId: target.id }).where(eq(orgs.id, id)).returning();
    return presentOrg(tx, moved!);
  });
}

export async function dissolveOrg(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const org = await loadOrg(tx, actor, id, true);
    await managedParent(tx, actor, org);
    const counts = await presentOrg(tx, org);
    if (counts.childCount + counts.memberCount + counts.groupCount > 0) {
      throw ruleBroken('org_not_empty', 'errors.org.notEmpty');
    }
    // Roles held at a dissolved org have nothing left to act on.
    await tx.delete(roleBindings).where(eq(roleBindings.orgId, id));
    await tx.delete(orgs).where(and(eq(orgs.id, id)));
  });
}
