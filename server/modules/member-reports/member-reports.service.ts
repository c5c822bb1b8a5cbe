import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  type MemberReport,
  type MemberReportInput,
  type MemberReportList,
  REPORT_REPLY_DAYS,
} from '../../../common/schemas/member-report';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { authorize, authorizeReportReading, authorizeReportReply } from '../../access/policy';
import { inSubtree } from '../../access/scope-sql';
import type { Db, DbOrTx } from '../../db/open';
import { memberReports, members, orgs, partyGroups, users } from '../../db/schema/index';
import { notFound, ruleBroken } from '../../errors';
import { loadGroup } from '../groups/index';

const DAY_MS = 86_400_000;

/** Waiting for its reply longer than the fortnight a group owes its members. */
export const isOverdue = (r: { reply: string | null; createdAt: Date }, now: Date) =>
  r.reply === null && now.getTime() - r.createdAt.getTime() > REPORT_REPLY_DAYS * DAY_MS;

const writer = alias(members, 'writer');

async function reportsWhere(db: DbOrTx, where: SQL, now: Date, limit = 200): Promise<MemberReport[]> {
  const rows = await db
    .select({
      r: memberReports,
      memberName: writer.name,
      groupName: partyGroups.name,
      groupLeaderId: partyGroups.leaderId,
      orgPath: orgs.path,
      repliedByName: users.name,
    })
    .from(memberReports)
    .innerJoin(writer, eq(writer.id, memberReports.memberId))
    .innerJoin(orgs, eq(orgs.id, memberReports.orgId))
    .leftJoin(partyGroups, eq(partyGroups.id, memberReports.groupId))
    .leftJoin(users, eq(users.id, memberReports.repliedBy))
    .where(where)
    .orderBy(desc(memberReports.createdAt), desc(memberReports.id))
    .limit(limit);
  return rows.map(({ r, memberName, groupName, repliedByName }) => ({
    id: r.id,
    memberId: r.memberId,
    memberName,
    groupId: r.groupId,
    groupName,
    kind: r.kind,
    title: r.title,
    body: r.body,
    createdAt: r.createdAt.toISOString(),
    reply: r.reply,
    repliedByName,
    repliedAt: r.repliedAt?.toISOString() ?? null,
    overdue: isOverdue(r, now),
  }));
}

const listOf = (items: MemberReport[]): MemberReportList => ({
  items,
  overdue: items.filter((r) => r.overdue).length,
});

/** A member (or an applicant, an activist) writes to their group from the phone. */
export async function writeReport(
  db: Db,
  actor: Actor,
  input: MemberReportInput,
  now: Date,
): Promise<MemberReport> {
  if (actor.memberId === null) throw ruleBroken('report_no_member', 'errors.memberReport.noMember');
  const [me] = await db
    .select({ orgId: members.orgId, groupId: members.groupId })
    .from(members)
    .where(eq(members.id, actor.memberId));
  if (!me) throw notFound();
  const [row] = await db
    .insert(memberReports)
    .values({ memberId: actor.memberId, orgId: me.orgId, groupId: me.groupId, ...input, createdAt: now })
    .returning({ id: memberReports.id });
  return (await reportsWhere(db, eq(memberReports.id, row!.id), now))[0]!;
}

export async function myReports(db: Db, actor: Actor, now: Date): Promise<MemberReportList> {
  if (actor.memberId === null) return listOf([]);
  return listOf(await reportsWhere(db, eq(memberReports.memberId, actor.memberId), now));
}

/** The reports of a branch's (or a subtree's) members, for those who may read its personal data. */
export async function orgReports(
  db: Db,
  actor: Actor,
  orgId: number,
  waiting: boolean,
  now: Date,
): Promise<MemberReportList> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'member.sensitive', org.path);
  const where = and(
    inSubtree(sql`${orgs.path}`, org.path),
    waiting ? isNull(memberReports.reply) : undefined,
  )!;
  return listOf(await reportsWhere(db, where, now));
}

/** A group's reports, for its leader (and those who read the branch's). */
export async function groupReports(
  db: Db,
  actor: Actor,
  groupId: number,
  waiting: boolean,
  now: Date,
): Promise<MemberReportList> {
  const { group, org } = await loadGroup(db, groupId);
  authorizeReportReading(actor, { memberId: null, groupLeaderId: group.leaderId, orgPath: org.path });
  const where = and(eq(memberReports.groupId, groupId), waiting ? isNull(memberReports.reply) : undefined)!;
  return listOf(await reportsWhere(db, where, now));
}

async function loadReport(tx: DbOrTx, id: number, lock = false) {
  const query = tx
    .select({ r: memberReports, orgPath: orgs.path, groupLeaderId: partyGroups.leaderId })
    .from(memberReports)
    .innerJoin(orgs, eq(orgs.id, memberReports.orgId))
    .leftJoin(partyGroups, eq(partyGroups.id, memberReports.groupId))
    .where(eq(memberReports.id, id));
  const [row] = lock ? await query.for('update', { of: memberReports }) : await query;
  if (!row) throw notFound();
  return {
    ...row,
    access: { memberId: row.r.memberId, groupLeaderId: row.groupLeaderId, orgPath: row.orgPath },
  };
}

export async function getReport(db: Db, actor: Actor, id: number, now: Date): Promise<MemberReport> {
  const { access } = await loadReport(db, id);
  authorizeReportReading(actor, access);
  return (await reportsWhere(db, eq(memberReports.id, id), now))[0]!;
}

/** The leader's or the secretary's reply, which the member reads; a reply once given is kept. */
export async function replyToReport(
  db: Db,
  actor: Actor,
  id: number,
  reply: string,
  now: Date,
): Promise<MemberReport> {
  await db.transaction(async (tx) => {
    const { r, access } = await loadReport(tx, id, true);
    authorizeReportReply(actor, access);
    if (r.reply !== null) throw ruleBroken('report_replied', 'errors.memberReport.replied', {}, 'reply');
    await tx
      .update(memberReports)
      .set({ reply, repliedBy: actor.userId, repliedAt: now })
      .where(eq(memberReports.id, id));
  });
  return (await reportsWhere(db, eq(memberReports.id, id), now))[0]!;
}
