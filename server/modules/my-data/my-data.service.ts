import { sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor';
import type { Db, DbOrTx } from '../../db/open';
import { unsealFields } from '../../db/personal-data/sealed';

/** Rows of one query, as plain objects with their columns' names. */
async function rows(db: DbOrTx, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return (await db.execute<Record<string, unknown>>(query)).rows;
}

/**
 * Everything Vanguard holds about the signed-in person, theirs to keep (the right to a copy of
 * one's personal information): the account and its roles, the member record in full with its
 * development path, every activity they took part in, asked leave for or were told of, and every
 * change they made. Read in one snapshot; nothing about anyone else.
 */
export async function myData(db: Db, actor: Actor, now: Date) {
  return db.transaction(
    async (tx) => {
      const memberId = actor.memberId ?? 0;
      const [account] = await rows(
        tx,
        sql`SELECT u.username, u.name, u.phone, u.locale, u.created_at FROM users u WHERE u.id = ${actor.userId}`,
      );
      const roles = await rows(
        tx,
        sql`SELECT b.role, o.name AS org FROM role_bindings b LEFT JOIN orgs o ON o.id = b.org_id
          WHERE b.user_id = ${actor.userId} ORDER BY b.id`,
      );
      const [member] = await rows(
        tx,
        sql`SELECT m.name, m.gender, m.birth_date, m.ethnicity, m.education, m.phone, m.id_number, m.status,
            m.posts, m.is_mobile, m.current_location, o.name AS org, g.name AS party_group, m.created_at
          FROM members m JOIN orgs o ON o.id = m.org_id LEFT JOIN party_groups g ON g.id = m.group_id
          WHERE m.id = ${memberId}`,
      );
      const statusHistory = await rows(
        tx,
        sql`SELECT status, date, note FROM member_status_history WHERE member_id = ${memberId} ORDER BY date, id`,
      );
      const attendance = await rows(
        tx,
        sql`SELECT a.title, a.starts_at, o.name AS org, t.method, t.checked_in_at, t.reason, t.sent_at,
            t.lat IS NULL AS no_position
          FROM attendance t JOIN activities a ON a.id = t.activity_id JOIN orgs o ON o.id = a.org_id
          WHERE t.member_id = ${memberId} ORDER BY a.starts_at`,
      );
      const leave = await rows(
        tx,
        sql`SELECT a.title, a.starts_at, l.reason, l.status, l.created_at, l.decided_at
          FROM leave_requests l JOIN activities a ON a.id = l.activity_id
          WHERE l.member_id = ${memberId} ORDER BY l.created_at`,
      );
      const notices = await rows(
        tx,
        sql`SELECT n.title, n.kind, n.created_at, r.read_at
          FROM notice_receipts r JOIN notices n ON n.id = r.notice_id
          WHERE r.member_id = ${memberId} ORDER BY n.created_at`,
      );
      // Their reports to the group and the replies (the replier's name is not theirs to carry away).
      const reports = await rows(
        tx,
        sql`SELECT kind, title, body, created_at, reply, replied_at
          FROM member_reports WHERE member_id = ${memberId} ORDER BY created_at`,
      );
      // The heart-to-heart talks held with them: what was talked about and agreed, and when.
      const talksWithThem = await rows(
        tx,
        sql`SELECT held_on, topics, agreed, follow_up_on FROM talks WHERE member_id = ${memberId} ORDER BY held_on`,
      );
      const changesMade = await rows(
        tx,
        sql`SELECT at, route, table_name AS object, row_id AS object_id, op, before, after
          FROM audit_log WHERE user_id = ${actor.userId} ORDER BY at, id`,
      );
      return {
        exportedAt: now.toISOString(),
        account: { ...unsealFields(account!, ['phone']), roles },
        member: member ? { ...unsealFields(member, ['phone', 'id_number']), statusHistory } : null,
        attendance,
        leave,
        notices,
        reports,
        talks: talksWithThem,
        changesMade,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
