import { z } from 'zod';
import { MEMBER_REPORT_KINDS } from '../enums';

/** Days a report may wait for its reply before it is flagged. */
export const REPORT_REPLY_DAYS = 14;

export const MemberReportInput = z.object({
  kind: z.enum(MEMBER_REPORT_KINDS),
  title: z.string().trim().min(1, 'errors.validation.required').max(100),
  body: z.string().trim().min(1, 'errors.validation.required').max(10_000),
});
export type MemberReportInput = z.infer<typeof MemberReportInput>;

export const MemberReportReply = z.object({
  reply: z.string().trim().min(1, 'errors.validation.required').max(5_000),
});
export type MemberReportReply = z.infer<typeof MemberReportReply>;

export const MemberReport = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  groupId: z.number().int().nullable(),
  groupName: z.string().nullable(),
  kind: z.enum(MEMBER_REPORT_KINDS),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  reply: z.string().nullable(),
  repliedByName: z.string().nullable(),
  repliedAt: z.string().nullable(),
  /** Waiting for a reply longer than REPORT_REPLY_DAYS. */
  overdue: z.boolean(),
});
export type MemberReport = z.infer<typeof MemberReport>;

export const MemberReportList = z.object({ items: z.array(MemberReport), overdue: z.number().int() });
export type MemberReportList = z.infer<typeof MemberReportList>;

export const MemberReportQuery = z.object({ status: z.enum(['waiting', 'all']).default('all') });
