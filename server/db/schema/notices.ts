import {
  boolean,
  index,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Locale, NoticeKind, WebhookKind } from '../../../common/enums';
import { activities } from './activities';
import { createdAt } from './columns';
import { members } from './members';
import { orgs } from './orgs';

export const notices = pgTable(
  'notices',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    activityId: integer('activity_id').references(() => activities.id),
    kind: text('kind').$type<NoticeKind>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('notices_org_idx').on(t.orgId)],
);

/** One row per member told; read when they opened it. */
export const noticeReceipts = pgTable(
  'notice_receipts',
  {
    noticeId: integer('notice_id')
      .notNull()
      .references(() => notices.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notice_receipts_key').on(t.noticeId, t.memberId),
    index('notice_receipts_member_idx').on(t.memberId),
  ],
);

export const webhooks = pgTable('webhooks', {
  orgId: integer('org_id')
    .primaryKey()
    .references(() => orgs.id),
  url: text('url').notNull(),
  kind: text('kind').$type<WebhookKind>().notNull(),
  /** The language the group chat reads its notices in. */
  locale: text('locale').$type<Locale>().notNull().default('zh-CN'),
  enabled: boolean('enabled').notNull().default(true),
  lastStatus: text('last_status'),
  lastAt: timestamp('last_at', { withTimezone: true }),
});

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull(),
    noticeId: integer('notice_id').references(() => notices.id),
    attempt: smallint('attempt').notNull(),
    ok: boolean('ok').notNull(),
    detail: text('detail'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_deliveries_org_idx').on(t.orgId)],
);

/** Private calendar feed per member: the token is the URL, so calendar apps need no login. */
export const calendarTokens = pgTable('calendar_tokens', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id),
  token: text('token').notNull().unique(),
});
