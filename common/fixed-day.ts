import { z } from 'zod';
import { HOLIDAY_RULES } from './enums';

/**
 * A branch's fixed activity day: either a day of the month ("the 15th") or the nth weekday
 * ("the 2nd Friday"; nth -1 = the last). Weekday 1 = Monday … 7 = Sunday (ISO).
 */
export const FixedDayRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('day_of_month'), day: z.number().int().min(1).max(31) }),
  z.object({
    kind: z.literal('nth_weekday'),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday: z.number().int().min(1).max(7),
  }),
]);
export type FixedDayRule = z.infer<typeof FixedDayRule>;

export const FixedDaySetting = z.object({
  rule: FixedDayRule,
  holidayRule: z.enum(HOLIDAY_RULES),
});
export type FixedDaySetting = z.infer<typeof FixedDaySetting>;

export const DEFAULT_FIXED_DAY: FixedDaySetting = {
  rule: { kind: 'day_of_month', day: 15 },
  holidayRule: 'next_working_day',
};

/** The calendar date (YYYY-MM-DD) the rule gives in a month, before any holiday shift. */
export function fixedDateInMonth(rule: FixedDayRule, year: number, month: number): string {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  let day: number;
  if (rule.kind === 'day_of_month') {
    // "the 31st" in a 30-day month means its last day, not the next month.
    day = Math.min(rule.day, daysInMonth);
  } else {
    const isoWeekday = (d: number) => ((new Date(Date.UTC(year, month - 1, d)).getUTCDay() + 6) % 7) + 1;
    if (rule.nth === -1) {
      day = daysInMonth;
      while (isoWeekday(day) !== rule.weekday) day--;
    } else {
      day = 1;
      while (isoWeekday(day) !== rule.weekday) day++;
      day += (rule.nth - 1) * 7;
    }
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
