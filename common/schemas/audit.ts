import { z } from 'zod';
import { Id, IsoDate, page } from './common';

/** What the audit log records changes of: the tables whose rows people change through the app. */
export const AUDITED_OBJECTS = [
  'orgs',
  'members',
  'member_status_history',
  'party_groups',
  'users',
  'role_bindings',
  'venues',
  'theme_recommendations',
  'plan_entries',
  'activities',
  'attendance',
  'leave_requests',
  'guests',
  'activity_files',
  'webhooks',
  'calendar_tokens',
  'inspections',
  'rectifications',
  'scoring_schemes',
  'published_rankings',
  'checklist_items',
  'checklist_answers',
  'annual_reports',
] as const;
export type AuditedObject = (typeof AUDITED_OBJECTS)[number];

/** What a masked personal or secret field holds in the log (written by migration 0010's triggers). */
export const MASKED = '***';

export const AuditQuery = z.object({
  /** The subtree to read; the caller's own scope when left out. */
  orgId: Id.optional(),
  object: z.enum(AUDITED_OBJECTS).optional(),
  /** One object: its id (for attendance `activityId:memberId`). */
  objectId: z.string().trim().max(40).optional(),
  /** Who made the change: part of their account name. */
  person: z.string().trim().max(50).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  ip: z.string().nullable(),
  route: z.string().nullable(),
  object: z.enum(AUDITED_OBJECTS),
  objectId: z.string().nullable(),
  op: z.enum(['insert', 'update', 'delete', 'read']),
  /** Personal and secret fields are "***": that they changed shows, not what they were. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = page(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;
