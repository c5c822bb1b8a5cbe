import { z } from 'zod';
import { ApiErrorBody } from './common';

export const RosterProblem = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type RosterProblem = z.infer<typeof RosterProblem>;

export const RosterImportResult = z.object({
  imported: z.number().int(),
  problems: z.array(RosterProblem),
});
export type RosterImportResult = z.infer<typeof RosterImportResult>;

/** The 422 reply of an import with problems: the usual error, and every problem found. */
export const RosterImportFailure = ApiErrorBody.extend({ problems: z.array(RosterProblem) });
export type RosterImportFailure = z.infer<typeof RosterImportFailure>;

/**
 * The roster's phones and ID numbers are masked unless the exporter asks for them in full and
 * says why (the audit log keeps the reason).
 */
export const RosterExportQuery = z
  .object({
    full: z.enum(['true', 'false']).optional(),
    reason: z.string().trim().max(200).optional(),
  })
  .refine((q) => q.full !== 'true' || Boolean(q.reason), {
    path: ['reason'],
    message: 'errors.validation.required',
  });
export type RosterExportQuery = z.infer<typeof RosterExportQuery>;
