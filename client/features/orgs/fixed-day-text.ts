import type { TFunction } from 'i18next';
import type { FixedDayRule, FixedDaySetting } from '../../../common/fixed-day';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function weekdayLabel(t: TFunction, weekday: number): string {
  return t(`enums.weekday.${weekday as Weekday}`);
}

/** "每月15日" / "每月第2个星期五" / "Monthly on the last Friday". */
export function fixedDayRuleText(t: TFunction, rule: FixedDayRule): string {
  if (rule.kind === 'day_of_month') return t('orgs.fixedDay.dayOfMonth', { count: rule.day, ordinal: true });
  const weekday = weekdayLabel(t, rule.weekday);
  if (rule.nth === -1) return t('orgs.fixedDay.lastWeekday', { weekday });
  return t('orgs.fixedDay.nthWeekday', { count: rule.nth, ordinal: true, weekday });
}

export function fixedDayText(t: TFunction, setting: FixedDaySetting): string {
  return t('orgs.fixedDay.withHoliday', {
    rule: fixedDayRuleText(t, setting.rule),
    holiday: t(`enums.holidayRule.${setting.holidayRule}`),
  });
}
