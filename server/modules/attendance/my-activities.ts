import { sql } from 'drizzle-orm';
import type { MyActivities, UpcomingActivity } from '../../../common/schemas/notice';
import type { Actor } from '../../access/actor';
import { expectsMemberSql } from '../../core/fixed-day/party-members';
import type { Db } from '../../db/open';

type Row = {
  id: number;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue_name: string | null;
  address: string | null;
  present: boolean;
  leave_status: string | null;
};

/** How many scheduled activities after the next one the phone page lists. */
const LATER = 5;

const upcoming = (r: Row): UpcomingActivity => ({
  id: r.id,
  title: r.title,
  startsAt: new Date(r.starts_at).toISOString(),
  endsAt: new Date(r.ends_at).toISOString(),
  venueName: r.venue_name,
  address: r.address,
  myStatus: r.present
    ? 'present'
    : r.leave_status === 'approved'
      ? 'leave'
      : r.leave_status === 'pending'
        ? 'leave_pending'
        : 'none',
});

/**
 * The member's phone page: the coming activities of their branch and the orgs above it, and
 * their own record of the past year.
 */
export async function myActivities(db: Db, actor: Actor, at: Date): Promise<MyActivities> {
  if (actor.memberId === null) return { next: null, later: [], history: [], rate: null };
  const { rows } = await db.execute<Row>(sql`
    SELECT a.id, a.title, a.starts_at, a.ends_at, v.name AS venue_name, v.address,
      EXISTS (SELECT 1 FROM attendance t WHERE t.activity_id = a.id AND t.member_id = m.id) AS present,
      (SELECT l.status FROM leave_requests l WHERE l.activity_id = a.id AND l.member_id = m.id) AS leave_status
    FROM members m JOIN orgs mo ON mo.id = m.org_id
    JOIN activities a ON a.org_id = ANY(string_to_array(trim(both '/' from mo.path), '/')::int[])
    LEFT JOIN venues v ON v.id = a.venue_id
    WHERE m.id = ${actor.memberId} AND a.status = 'scheduled'
      -- Another group's meeting is not theirs, unless they joined it.
      AND (${expectsMemberSql(sql`a`, sql`m`)} OR EXISTS (SELECT 1 FROM attendance t WHERE t.activity_id = a.id AND t.member_id = m.id))
      AND a.starts_at > ${at.toISOString()}::timestamptz - interval '1 year'
    ORDER BY a.starts_at`);
  const now = at.getTime();
  const coming = rows.filter((r) => new Date(r.ends_at).getTime() > now);
  const past = rows.filter((r) => new Date(r.ends_at).getTime() <= now).reverse();
  const history = past.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: new Date(r.starts_at).toISOString(),
    status: r.present
      ? ('present' as const)
      : r.leave_status === 'approved'
        ? ('leave' as const)
        : ('absent' as const),
  }));
  const expected = history.filter((h) => h.status !== 'leave').length;
  return {
    next: coming[0] ? upcoming(coming[0]) : null,
    later: coming.slice(1, 1 + LATER).map(upcoming),
    history,
    rate: expected ? history.filter((h) => h.status === 'present').length / expected : null,
  };
}
