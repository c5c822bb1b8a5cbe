import { z } from 'zod';
import { ACTIVITY_CHANGE_KINDS, ACTIVITY_KINDS, ACTIVITY_STATUSES, ACTIVITY_TYPES, THEMES } from '../enums';
import { RefId } from './common';
import { Venue } from './venue';

/** An instant with its offset, e.g. 2026-11-15T09:00:00+08:00. */
export const Instant = z.iso.datetime({ offset: true, message: 'errors.validation.dateTime' });

const ActivityFields = {
  type: z.enum(ACTIVITY_TYPES),
  planEntryId: RefId.nullable().optional(),
  theme: z.enum(THEMES).nullable().optional(),
  kinds: z.array(z.enum(ACTIVITY_KINDS)).optional(),
  title: z.string().trim().min(1, 'errors.validation.required').max(100),
  content: z.string().trim().max(5000).nullable().optional(),
  venueId: RefId.nullable().optional(),
  startsAt: Instant,
  endsAt: Instant,
  responsibleMemberId: RefId.nullable().optional(),
  massesInvited: z.boolean().optional(),
  /** Why an activity is shorter than the half day the rules ask for; shown in the ledger. */
  shortReason: z.string().trim().max(500).nullable().optional(),
};

export const ActivityCreate = z.object({ orgId: RefId, ...ActivityFields });
export type ActivityCreate = z.infer<typeof ActivityCreate>;

export const ActivityUpdate = z
  .object(ActivityFields)
  .partial()
  .extend({
    /** Required when the time or venue changes: the members are told why. */
    reason: z.string().trim().max(500).optional(),
  });
export type ActivityUpdate = z.infer<typeof ActivityUpdate>;

export const ActivityCancel = z.object({
  reason: z.string().trim().min(1, 'errors.validation.required').max(500),
});

export const Completeness = z.object({
  /** Plan and minutes. */
  materials: z.boolean(),
  attendance: z.boolean(),
  /** At least one photo. */
  records: z.boolean(),
});
export type Completeness = z.infer<typeof Completeness>;

export const AttendanceCounts = z.object({
  members: z.number().int(),
  present: z.number().int(),
  leave: z.number().int(),
  absent: z.number().int(),
  masses: z.number().int(),
  /** present / (members - leave), 0..1; null before anyone is expected. */
  rate: z.number().nullable(),
});
export type AttendanceCounts = z.infer<typeof AttendanceCounts>;

export const ActivitySummary = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  type: z.enum(ACTIVITY_TYPES),
  theme: z.enum(THEMES).nullable(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
  venueName: z.string().nullable(),
});
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const Activity = ActivitySummary.extend({
  orgName: z.string(),
  planEntryId: z.number().int().nullable(),
  kinds: z.array(z.enum(ACTIVITY_KINDS)),
  content: z.string().nullable(),
  venue: Venue.nullable(),
  responsibleMemberId: z.number().int().nullable(),
  responsibleName: z.string().nullable(),
  massesInvited: z.boolean(),
  shortReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Hours between start and end; below the instance minimum (default 4) a reason is needed. */
  durationHours: z.number(),
  counts: AttendanceCounts,
  completeness: Completeness,
  noticesSent: z.number().int(),
  /** Of those told, the Party members: the others (applicants, activists…) are not expected. */
  noticesSentPartyMembers: z.number().int(),
  noticesRead: z.number().int(),
  canManage: z.boolean(),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityChange = z.object({
  id: z.number().int(),
  kind: z.enum(ACTIVITY_CHANGE_KINDS),
  reason: z.string().nullable(),
  byName: z.string().nullable(),
  at: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type ActivityChange = z.infer<typeof ActivityChange>;
