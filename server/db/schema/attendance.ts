import {
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { CheckInMethod, LeaveStatus } from '../../../common/enums';
import { sealedText } from '../personal-data/sealed';
import { users } from './accounts';
import { activities } from './activities';
import { createdAt } from './columns';
import { members } from './members';

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
