import { z } from 'zod';
import { ACTIVITY_TYPES, THEMES } from '../enums';
import { AttendanceCounts, Completeness } from './activity';
import { YearQuery } from './common';

export const LedgerQuery = YearQuery;

export const LedgerRow = z.object({
  activityId: z.number().int(),
  date: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  theme: z.enum(THEMES).nullable(),
  title: z.string(),
  venueName: z.string().nullable(),
  counts: AttendanceCounts,
  completeness: Completeness,
  complete: z.boolean(),
  shortReason: z.string().nullable(),
  lateEdits: z.number().int(),
});
export type LedgerRow = z.infer<typeof LedgerRow>;

export const Ledger = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  rows: z.array(LedgerRow),
  months: z.array(
    z.object({ month: z.number().int(), activities: z.number().int(), complete: z.number().int() }),
  ),
  totals: z.object({ activities: z.number().int(), complete: z.number().int() }),
});
export type Ledger = z.infer<typeof Ledger>;

/** Whether the branch's hash chain still matches its entries, and where it breaks if not. */
export const LedgerVerification = z.object({
  intact: z.boolean(),
  entries: z.number().int(),
  brokenAt: z
    .object({
      seq: z.number().int(),
      activityId: z.number().int().nullable(),
      kind: z.string(),
      at: z.string(),
    })
    .nullable(),
});
export type LedgerVerification = z.infer<typeof LedgerVerification>;
