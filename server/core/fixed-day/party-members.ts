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
