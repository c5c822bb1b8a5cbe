import { sql } from 'drizzle-orm';
import type { MyActivities } from '../../../common/schemas/notice';
import type { Actor } from '../../access/actor';
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

/** The member's phone page: the next activity of their branch and their own record of the past year. */
export async function myActivities(db: Db, actor: Actor): Promise<MyActivities> {
  if (actor.memberId === null) return { next: null, history: [], rate: null };
  const { rows } = await db.execute<Row>(sql`
    SELECT a.id, a.title, a.starts_at, a.ends_at, v.name AS venue_name, v.address,
      EXISTS (SELECT 1 FROM attendance t WHERE t.activity_id = a.id AND t.member_id = m.id) AS present,
      (SELECT l.status FROM leave_requests l WHERE l.activity_id = a.id AND l.member_id = m.id) AS leave_status
    FROM members m JOIN orgs mo ON mo.id = m.org_id
    JOIN activities a ON a.org_id = ANY(string_to_array(trim(both '/' from mo.path), '/')::int[])
    LEFT JOIN venues v ON v.id = a.venue_id
    WHERE m.id = ${actor.memberId} AND a.status = 'scheduled'
      AND a.starts_at > now() - interval '1 year'
    ORDER BY a.starts_at`);
  const now = Date.now();
  const upcoming = rows.find((r) => new Date(r.ends_at).getTime() > now);
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
    next: upcoming
      ? {
          id: upcoming.id,
          title: upcoming.title,
          startsAt: new Date(upcoming.starts_at).toISOString(),
          endsAt: new Date(upcoming.ends_at).toISOString(),
          venueName: upcoming.venue_name,
          address: upcoming.address,
          myStatus: upcoming.present
            ? 'present'
            : upcoming.leave_status === 'approved'
              ? 'leave'
              : upcoming.leave_status === 'pending'
                ? 'leave_pending'
                : 'none',
        }
      : null,
    history,
    rate: expected ? history.filter((h) => h.status === 'present').length / expected : null,
  };
}
