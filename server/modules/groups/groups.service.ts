import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { GroupCreate, GroupUpdate, PartyGroup } from '../../../common/schemas/group';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { authorize, canSee } from '../../access/policy';
import type { Db, DbOrTx } from '../../db/open';
import { members, orgs, partyGroups } from '../../db/schema/index';
import { AppError, notFound, ruleBroken } from '../../errors';
import { checkGroupComposition, staysValidWithout } from './group-rules';

type GroupRow = typeof partyGroups.$inferSelect;

async function present(db: DbOrTx, groups: GroupRow[]): Promise<PartyGroup[]> {
  if (!groups.length) return [];
  const rows = await db
    .select({ id: members.id, name: members.name, status: members.status, groupId: members.groupId })
    .from(members)
    .where(
      inArray(
        members.groupId,
        groups.map((g) => g.id),
      ),
    )
    .orderBy(members.id);
  return groups.map((g) => ({
    id: g.id,
    orgId: g.orgId,
    name: g.name,
    kind: g.kind,
    leaderId: g.leaderId,
    members: rows.filter((r) => r.groupId === g.id).map(({ groupId: _, ...m }) => m),
  }));
}

export async function listGroups(db: Db, actor: Actor, orgId: number): Promise<PartyGroup[]> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'member.read', org.path);
  const groups = await db
    .select()
    .from(partyGroups)
    .where(eq(partyGroups.orgId, orgId))
    .orderBy(partyGroups.id);
  return present(db, groups);
}

/** The group with its branch, locked for the change, once the actor may change it. */
async function loadGroupForWrite(tx: DbOrTx, actor: Actor, id: number) {
  const [row] = await tx
    .select({ group: partyGroups, path: orgs.path })
    .from(partyGroups)
    .innerJoin(orgs, eq(orgs.id, partyGroups.orgId))
    .where(eq(partyGroups.id, id))
    .for('update');
  if (!row) throw notFound();
  authorize(actor, 'group.write', row.path);
  return row.group;
}

/** Locks and checks the chosen members: all in this branch and in no other group. */
async function chooseMembers(
  tx: DbOrTx,
  actor: Actor,
  orgId: number,
  memberIds: number[],
  groupId: number | null,
) {
  const ids = [...new Set(memberIds)];
  const rows = ids.length
    ? await tx
        .select({
          id: members.id,
          name: members.name,
          status: members.status,
          orgId: members.orgId,
          orgPath: orgs.path,
          groupId: members.groupId,
        })
        .from(members)
        .innerJoin(orgs, eq(orgs.id, members.orgId))
        .where(inArray(members.id, ids))
        .for('update', { of: members })
    : [];
  for (const id of ids) {
    const m = rows.find((r) => r.id === id);
    // Someone the actor cannot see does not exist for them: not even their name is told.
    if (!m || !canSee(actor, m.orgPath))
      throw new AppError(404, 'not_found', 'errors.notFound', {}, 'memberIds');
    if (m.orgId !== orgId) {
      throw ruleBroken(
        'group_member_not_in_branch',
        'errors.group.memberNotInBranch',
        { name: m.name },
        'memberIds',
      );
    }
    if (m.groupId !== null && m.groupId !== groupId) {
      const [other] = await tx
        .select({ name: partyGroups.name })
        .from(partyGroups)
        .where(eq(partyGroups.id, m.groupId));
      throw ruleBroken(
        'group_member_in_other_group',
        'errors.group.memberInOtherGroup',
        { name: m.name, group: other?.name ?? '' },
        'memberIds',
      );
    }
  }
  return rows;
}

export async function createGroup(
  db: Db,
  actor: Actor,
  orgId: number,
  input: GroupCreate,
): Promise<PartyGroup> {
  return db.transaction(async (tx) => {
    const org = await loadOrg(tx, actor, orgId, true);
    authorize(actor, 'group.write', org.path);
    if (org.level !== 'branch') throw ruleBroken('group_only_branch', 'errors.group.onlyBranch');
    const chosen = await chooseMembers(tx, actor, orgId, input.memberIds, null);
    checkGroupComposition(chosen, input.leaderId);
    const [group] = await tx
      .insert(partyGroups)
      .values({ orgId, name: input.name, kind: input.kind, leaderId: input.leaderId })
      .returning();
    await tx.update(members).set({ groupId: group!.id }).where(inArray(members.id, input.memberIds));
    return (await present(tx, [group!]))[0]!;
  });
}

export async function updateGroup(db: Db, actor: Actor, id: number, input: GroupUpdate): Promise<PartyGroup> {
  return db.transaction(async (tx) => {
    const group = await loadGroupForWrite(tx, actor, id);
    const memberIds =
      input.memberIds ??
      (await tx.select({ id: members.id }).from(members).where(eq(members.groupId, id))).map((m) => m.id);
    const leaderId = input.leaderId === undefined ? group.leaderId : input.leaderId;
    const chosen = await chooseMembers(tx, actor, group.orgId, memberIds, id);
    checkGroupComposition(chosen, leaderId);
    const [updated] = await tx
      .update(partyGroups)
      .set({ name: input.name, kind: input.kind, leaderId })
      .where(eq(partyGroups.id, id))
      .returning();
    await tx
      .update(members)
      .set({ groupId: null })
      .where(
        and(
          eq(members.groupId, id),
          memberIds.length ? sql`${members.id} <> ALL(${sql.param(memberIds)}::int[])` : sql`true`,
        ),
      );
    if (memberIds.length) await tx.update(members).set({ groupId: id }).where(inArray(members.id, memberIds));
    return (await present(tx, [updated!]))[0]!;
  });
}

export async function deleteGroup(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    await loadGroupForWrite(tx, actor, id);
    await tx.update(members).set({ groupId: null }).where(eq(members.groupId, id));
    await tx.delete(partyGroups).where(eq(partyGroups.id, id));
  });
}

/**
 * Called inside any change that takes a member out of their group (a transfer): refuses when the
 * group would break its rules, and otherwise releases the member (and the lead, if they held it).
 */
export async function releaseFromGroup(
  tx: DbOrTx,
  member: { id: number; groupId: number | null },
): Promise<void> {
  if (member.groupId === null) return;
  const [group] = await tx.select().from(partyGroups).where(eq(partyGroups.id, member.groupId)).for('update');
  const list = await tx
    .select({ id: members.id, name: members.name, status: members.status })
    .from(members)
    .where(eq(members.groupId, member.groupId));
  if (!staysValidWithout(list, new Set([member.id]))) {
    throw ruleBroken('group_would_break', 'errors.group.wouldBreak', { group: group!.name });
  }
  await tx.update(members).set({ groupId: null }).where(eq(members.id, member.id));
  await tx
    .update(partyGroups)
    .set({ leaderId: null })
    .where(
      and(
        eq(partyGroups.id, member.groupId),
        isNotNull(partyGroups.leaderId),
        eq(partyGroups.leaderId, member.id),
      ),
    );
}
