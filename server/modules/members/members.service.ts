import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/dates';
import { MEMBER_STATUSES } from '../../../common/enums';
import type {
  MemberCreate,
  MemberDetail,
  MemberListItem,
  MemberListQuery,
  MemberPage,
  MemberTransfer,
  MemberUpdate,
  Revealed,
  StatusChange,
} from '../../../common/schemas/member';
import { maskIdNumber, maskPhone, PHONE_PATTERN } from '../../../common/validators';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { authorize, can, scopePaths } from '../../access/policy';
import { inSubtree, pathInScope } from '../../access/scope-sql';
import { sessionCache } from '../../access/session-cache';
import { recordDisclosure } from '../../db/audit-context';
import { uniqueViolation } from '../../db/errors';
import type { Db, DbOrTx } from '../../db/open';
import { blindIndexes, withBlindIndexes } from '../../db/personal-data/sealed';
import { memberStatusHistory, members, orgs, partyGroups, users } from '../../db/schema/index';
import { conflict, forbidden, notFound, ruleBroken } from '../../errors';
import { releaseFromGroup } from '../groups/index';

const listColumns = {
  id: members.id,
  name: members.name,
  gender: members.gender,
  status: members.status,
  orgId: members.orgId,
  orgName: orgs.name,
  groupId: members.groupId,
  groupName: partyGroups.name,
  posts: members.posts,
  isMobile: members.isMobile,
  phone: members.phone,
  idNumber: members.idNumber,
};

export async function listMembers(db: Db, actor: Actor, query: MemberListQuery): Promise<MemberPage> {
  const scopes = scopePaths(actor, 'member.read');
  const where: SQL[] = [pathInScope(orgs.path, scopes)];
  if (query.orgId !== undefined) {
    const org = await loadOrg(db, actor, query.orgId);
    authorize(actor, 'member.read', org.path);
    where.push(inSubtree(orgs.path, org.path));
  } else if (scopes !== null && scopes.length === 0) throw forbidden();
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Phones are sealed: a whole phone number finds its member, a part of one does not.
    const phone = PHONE_PATTERN.test(query.q) ? inArray(members.phoneHmac, blindIndexes(query.q)) : undefined;
    where.push(or(ilike(members.name, pattern), phone)!);
  }
  if (query.status) where.push(eq(members.status, query.status));
  if (query.post) where.push(sql`${query.post} = ANY(${members.posts})`);
  if (query.mobile) where.push(eq(members.isMobile, query.mobile === 'true'));
  const condition = and(...where);
  const [rows, [count]] = await Promise.all([
    db
      .select(listColumns)
      .from(members)
      .innerJoin(orgs, eq(orgs.id, members.orgId))
      .leftJoin(partyGroups, eq(partyGroups.id, members.groupId))
      .where(condition)
      .orderBy(asc(members.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(members)
      .innerJoin(orgs, eq(orgs.id, members.orgId))
      .where(condition),
  ]);
  return {
    items: rows.map(
      (r): MemberListItem => ({ ...r, phone: maskPhone(r.phone), idNumber: maskIdNumber(r.idNumber) }),
    ),
    total: count!.n,
    page: query.page,
    pageSize: query.pageSize,
  };
}

type MemberRow = typeof members.$inferSelect & { orgPath: string };

/** The member and their branch's path; 404 unless the actor may see them (or is them). */
async function loadMember(db: DbOrTx, actor: Actor, id: number, lock = false): Promise<MemberRow> {
  const query = db
    .select({ member: members, orgPath: orgs.path })
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(eq(members.id, id));
  const [row] = lock ? await query.for('update', { of: members }) : await query;
  if (!row) throw notFound();
  if (actor.memberId !== id) authorize(actor, 'member.read', row.orgPath);
  return { ...row.member, orgPath: row.orgPath };
}

async function loadForWrite(tx: DbOrTx, actor: Actor, id: number): Promise<MemberRow> {
  const member = await loadMember(tx, actor, id, true);
  authorize(actor, 'member.write', member.orgPath);
  return member;
}

export async function getMember(db: DbOrTx, actor: Actor, id: number): Promise<MemberDetail> {
  const m = await loadMember(db, actor, id);
  // One after another: inside a transaction they share one connection.
  const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, m.orgId));
  const group =
    m.groupId === null
      ? null
      : await db.select({ name: partyGroups.name }).from(partyGroups).where(eq(partyGroups.id, m.groupId));
  const history = await db
    .select({
      status: memberStatusHistory.status,
      date: memberStatusHistory.date,
      note: memberStatusHistory.note,
    })
    .from(memberStatusHistory)
    .where(eq(memberStatusHistory.memberId, id))
    .orderBy(asc(memberStatusHistory.date), asc(memberStatusHistory.id));
  const [account] = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.memberId, id));
  // In full only to the member themself; those whose job needs it ask, with a reason (`revealMember`).
  const sensitiveVisible = actor.memberId === id;
  return {
    id: m.id,
    name: m.name,
    gender: m.gender,
    status: m.status,
    orgId: m.orgId,
    orgName: org!.name,
    groupId: m.groupId,
    groupName: group?.[0]?.name ?? null,
    posts: m.posts,
    isMobile: m.isMobile,
    phone: sensitiveVisible ? m.phone : maskPhone(m.phone),
    idNumber: sensitiveVisible ? m.idNumber : maskIdNumber(m.idNumber),
    birthDate: m.birthDate,
    ethnicity: m.ethnicity,
    education: m.education,
    currentLocation: m.currentLocation,
    sensitiveVisible,
    canReveal: !sensitiveVisible && can(actor, 'member.sensitive', m.orgPath),
    canEdit: can(actor, 'member.write', m.orgPath),
    history,
    account: account ?? null,
  };
}

