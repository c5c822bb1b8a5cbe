import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
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
export async function attendanceDigest(tx: DbOrTx, activityId: number): Promise<string> {
  const present = await tx
    .select({ m: attendance.memberId, how: attendance.method, at: attendance.checkedInAt })
    .from(attendance)
    .where(eq(attendance.activityId, activityId))
    .orderBy(asc(attendance.memberId));
  const leave = await tx
    .select({ m: leaveRequests.memberId })
    .from(leaveRequests)
    .where(and(eq(leaveRequests.activityId, activityId), eq(leaveRequests.status, 'approved')))
    .orderBy(asc(leaveRequests.memberId));
  const masses = await tx
    .select({ n: guests.name })
    .from(guests)
    .where(eq(guests.activityId, activityId))
    .orderBy(asc(guests.id));
  return sha(
    canonical({
      present: present.map((p) => [p.m, p.how, p.at.toISOString()]),
      leave: leave.map((l) => l.m),
      masses: masses.map((g) => g.n),
    }),
  );
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
  for (const a of ended) {
    await appendLedger(
      tx,
      {
        orgId,
        activityId: a.id,
        kind: 'attendance_sealed',
        payload: { digest: await attendanceDigest(tx, a.id) },
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

export async function liveFiles(tx: DbOrTx, activityId: number) {
  return tx
    .select({ id: activityFiles.id, sha256: activityFiles.sha256 })
    .from(activityFiles)
    .where(and(eq(activityFiles.activityId, activityId), isNull(activityFiles.deletedAt)))
    .orderBy(asc(activityFiles.id));
}
