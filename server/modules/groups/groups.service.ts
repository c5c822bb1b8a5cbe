import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { GroupKind, MemberStatus } from '../../../common/enums';
import type { GroupCreate, GroupUpdate, PartyGroup } from '../../../common/schemas/group';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { authorize, canSee } from '../../access/policy';
import type { Db, DbOrTx } from '../../db/open';
import { activities, members, orgs, partyGroups } from '../../db/schema/index';
import { AppError, notFound, ruleBroken } from '../../errors';
import { checkGroupComposition, membershipClash, staysValidWithout } from './group-rules';

type GroupRow = typeof partyGroups.$inferSelect;

/** The groups with their members: those for whom it is their own group first, then the second ones. */
async function present(db: DbOrTx, groups: GroupRow[]): Promise<PartyGroup[]> {
  if (!groups.length) return [];
  const ids = groups.map((g) => g.id);
  const rows = await db
    .select({
      id: members.id,
      name: members.name,
      status: members.status,
      groupId: members.groupId,
      secondGroupId: members.secondGroupId,
      mobile: members.isMobile,
      location: members.currentLocation,
    })
    .from(members)
    .where(or(inArray(members.groupId, ids), inArray(members.secondGroupId, ids)))
    .orderBy(members.id);
  return groups.map((g) => ({
    id: g.id,
    orgId: g.orgId,
    name: g.name,
    kind: g.kind,
    kindName: g.kindName,
    leaderId: g.leaderId,
    members: rows
      .filter((r) => r.groupId === g.id || r.secondGroupId === g.id)
      .map((r) => ({
        id: r.id,
        name: r.name,
        status: r.status,
        second: r.groupId !== g.id,
        mobile: r.mobile,
        location: r.mobile ? r.location : null,
      }))
      .sort((a, b) => Number(a.second) - Number(b.second)),
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

/** A group and its branch, for the caller to authorize; 404 when there is none. */
export async function loadGroup(tx: DbOrTx, id: number, lock = false) {
  const query = tx
    .select({ group: partyGroups, org: { id: orgs.id, path: orgs.path, name: orgs.name } })
    .from(partyGroups)
    .innerJoin(orgs, eq(orgs.id, partyGroups.orgId))
    .where(eq(partyGroups.id, id));
  const [row] = lock ? await query.for('update', { of: partyGroups }) : await query;
  if (!row) throw notFound();
  return row;
}

/** The groups a member belongs to, their own first. */
export async function groupsOf(db: DbOrTx, memberId: number): Promise<PartyGroup[]> {
  const [m] = await db
    .select({ groupId: members.groupId, secondGroupId: members.secondGroupId })
    .from(members)
    .where(eq(members.id, memberId));
  const ids = [m?.groupId, m?.secondGroupId].filter((id): id is number => id != null);
  if (!ids.length) return [];
  const groups = await db.select().from(partyGroups).where(inArray(partyGroups.id, ids));
  return present(
    db,
    ids.map((id) => groups.find((g) => g.id === id)!),
  );
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

type Chosen = {
  id: number;
  name: string;
  status: MemberStatus;
  groupId: number | null;
  secondGroupId: number | null;
};

/**
 * Locks and checks the chosen members: all in this branch; a group's own members in no other
 * group as their own, its second members with an own group elsewhere and no other second one.
 */
async function chooseMembers(
  tx: DbOrTx,
  actor: Actor,
  orgId: number,
  memberIds: number[],
  secondIds: number[],
  groupId: number | null,
): Promise<Chosen[]> {
  const ids = [...new Set([...memberIds, ...secondIds])];
  const rows = ids.length
    ? await tx
        .select({
          id: members.id,
          name: members.name,
          status: members.status,
          orgId: members.orgId,
          orgPath: orgs.path,
          groupId: members.groupId,
          secondGroupId: members.secondGroupId,
        })
        .from(members)
        .innerJoin(orgs, eq(orgs.id, members.orgId))
        .where(inArray(members.id, ids))
        .for('update', { of: members })
    : [];
  const groupName = async (id: number) =>
    (await tx.select({ name: partyGroups.name }).from(partyGroups).where(eq(partyGroups.id, id)))[0]?.name ??
    '';
  const own = new Set(memberIds);
  const twice = rows.find((r) => own.has(r.id) && secondIds.includes(r.id));
  if (twice)
    throw ruleBroken(
      'group_member_twice',
      'errors.group.memberTwice',
      { name: twice.name },
      'secondMemberIds',
    );
  for (const id of ids) {
    const field = own.has(id) ? 'memberIds' : 'secondMemberIds';
    const m = rows.find((r) => r.id === id);
    // Someone the actor cannot see does not exist for them: not even their name is told.
    if (!m || !canSee(actor, m.orgPath)) throw new AppError(404, 'not_found', 'errors.notFound', {}, field);
    if (m.orgId !== orgId) {
      throw ruleBroken(
        'group_member_not_in_branch',
        'errors.group.memberNotInBranch',
        { name: m.name },
        field,
      );
    }
    const clash = membershipClash(m, groupId, own.has(id));
    if (clash === 'own_here')
      throw ruleBroken('group_member_twice', 'errors.group.memberTwice', { name: m.name }, 'secondMemberIds');
    if (clash === 'own_elsewhere' || clash === 'second_elsewhere') {
      const other = clash === 'own_elsewhere' ? m.groupId! : m.secondGroupId!;
      throw ruleBroken(
        clash === 'own_elsewhere' ? 'group_member_in_other_group' : 'group_member_second_elsewhere',
        clash === 'own_elsewhere' ? 'errors.group.memberInOtherGroup' : 'errors.group.secondElsewhere',
        { name: m.name, group: await groupName(other) },
        field,
      );
    }
    if (clash === 'no_own_group')
      throw ruleBroken('group_second_needs_own', 'errors.group.secondNeedsOwn', { name: m.name }, field);
  }
  return rows;
}

/** Puts the chosen members in the group: an own member's second group here ends, a second member keeps their own. */
async function placeMembers(tx: DbOrTx, groupId: number, memberIds: number[], secondIds: number[]) {
  if (memberIds.length)
    await tx
      .update(members)
      .set({ groupId, secondGroupId: sql`nullif(${members.secondGroupId}, ${groupId})` })
      .where(inArray(members.id, memberIds));
  if (secondIds.length)
    await tx.update(members).set({ secondGroupId: groupId }).where(inArray(members.id, secondIds));
}

/**
 * Takes members out of the group (all of them, or all but those kept): one leaving their own
 * group keeps their second, which becomes the group whose life counts for them.
 */
async function releaseMembers(tx: DbOrTx, groupId: number, keep: number[] = [], keepSecond: number[] = []) {
  const others = (ids: number[]) =>
    ids.length ? sql`${members.id} <> ALL(${sql.param(ids)}::int[])` : sql`true`;
  await tx
    .update(members)
    .set({ groupId: sql`${members.secondGroupId}`, secondGroupId: null })
    .where(and(eq(members.groupId, groupId), others(keep)));
  await tx
    .update(members)
    .set({ secondGroupId: null })
    .where(and(eq(members.secondGroupId, groupId), others(keepSecond)));
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
    const secondIds = input.secondMemberIds ?? [];
    const chosen = await chooseMembers(tx, actor, orgId, input.memberIds, secondIds, null);
    checkGroupComposition(chosen, input.leaderId);
    const [group] = await tx
      .insert(partyGroups)
      .values({
        orgId,
        name: input.name,
        kind: input.kind,
        kindName: kindNameOf(input.kind, input.kindName),
        leaderId: input.leaderId,
      })
      .returning();
    await placeMembers(tx, group!.id, input.memberIds, secondIds);
    return (await present(tx, [group!]))[0]!;
  });
}

/** Only a group of kind `other` carries a name of the branch's own. */
const kindNameOf = (kind: GroupKind, name: string | null | undefined) =>
  kind === 'other' && name ? name : null;

export async function updateGroup(db: Db, actor: Actor, id: number, input: GroupUpdate): Promise<PartyGroup> {
  return db.transaction(async (tx) => {
    const group = await loadGroupForWrite(tx, actor, id);
    const current = await tx
      .select({ id: members.id, groupId: members.groupId })
      .from(members)
      .where(or(eq(members.groupId, id), eq(members.secondGroupId, id)));
    const memberIds = input.memberIds ?? current.filter((m) => m.groupId === id).map((m) => m.id);
    const secondIds = input.secondMemberIds ?? current.filter((m) => m.groupId !== id).map((m) => m.id);
    const leaderId = input.leaderId === undefined ? group.leaderId : input.leaderId;
    const chosen = await chooseMembers(tx, actor, group.orgId, memberIds, secondIds, id);
    checkGroupComposition(chosen, leaderId);
    const kind = input.kind ?? group.kind;
    const [updated] = await tx
      .update(partyGroups)
      .set({
        name: input.name,
        kind,
        kindName: kindNameOf(kind, input.kindName === undefined ? group.kindName : input.kindName),
        leaderId,
      })
      .where(eq(partyGroups.id, id))
      .returning();
    await releaseMembers(tx, id, memberIds, secondIds);
    await placeMembers(tx, id, memberIds, secondIds);
    return (await present(tx, [updated!]))[0]!;
  });
}

export async function deleteGroup(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    await loadGroupForWrite(tx, actor, id);
    // Its meetings stay in the branch's ledger under its name: a group with a history is kept.
    const [held] = await tx
      .select({ id: activities.id })
      .from(activities)
      .where(eq(activities.groupId, id))
      .limit(1);
    if (held) throw ruleBroken('group_has_activities', 'errors.group.hasActivities');
    await releaseMembers(tx, id);
    await tx.delete(partyGroups).where(eq(partyGroups.id, id));
  });
}

/**
 * Called inside any change that takes a member out of the branch (a transfer): refuses when one
 * of their groups would break its rules, and otherwise releases the member from both (and the
 * lead, if they held it).
 */
export async function releaseFromGroup(
  tx: DbOrTx,
  member: { id: number; groupId: number | null; secondGroupId: number | null },
): Promise<void> {
  for (const groupId of [member.groupId, member.secondGroupId]) {
    if (groupId === null) continue;
    const [group] = await tx.select().from(partyGroups).where(eq(partyGroups.id, groupId)).for('update');
    const list = await tx
      .select({ id: members.id, name: members.name, status: members.status })
      .from(members)
      .where(or(eq(members.groupId, groupId), eq(members.secondGroupId, groupId)));
    if (!staysValidWithout(list, new Set([member.id]))) {
      throw ruleBroken('group_would_break', 'errors.group.wouldBreak', { group: group!.name });
    }
    await tx
      .update(partyGroups)
      .set({ leaderId: null })
      .where(
        and(
          eq(partyGroups.id, groupId),
          isNotNull(partyGroups.leaderId),
          eq(partyGroups.leaderId, member.id),
        ),
      );
  }
  await tx.update(members).set({ groupId: null, secondGroupId: null }).where(eq(members.id, member.id));
}
