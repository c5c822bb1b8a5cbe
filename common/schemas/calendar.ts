import { z } from 'zod';
import { FIXED_DAY_STATES } from '../enums';
import { FixedDaySetting } from '../fixed-day';
import { ActivitySummary } from './activity';
import { Month, Year } from './common';
import { PlanEntry } from './plan';

export const CalendarQuery = z.object({
  year: Year,
  month: Month.optional(),
});

/** One month of a branch's calendar: its fixed day, its plan and what was held. */
export const CalendarMonth = z.object({
  month: z.number().int(),
  /** The fixed day after the holiday rule; `ruleDate` is what the rule alone gives. */
  fixedDate: z.string(),
  ruleDate: z.string(),
  /** Name of the public holiday the rule date fell on, when it moved or stayed on one. */
  holiday: z.string().nullable(),
  /** The holiday calendar has no data for this year yet: only weekends are known. */
  holidayDataMissing: z.boolean(),
  state: z.enum(FIXED_DAY_STATES),
  plan: PlanEntry.nullable(),
  activities: z.array(ActivitySummary),
});
export type CalendarMonth = z.infer<typeof CalendarMonth>;

export const Calendar = z.object({
  orgId: z.number().int(),
  year: z.number().int(),
  fixedDay: FixedDaySetting,
  /** Whether the reader may plan and schedule here (a member only reads). */
  canManage: z.boolean(),
  months: z.array(CalendarMonth),
});
export type Calendar = z.infer<typeof Calendar>;
