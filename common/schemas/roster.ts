import { z } from 'zod';

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
