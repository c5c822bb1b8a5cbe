import { z } from 'zod';
import { REPORT_SECTIONS, REPORT_STATUSES } from '../enums';

export const ReportSections = z.record(z.enum(REPORT_SECTIONS), z.string().max(10000));
export type ReportSections = z.infer<typeof ReportSections>;

/** A secretary's annual report (述职): drafted by Vanguard from the year's records, then edited. */
export const AnnualReport = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  /** Not saved yet: this is Vanguard's draft. */
  fresh: z.boolean(),
  sections: ReportSections,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export type AnnualReport = z.infer<typeof AnnualReport>;

export const ReportInput = z.object({ sections: ReportSections });
export type ReportInput = z.infer<typeof ReportInput>;

/** The reports of the branches under a supervisor's org for a year. */
export const ReportSummary = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  status: z.enum(REPORT_STATUSES).nullable(),
  submittedAt: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;
