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
