import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type {
  ActivityChangeKind,
  ActivityKind,
  ActivityStatus,
  ActivityType,
  GroupActivityKind,
  Theme,
} from '../../../common/enums';
import { users } from './accounts';
import { createdAt } from './columns';
import { members, partyGroups } from './members';
import { orgs } from './orgs';
import { planEntries } from './plans';
import { venues } from './venues';

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
    /** A party group meeting held by one group: its members are the ones expected. */
    groupId: integer('group_id').references(() => partyGroups.id),
    groupKind: text('group_kind').$type<GroupActivityKind>(),
    /** Where a group met when it was not at one of the branch's venues (a field, a workshop, online). */
    place: text('place'),
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
  (t) => [
    index('activities_org_starts_idx').on(t.orgId, t.startsAt),
    index('activities_group_starts_idx').on(t.groupId, t.startsAt),
  ],
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
