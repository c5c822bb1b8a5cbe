import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor';
import type { DbOrTx } from '../../db/open';
import {
  activities,
  activityFiles,
  attendance,
  guests,
  leaveRequests,
  ledgerEntries,
} from '../../db/schema/index';
import type { ActivityRow } from '../fixed-day/activity';
import { appendLedger, canonical } from './chain';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What the ledger remembers of an activity's attendance: who was present (how, when), who had
 * leave, which residents came. Check-ins themselves are not chained one by one (the busiest
 * minute of the month must stay fast); the whole list is sealed into the chain once the
 * activity is over, and every change after that is chained with its reason.
 */
export async function attendanceDigests(tx: DbOrTx, activityIds: number[]): Promise<Map<number, string>> {
  if (!activityIds.length) return new Map();
  const present = await tx
    .select({
      a: attendance.activityId,
      m: attendance.memberId,
      how: attendance.method,
      at: attendance.checkedInAt,
    })
    .from(attendance)
    .where(inArray(attendance.activityId, activityIds))
    .orderBy(asc(attendance.memberId));
  const leave = await tx
    .select({ a: leaveRequests.activityId, m: leaveRequests.memberId })
    .from(leaveRequests)
    .where(and(inArray(leaveRequests.activityId, activityIds), eq(leaveRequests.status, 'approved')))
    .orderBy(asc(leaveRequests.memberId));
  const masses = await tx
    .select({ a: guests.activityId, n: guests.name })
    .from(guests)
    .where(inArray(guests.activityId, activityIds))
    .orderBy(asc(guests.id));
  return new Map(
    activityIds.map((id) => [
      id,
      sha(
        canonical({
          present: present.filter((p) => p.a === id).map((p) => [p.m, p.how, p.at.toISOString()]),
          leave: leave.filter((l) => l.a === id).map((l) => l.m),
          masses: masses.filter((g) => g.a === id).map((g) => g.n),
        }),
      ),
    ]),
  );
}

export async function attendanceDigest(tx: DbOrTx, activityId: number): Promise<string> {
  return (await attendanceDigests(tx, [activityId])).get(activityId)!;
}

export const minutesDigest = (a: Pick<ActivityRow, 'minutesHtml' | 'decisions'>) =>
  sha(canonical({ minutes: a.minutesHtml ?? '', decisions: a.decisions ?? '' }));

export async function isSealed(tx: DbOrTx, activityId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.activityId, activityId), eq(ledgerEntries.kind, 'attendance_sealed')))
    .limit(1);
  return Boolean(row);
}

/** Seals the attendance of every activity of the org that has ended and is not sealed yet. */
export async function sealEnded(tx: DbOrTx, orgId: number, now: Date): Promise<void> {
  const ended = await tx
    .select()
    .from(activities)
    .where(
      and(
        eq(activities.orgId, orgId),
        eq(activities.status, 'scheduled'),
        lt(activities.endsAt, now),
        sql`NOT EXISTS (SELECT 1 FROM ledger_entries l WHERE l.activity_id = ${activities.id} AND l.kind = 'attendance_sealed')`,
      ),
    )
    .orderBy(asc(activities.endsAt));
  const digests = await attendanceDigests(
    tx,
    ended.map((a) => a.id),
  );
  for (const a of ended) {
    await appendLedger(
      tx,
      {
        orgId,
        activityId: a.id,
        kind: 'attendance_sealed',
        payload: { digest: digests.get(a.id)! },
        byUserId: null,
      },
      now,
    );
  }
}

/** A change to attendance: chained with its reason once the list is sealed, part of the seal before. */
export async function recordAttendanceChange(
  tx: DbOrTx,
  actor: Actor,
  activity: ActivityRow,
  orgId: number,
  change: Record<string, unknown>,
  now: Date,
) {
  if (!(await isSealed(tx, activity.id))) return;
  await appendLedger(
    tx,
    {
      orgId,
      activityId: activity.id,
      kind: 'attendance_edit',
      payload: { ...change, digest: await attendanceDigest(tx, activity.id) },
      byUserId: actor.userId,
    },
    now,
  );
}

/** The files each activity holds now, by id with their SHA-256, in one query. */
export async function liveFilesOf(tx: DbOrTx, activityIds: number[]) {
  const files = new Map<number, { id: number; sha256: string }[]>(activityIds.map((id) => [id, []]));
  if (!activityIds.length) return files;
  const rows = await tx
    .select({ activityId: activityFiles.activityId, id: activityFiles.id, sha256: activityFiles.sha256 })
    .from(activityFiles)
    .where(and(inArray(activityFiles.activityId, activityIds), isNull(activityFiles.deletedAt)))
    .orderBy(asc(activityFiles.id));
  for (const { activityId, ...file } of rows) files.get(activityId)!.push(file);
  return files;
}
