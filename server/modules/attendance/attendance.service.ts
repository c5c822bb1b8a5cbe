import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type {
  AttendanceList,
  Guest,
  GuestInput,
  LeaveRequest,
  ManualAttendance,
} from '../../../common/schemas/attendance';
import { maskPhone } from '../../../common/validators';
import type { Actor } from '../../access/actor';
import { memberInSubtree } from '../../access/org-path';
import { can } from '../../access/policy';
import { inSubtree } from '../../access/scope-sql';
import { loadActivity } from '../../core/fixed-day/activity';
import { expectsMemberSql, partyMemberSql } from '../../core/fixed-day/party-members';
import { recordAttendanceChange } from '../../core/ledger/facts';
import type { Db, DbOrTx } from '../../db/open';
import { withBlindIndexes } from '../../db/personal-data/sealed';
import { attendance, guests, leaveRequests, members } from '../../db/schema/index';
import { AppError, notFound, ruleBroken } from '../../errors';
import { activityFigures } from '../../read-model/activity-figures';

/** Who was expected, present, on leave or absent at each of a branch's activities, and which residents came. */
export type ActivityAttendance = Pick<AttendanceList, 'members' | 'guests' | 'noPosition'>;

/**
 * The attendance of several activities of the branch at `orgPath`, in two queries however many
 * there are: its Party members, and anyone else who checked in, each with how and when, or their
 * approved leave; and the residents who came.
 */
export async function attendanceOf(
  db: DbOrTx,
  orgPath: string,
  activityIds: number[],
): Promise<Map<number, ActivityAttendance>> {
  const lists = new Map<number, ActivityAttendance>(
    activityIds.map((id) => [id, { members: [], guests: [], noPosition: 0 }]),
  );
  if (!activityIds.length) return lists;
  const ids = sql.param(activityIds);
  const { rows } = await db.execute<{
    activity_id: number;
    member_id: number;
    name: string;
    method: 'qr' | 'code' | 'manual' | null;
    checked_in_at: Date | null;
    attendance_reason: string | null;
    leave_status: string | null;
    leave_reason: string | null;
    no_position: boolean;
    sent_at: Date | null;
  }>(sql`
    WITH acts AS (SELECT id, venue_id, group_id FROM activities WHERE id = ANY(${ids}::int[])),
    people AS (
      SELECT a.id AS activity_id, m.id AS member_id
      FROM acts a CROSS JOIN members m JOIN orgs mo ON mo.id = m.org_id
      WHERE ${inSubtree(sql`mo.path`, orgPath)} AND ${partyMemberSql(sql`m.status`)} AND ${expectsMemberSql(sql`a`, sql`m`)}
      UNION SELECT activity_id, member_id FROM attendance WHERE activity_id = ANY(${ids}::int[]))
    SELECT p.activity_id, m.id AS member_id, m.name, t.method, t.checked_in_at, t.sent_at,
      t.reason AS attendance_reason, l.status AS leave_status, l.reason AS leave_reason,
      -- Checked in by phone at a venue with a position and radius, without sending a position.
      coalesce(t.method <> 'manual' AND (t.lat IS NULL OR t.lng IS NULL) AND v.lat IS NOT NULL
        AND v.lng IS NOT NULL AND v.radius_m IS NOT NULL, false) AS no_position
    FROM people p JOIN members m ON m.id = p.member_id JOIN acts a ON a.id = p.activity_id
    LEFT JOIN venues v ON v.id = a.venue_id
    LEFT JOIN attendance t ON t.activity_id = p.activity_id AND t.member_id = p.member_id
    LEFT JOIN leave_requests l ON l.activity_id = p.activity_id AND l.member_id = p.member_id
    ORDER BY p.activity_id, t.checked_in_at NULLS LAST, m.id`);
  for (const r of rows) {
    const list = lists.get(r.activity_id)!;
    list.members.push({
      memberId: r.member_id,
      name: r.name,
      status: r.method ? 'present' : r.leave_status === 'approved' ? 'leave' : 'absent',
      method: r.method,
      checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
      reason: r.method ? r.attendance_reason : r.leave_status === 'approved' ? r.leave_reason : null,
      noPosition: r.no_position,
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
    });
    if (r.no_position) list.noPosition++;
  }
  const guestRows = await db
    .select()
    .from(guests)
    .where(inArray(guests.activityId, activityIds))
    .orderBy(asc(guests.id));
  for (const g of guestRows)
    lists.get(g.activityId)!.guests.push({ id: g.id, name: g.name, phone: maskPhone(g.phone) });
  return lists;
}

export async function attendanceList(db: DbOrTx, actor: Actor, activityId: number): Promise<AttendanceList> {
  const { org } = await loadActivity(db, actor, activityId, 'activity.read');
  const list = (await attendanceOf(db, org.path, [activityId])).get(activityId)!;
  const leaves = await leaveRows(db, activityId);
  const figures = (await activityFigures(db, [activityId])).get(activityId)!;
  // Why someone was away is theirs: those who keep or inspect the branch's records read every
  // reason, a member their own.
  if (can(actor, 'activity.manage', org.path) || can(actor, 'inspection.manage', org.path))
    return { counts: figures.counts, ...list, leaveRequests: leaves };
  const own = (memberId: number) => memberId === actor.memberId;
  return {
    counts: figures.counts,
    ...list,
    members: list.members.map((m) => (own(m.memberId) ? m : { ...m, reason: null })),
    leaveRequests: leaves.filter((l) => own(l.memberId)),
  };
}

