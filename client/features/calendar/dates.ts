import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

/** "11月16日 星期一" / "Mon, Nov 16": dayjs follows the interface language (see i18n.ts). */
export function dayText(t: TFunction, isoDate: string): string {
  return dayjs(isoDate).format(t('calendar.dayFormat'));
}

export function monthRange(year: number, month: number): { from: string; to: string } {
  const start = dayjs(`${year}-${String(month).padStart(2, '0')}-01`);
  return { from: start.format('YYYY-MM-DD'), to: start.endOf('month').format('YYYY-MM-DD') };
}

/** "11月" / "Nov": the browser knows the month names of both languages. */
export function monthName(locale: string, month: number): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(
    Date.UTC(2000, month - 1, 15),
  );
}

/** "2026年11月" / "November 2026". */
export function yearMonthName(locale: string, year: number, month: number): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, 15),
  );
}
