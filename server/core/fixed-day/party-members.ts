import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { type MemberStatus, PARTY_MEMBER_STATUSES } from '../../../common/enums';

/**
 * Who is a Party member (probationary or full): those expected at the branch's activities,
 * counted by the figures and the alerts, and the only ones a party group holds.
 */
export const isPartyMember = (status: MemberStatus) =>
  (PARTY_MEMBER_STATUSES as readonly string[]).includes(status);

/** The same in SQL, for a status column. */
export const partyMemberSql = (status: AnyColumn | SQL): SQL =>
  sql`${status} = ANY(${sql.param([...PARTY_MEMBER_STATUSES])}::text[])`;

/**
 * Whether an activity expects a member, in SQL over an activity and a member row: a party group's
 * meeting expects its group (the members whose own or second group it is), any other activity
 * every Party member of its branch. `activity_stats_recount` and `attendanceOf` count the same.
 */
export const expectsMemberSql = (activity: SQL, member: SQL): SQL =>
  sql`(${activity}.group_id IS NULL OR ${activity}.group_id = ${member}.group_id OR ${activity}.group_id = ${member}.second_group_id)`;
