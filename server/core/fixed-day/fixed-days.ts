import { type FixedDaySetting, fixedDateInMonth } from '../../../common/fixed-day';
import { dayInfo, holidaysKnown, nextWorkingDay } from './holidays';

export type FixedDay = {
  month: number;
  ruleDate: string;
  fixedDate: string;
  holiday: string | null;
  holidayDataMissing: boolean;
};

/**
 * The twelve fixed days of a branch's year. A rule date on a statutory holiday moves to the next
 * working day, or stays, as the branch chose; an ordinary weekend never moves it (many village
 * branches meet on a Saturday on purpose).
 */
export function fixedDaysOfYear(
  setting: FixedDaySetting,
  year: number,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): FixedDay[] {
  const missing = !holidaysKnown(year);
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const ruleDate = fixedDateInMonth(setting.rule, year, month);
    const { holiday } = dayInfo(ruleDate, locale);
    const fixedDate =
      holiday && setting.holidayRule === 'next_working_day' ? nextWorkingDay(ruleDate) : ruleDate;
    return { month, ruleDate, fixedDate, holiday, holidayDataMissing: missing };
  });
}