/** A member's phone and ID number in full, for a stated reason that the audit log keeps. */
export async function revealMember(db: Db, actor: Actor, id: number, reason: string): Promise<Revealed> {
  return db.transaction(async (tx) => {
    const m = await loadMember(tx, actor, id);
    authorize(actor, 'member.sensitive', m.orgPath);
    await recordDisclosure(tx, {
      table: 'members',
      rowId: String(id),
      orgPath: m.orgPath,
      fields: ['phone', 'id_number'],
      reason,
    });
    return { phone: m.phone, idNumber: m.idNumber };
  });
}

/** A branch the actor may put members into (creating or transferring them). */
async function targetBranch(tx: DbOrTx, actor: Actor, orgId: number) {
  const org = await loadOrg(tx, actor, orgId);
  authorize(actor, 'member.write', org.path);
  if (org.level !== 'branch') throw ruleBroken('member_not_branch', 'errors.member.notBranch', {}, 'orgId');
  return org;
}

function rethrowDuplicateId(e: unknown, idNumber: string | null | undefined): never {
  if (uniqueViolation(e) === 'members_id_number_key') {
    throw conflict(
      'member_duplicate_id_number',
      'errors.member.duplicateIdNumber',
      { idNumber: idNumber ?? '' },
      'idNumber',
    );
  }
  throw e;
}

export async function createMember(
  db: Db,
  actor: Actor,
  input: MemberCreate,
  now: Date,
): Promise<MemberDetail> {
  try {
    return await db.transaction(async (tx) => {
      await targetBranch(tx, actor, input.orgId);
      const { statusDate, ...fields } = input;
      const [created] = await tx
        .insert(members)
        .values(withBlindIndexes(fields))
        .returning({ id: members.id });
      await tx.insert(memberStatusHistory).values({
        memberId: created!.id,
        status: input.status,
        date: statusDate ?? todayInChina(now),
        recordedBy: actor.userId,
      });
      return getMember(tx, actor, created!.id);
    });
  } catch (e) {
    rethrowDuplicateId(e, input.idNumber);
  }
}

export async function updateMember(
  db: Db,
  actor: Actor,
  id: number,
  input: MemberUpdate,
): Promise<MemberDetail> {
  try {
    return await db.transaction(async (tx) => {
      await loadForWrite(tx, actor, id);
      if (Object.keys(input).length)
        await tx.update(members).set(withBlindIndexes(input)).where(eq(members.id, id));
      return getMember(tx, actor, id);
    });
  } catch (e) {
    rethrowDuplicateId(e, input.idNumber);
  }
}

export async function changeStatus(
  db: Db,
  actor: Actor,
  id: number,
  input: StatusChange,
): Promise<MemberDetail> {
  return db.transaction(async (tx) => {
    const member = await loadForWrite(tx, actor, id);
    const next = MEMBER_STATUSES[MEMBER_STATUSES.indexOf(member.status) + 1];
    if (!next) throw ruleBroken('member_status_final', 'errors.member.statusFinal', {}, 'status');
    if (input.status !== next) {
      throw ruleBroken(
        'member_status_step',
        'errors.member.statusStep',
        { next: `enums.memberStatus.${next}` },
        'status',
      );
    }
    const [last] = await tx
      .select({ date: memberStatusHistory.date })
      .from(memberStatusHistory)
      .where(eq(memberStatusHistory.memberId, id))
      .orderBy(desc(memberStatusHistory.date))
      .limit(1);
    if (last && input.date < last.date) {
      throw ruleBroken('member_status_date', 'errors.member.statusDate', { date: last.date }, 'date');
    }
    await tx.insert(memberStatusHistory).values({
      memberId: id,
      status: input.status,
      date: input.date,
      note: input.note ?? null,
      recordedBy: actor.userId,
    });
    await tx.update(members).set({ status: input.status }).where(eq(members.id, id));
    return getMember(tx, actor, id);
  });
}

export async function transferMember(
  db: Db,
  actor: Actor,
  id: number,
  input: MemberTransfer,
): Promise<MemberDetail> {
  const moved = await db.transaction(async (tx) => {
    const member = await loadForWrite(tx, actor, id);
    await targetBranch(tx, actor, input.orgId);
    if (member.orgId === input.orgId)
      throw ruleBroken('member_same_org', 'errors.member.sameOrg', {}, 'orgId');
    await releaseFromGroup(tx, member);
    await tx.update(members).set({ orgId: input.orgId }).where(eq(members.id, id));
    // The member's account follows them: its member role moves to the new branch.
    await tx.execute(sql`
      UPDATE role_bindings SET org_id = ${input.orgId}
      WHERE role = 'member' AND org_id = ${member.orgId}
        AND user_id IN (SELECT id FROM users WHERE member_id = ${id})`);
    return getMember(tx, actor, id);
  });
  // Once committed, this instance forgets the roles it knew of the member's account.
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.memberId, id));
  if (account) sessionCache(db).forgetUser(account.id);
  return moved;
}
