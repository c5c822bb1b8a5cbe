import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Locale, NoticeKind } from '../../../common/enums';
import { translate } from '../../../common/i18n/translate';
import type { Inbox } from '../../../common/schemas/notice';
import type { Actor } from '../../access/actor';
import { inSubtree } from '../../access/scope-sql';
import { partyMemberSql } from '../../core/fixed-day/party-members';
import type { Db, DbOrTx } from '../../db/open';
import { members, noticeReceipts, notices, orgs } from '../../db/schema/index';
import { notFound } from '../../errors';

export type NoticeParams = { title: string; when: string; venue: string; content?: string; reason?: string };

/**
 * Tells every member of the org's subtree, inside the caller's transaction. The notice keeps its
 * facts, not a sentence, so each reader sees it in their own language.
 */
export async function createNotice(
  tx: DbOrTx,
  n: { orgId: number; orgPath: string; activityId: number; kind: NoticeKind; params: NoticeParams },
): Promise<{ id: number; recipients: number }> {
  const [notice] = await tx
    .insert(notices)
    .values({
      orgId: n.orgId,
      activityId: n.activityId,
      kind: n.kind,
      title: n.params.title,
      body: JSON.stringify(n.params),
    })
    .returning({ id: notices.id });
  const result = await tx.execute(sql`
    INSERT INTO notice_receipts (notice_id, member_id)
    SELECT ${notice!.id}, m.id FROM ${members} m JOIN ${orgs} o ON o.id = m.org_id WHERE ${inSubtree(sql`o.path`, n.orgPath)}`);
  return { id: notice!.id, recipients: result.rowCount ?? 0 };
}

export function renderNotice(
  locale: Locale,
  kind: NoticeKind,
  body: string,
): { title: string; body: string } {
  const params = JSON.parse(body) as NoticeParams;
  const p = {
    ...params,
    venue: params.venue || translate(locale, 'server.noVenue'),
    content: params.content ?? '',
    reason: params.reason ?? '',
  };
  return {
    title: translate(locale, `server.notice.${kind}.title`, p),
    body: translate(locale, `server.notice.${kind}.body`, p).trim(),
  };
}

export async function inbox(db: Db, actor: Actor): Promise<Inbox> {
  if (actor.memberId === null) return { items: [], unread: 0 };
  const rows = await db
    .select({ notice: notices, readAt: noticeReceipts.readAt })
    .from(noticeReceipts)
    .innerJoin(notices, eq(notices.id, noticeReceipts.noticeId))
    .where(eq(noticeReceipts.memberId, actor.memberId))
    .orderBy(desc(notices.id))
    .limit(100);
  const [unread] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(noticeReceipts)
    .where(and(eq(noticeReceipts.memberId, actor.memberId), isNull(noticeReceipts.readAt)));
  return {
    items: rows.map(({ notice, readAt }) => ({
      id: notice.id,
      kind: notice.kind,
      activityId: notice.activityId,
      ...renderNotice(actor.locale, notice.kind, notice.body),
      createdAt: notice.createdAt.toISOString(),
      read: readAt !== null,
    })),
    unread: unread!.n,
  };
}

export async function markRead(db: Db, actor: Actor, noticeId: number | 'all', now: Date): Promise<void> {
  if (actor.memberId === null) throw notFound();
  const mine = eq(noticeReceipts.memberId, actor.memberId);
  const updated = await db
    .update(noticeReceipts)
    .set({ readAt: now })
    .where(
      noticeId === 'all'
        ? and(mine, isNull(noticeReceipts.readAt))
        : and(mine, eq(noticeReceipts.noticeId, noticeId)),
    )
    .returning({ id: noticeReceipts.noticeId });
  if (noticeId !== 'all' && !updated.length) throw notFound();
}

/**
 * How many were told of an activity, how many of them are Party members (those expected; the
 * others are applicants, activists and development targets, told too), and how many opened it.
 */
export async function noticeStatus(
  db: DbOrTx,
  activityId: number,
): Promise<{ sent: number; partyMembers: number; read: number }> {
  const [row] = await db
    .select({
      sent: sql<number>`count(DISTINCT ${noticeReceipts.memberId})::int`,
      partyMembers: sql<number>`count(DISTINCT ${noticeReceipts.memberId}) FILTER (WHERE ${partyMemberSql(members.status)})::int`,
      read: sql<number>`count(DISTINCT ${noticeReceipts.memberId}) FILTER (WHERE ${noticeReceipts.readAt} IS NOT NULL)::int`,
    })
    .from(noticeReceipts)
    .innerJoin(notices, eq(notices.id, noticeReceipts.noticeId))
    .innerJoin(members, eq(members.id, noticeReceipts.memberId))
    .where(eq(notices.activityId, activityId));
  return row ?? { sent: 0, partyMembers: 0, read: 0 };
}
