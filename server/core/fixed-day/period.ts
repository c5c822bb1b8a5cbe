import type { FixedDaySetting } from '../../../common/fixed-day';
import { fixedDaysOfYear } from './fixed-days';

/** The months (YYYY-MM) a period of days touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) return months;
    months.push(key);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}

const fixedDateCache = new Map<string, string[]>();

/** The branch's fixed date in a month (YYYY-MM); the county has a few rules, so they are memoized. */
export function fixedDateOf(setting: FixedDaySetting, month: string): string {
  const year = Number(month.slice(0, 4));
  const key = `${JSON.stringify(setting)}|${year}`;
  let dates = fixedDateCache.get(key);
  if (!dates) {
    dates = fixedDaysOfYear(setting, year).map((d) => d.fixedDate);
    fixedDateCache.set(key, dates);
  }
  return dates[Number(month.slice(5, 7)) - 1]!;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function dayOfYear(date: string): number {
  const d = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round((d - Date.UTC(Number(date.slice(0, 4)), 0, 1)) / 86_400_000) + 1;
}

/**
 * Per year the period touches, a 366-bit mask of its days, matching `member_attendance_years.days`
 * (bit n-1 = day n of the year).
 */
export function yearMasks(from: string, to: string): { year: number; mask: string }[] {
  const masks: { year: number; mask: string }[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    const first = from > `${y}-01-01` ? dayOfYear(from) : 1;
    const last = to < `${y}-12-31` ? dayOfYear(to) : isLeap(y) ? 366 : 365;
    masks.push({
      year: y,
      mask: '0'.repeat(first - 1) + '1'.repeat(last - first + 1) + '0'.repeat(366 - last),
    });
  }
  return masks;
}

/** The month (YYYY-MM) `delta` months after (or before) another. */
export function shiftMonth(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
