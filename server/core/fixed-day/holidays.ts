import chineseDays from 'chinese-days';

// The package's entry is a UMD bundle: Node's ESM loader sees only its default export.
const { getDayDetail, getHolidaysInRange, isWorkday } = chineseDays;

/**
 * China's statutory holidays and adjusted working days (调休), from the maintained
 * `chinese-days` package, which follows the State Council's yearly notice.
 */
export type DayInfo = { holiday: string | null; workday: boolean };

/** A statutory holiday carries its festival's name ("National Day,国庆节,3"); a weekend only its weekday. */
export function dayInfo(date: string, locale: 'zh-CN' | 'en' = 'zh-CN'): DayInfo {
  const detail = getDayDetail(date);
  const parts = detail.name.split(',');
  const holiday = !detail.work && parts.length >= 2 ? (locale === 'en' ? parts[0]! : parts[1]!) : null;
  return { holiday, workday: isWorkday(date) };
}

const known = new Map<number, boolean>();

/** Whether the holidays of a year are published yet (the State Council announces them each autumn). */
export function holidaysKnown(year: number): boolean {
  let k = known.get(year);
  if (k === undefined) {
    k = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    known.set(year, k);
  }
  return k;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first working day on or after a date, adjusted working days included. */
export function nextWorkingDay(date: string): string {
  let d = date;
  while (!isWorkday(d)) d = addDays(d, 1);
  return d;
}