async function leaveRows(db: DbOrTx, activityId: number, id?: number): Promise<LeaveRequest[]> {
  const rows = await db
    .select({ l: leaveRequests, memberName: members.name })
    .from(leaveRequests)
    .innerJoin(members, eq(members.id, leaveRequests.memberId))
    .where(id === undefined ? eq(leaveRequests.activityId, activityId) : eq(leaveRequests.id, id))
    .orderBy(asc(leaveRequests.id));
  return rows.map(({ l, memberName }) => ({
    id: l.id,
    activityId: l.activityId,
    memberId: l.memberId,
    memberName,
    reason: l.reason,
    status: l.status,
    createdAt: l.createdAt.toISOString(),
  }));
}

/** The secretary marks someone without a phone as present (or takes it back), always with a reason. */
export async function markAttendance(
  db: Db,
  actor: Actor,
  activityId: number,
  memberId: number,
  input: ManualAttendance,
  now: Date,
): Promise<AttendanceList> {
  await db.transaction(async (tx) => {
    const { activity, org } = await loadActivity(tx, actor, activityId, 'activity.manage', true);
    if (!(await memberInSubtree(tx, memberId, org.path)))
      throw ruleBroken('attendance_not_member', 'errors.attendance.notMember', {}, 'memberId');
    if (input.status === 'present') {
      await tx
        .insert(attendance)
        .values({
          activityId,
          memberId,
          method: 'manual',
          reason: input.reason,
          recordedBy: actor.userId,
          checkedInAt: now,
        })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(attendance)
        .where(and(eq(attendance.activityId, activityId), eq(attendance.memberId, memberId)));
    }
    await recordAttendanceChange(
      tx,
      actor,
      activity,
      org.id,
      {
        memberId,
        status: input.status,
        reason: input.reason,
      },
      now,
    );
  });
  return attendanceList(db, actor, activityId);
}

export async function requestLeave(
  db: Db,
  actor: Actor,
  activityId: number,
  reason: string,
  now: Date,
): Promise<LeaveRequest> {
  if (actor.memberId === null) throw new AppError(403, 'leave_not_member', 'errors.leave.notMember');
  const { activity, org } = await loadActivity(db, actor, activityId, 'activity.read');
  if (!(await memberInSubtree(db, actor.memberId, org.path)))
    throw new AppError(403, 'leave_not_member', 'errors.leave.notMember');
  // Leave is asked beforehand; once the activity has begun it is the secretary's to record.
  if (activity.startsAt.getTime() <= now.getTime())
    throw ruleBroken('leave_after_start', 'errors.leave.afterStart');
  const [row] = await db
    .insert(leaveRequests)
    .values({ activityId, memberId: actor.memberId, reason })
    .onConflictDoUpdate({
      target: [leaveRequests.activityId, leaveRequests.memberId],
      set: { reason, status: 'pending', decidedBy: null, decidedAt: null },
    })
    .returning({ id: leaveRequests.id });
  return (await leaveRows(db, activityId, row!.id))[0]!;
}

export async function decideLeave(
  db: Db,
  actor: Actor,
  leaveId: number,
  approve: boolean,
  now: Date,
): Promise<LeaveRequest> {
  return db.transaction(async (tx) => {
    const [l] = await tx.select().from(leaveRequests).where(eq(leaveRequests.id, leaveId)).for('update');
    if (!l) throw notFound();
    const { activity, org } = await loadActivity(tx, actor, l.activityId, 'activity.manage');
    if (l.status !== 'pending') throw ruleBroken('leave_decided', 'errors.leave.decided');
    const status = approve ? 'approved' : 'rejected';
    await tx
      .update(leaveRequests)
      .set({ status, decidedBy: actor.userId, decidedAt: now })
      .where(eq(leaveRequests.id, leaveId));
    await recordAttendanceChange(tx, actor, activity, org.id, { memberId: l.memberId, leave: status }, now);
    return (await leaveRows(tx, l.activityId, leaveId))[0]!;
  });
}

export async function addGuest(
  db: Db,
  actor: Actor,
  activityId: number,
  input: GuestInput,
  now: Date,
): Promise<Guest> {
  return db.transaction(async (tx) => {
    const { activity, org } = await loadActivity(tx, actor, activityId, 'activity.manage');
    const [g] = await tx
      .insert(guests)
      .values(withBlindIndexes({ activityId, name: input.name, phone: input.phone ?? null }))
      .returning();
    await recordAttendanceChange(tx, actor, activity, org.id, { guest: g!.name }, now);
    return { id: g!.id, name: g!.name, phone: maskPhone(g!.phone) };
  });
}

export async function removeGuest(db: Db, actor: Actor, guestId: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [g] = await tx.select().from(guests).where(eq(guests.id, guestId));
    if (!g) throw notFound();
    const { activity, org } = await loadActivity(tx, actor, g.activityId, 'activity.manage');
    await tx.delete(guests).where(eq(guests.id, guestId));
    await recordAttendanceChange(tx, actor, activity, org.id, { guestRemoved: g.name }, now);
  });
}
