import { sql } from 'drizzle-orm';
import type { AttendanceCounts, Completeness } from '../../common/schemas/activity';
import { partyMemberSql } from '../core/fixed-day/party-members';
import type { DbOrTx } from '../db/open';

/** Members expected at an activity: the Party members of its org's subtree. */

type Row = {
  id: number;
  members: number;
  present: number;
  leave: number;
  masses: number;
  has_minutes: boolean;
  has_plan: boolean;
  is_party_day: boolean;
  photos: number;
};

/**
 * Attendance figures and ledger completeness of activities, derived from the records each time
 * (present = check-ins, leave = approved leave of those who did not come, absent = the rest).
 */
export async function activityFigures(
  tx: DbOrTx,
  ids: number[],
): Promise<Map<number, { counts: AttendanceCounts; completeness: Completeness }>> {
  if (!ids.length) return new Map();
  const { rows } = await tx.execute<Row>(sql`
    SELECT a.id,
      (SELECT count(*)::int FROM members m JOIN orgs mo ON mo.id = m.org_id
        WHERE mo.path LIKE o.path || '%' AND ${partyMemberSql(sql`m.status`)}) AS members,
      (SELECT count(*)::int FROM attendance t WHERE t.activity_id = a.id) AS present,
      (SELECT count(*)::int FROM leave_requests l WHERE l.activity_id = a.id AND l.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM attendance t WHERE t.activity_id = a.id AND t.member_id = l.member_id)) AS leave,
      (SELECT count(*)::int FROM guests g WHERE g.activity_id = a.id) AS masses,
      (coalesce(length(regexp_replace(a.minutes_html, '<[^>]*>', '', 'g')), 0) > 0) AS has_minutes,
      (a.plan_entry_id IS NOT NULL) AS has_plan,
      (a.type = 'themed_party_day') AS is_party_day,
      (SELECT count(*)::int FROM activity_files f WHERE f.activity_id = a.id AND f.kind = 'photo' AND f.deleted_at IS NULL) AS photos
    FROM activities a JOIN orgs o ON o.id = a.org_id
    WHERE a.id = ANY(${sql.param(ids)}::int[])`);
  return new Map(
    rows.map((r) => {
      const expected = Math.max(r.members - r.leave, 0);
      const absent = Math.max(r.members - r.present - r.leave, 0);
      return [
        r.id,
        {
          counts: {
            members: r.members,
            present: r.present,
            leave: r.leave,
            absent,
            masses: r.masses,
            rate: expected > 0 ? Math.min(r.present / expected, 1) : null,
          },
          completeness: {
            // The themed party day needs its month's plan; the three meetings and the lesson need minutes only.
            materials: r.has_minutes && (r.has_plan || !r.is_party_day),
            attendance: r.present > 0,
            records: r.photos > 0,
          },
        },
      ];
    }),
  );
}
