import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type {
  ActivityChangeKind,
  ActivityKind,
  ActivityStatus,
  ActivityType,
  CheckInMethod,
  LeaveStatus,
  Locale,
  NoticeKind,
  Theme,
  VenueType,
  WebhookKind,
} from '../../../common/enums';
import { sealedText } from '../personal-data/sealed';
import { users } from './accounts';
import { members } from './members';
import { orgs } from './orgs';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Instance-wide values made once, e.g. the key that signs check-in codes. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const venues = pgTable(
  'venues',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    type: text('type').$type<VenueType>().notNull(),
    address: text('address'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    radiusM: integer('radius_m'),
    /** A check-in at this venue must send a position (inside the radius); otherwise one without is kept, marked. */
    strict: boolean('strict').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('venues_org_idx').on(t.orgId)],
);

export const themeRecommendations = pgTable(
  'theme_recommendations',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    theme: text('theme').$type<Theme>().notNull(),
    title: text('title').notNull(),
    kinds: text('kinds').array().$type<ActivityKind[]>().notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('theme_recommendations_org_year_idx').on(t.orgId, t.year)],
);

export const planEntries = pgTable(
  'plan_entries',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    theme: text('theme').$type<Theme>().notNull(),
    title: text('title').notNull(),
    kinds: text('kinds').array().$type<ActivityKind[]>().notNull(),
    venueId: integer('venue_id').references(() => venues.id),
    recommendationId: integer('recommendation_id').references(() => themeRecommendations.id),
    late: boolean('late').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_entries_org_month_key').on(t.orgId, t.year, t.month)],
);

export const activities = pgTable(
  'activities',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    planEntryId: integer('plan_entry_id').references(() => planEntries.id),
    type: text('type').$type<ActivityType>().notNull(),
    theme: text('theme').$type<Theme>(),
    kinds: text('kinds').array().$type<ActivityKind[]>().notNull().default([]),
    title: text('title').notNull(),
    content: text('content'),
    venueId: integer('venue_id').references(() => venues.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    responsibleMemberId: integer('responsible_member_id').references(() => members.id),
    massesInvited: boolean('masses_invited').notNull().default(false),
    shortReason: text('short_reason'),
    status: text('status').$type<ActivityStatus>().notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    minutesHtml: text('minutes_html'),
    decisions: text('decisions'),
    recordsUpdatedAt: timestamp('records_updated_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('activities_org_starts_idx').on(t.orgId, t.startsAt)],
);

/** Who changed what of an activity, when and why: reschedules, cancellations, late edits. */
export const activityChanges = pgTable(
  'activity_changes',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    kind: text('kind').$type<ActivityChangeKind>().notNull(),
    reason: text('reason'),
    late: boolean('late').notNull().default(false),
    byUserId: integer('by_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
  },
  (t) => [index('activity_changes_activity_idx').on(t.activityId)],
);

/**
 * Present members only: "absent" is everyone else who neither checked in nor had leave. One
 * row per member and activity, so a repeated check-in cannot count twice.
 */
export const attendance = pgTable(
  'attendance',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    method: text('method').$type<CheckInMethod>().notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull().defaultNow(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    reason: text('reason'),
    recordedBy: integer('recorded_by').references(() => users.id),
    /** When a check-in kept on a phone without a network reached the server; null: at once. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('attendance_activity_member_key').on(t.activityId, t.memberId),
    // A member's own history, and recounting their days when an activity moves.
    index('attendance_member_idx').on(t.memberId),
  ],
);

export const leaveRequests = pgTable(
  'leave_requests',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    reason: text('reason').notNull(),
    status: text('status').$type<LeaveStatus>().notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('leave_requests_activity_member_key').on(t.activityId, t.memberId)],
);

/** Residents (群众) who took part: no account, a name and perhaps a phone. */
export const guests = pgTable(
  'guests',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    name: text('name').notNull(),
    phone: sealedText('phone'),
    /** Counts a resident who came twice once, without the phone in the clear. */
    phoneHmac: text('phone_hmac'),
    createdAt: createdAt(),
  },
  (t) => [index('guests_activity_idx').on(t.activityId)],
);

export const activityFiles = pgTable(
  'activity_files',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    kind: text('kind').$type<'photo' | 'file'>().notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    /** Relative to the storage root (DATA_DIR/files by default). */
    path: text('path').notNull(),
    thumbPath: text('thumb_path'),
    sha256: text('sha256').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    flags: text('flags').array().$type<('date_mismatch' | 'place_mismatch')[]>().notNull().default([]),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('activity_files_activity_idx').on(t.activityId)],
);

/**
 * The branch's tamper-evident ledger: every fact that makes the record (scheduled, held,
 * minutes, photos, attendance, late edits) appended with the hash of the one before.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    seq: integer('seq').notNull(),
    activityId: integer('activity_id').references(() => activities.id),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    byUserId: integer('by_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('ledger_entries_org_seq_key').on(t.orgId, t.seq)],
);

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
