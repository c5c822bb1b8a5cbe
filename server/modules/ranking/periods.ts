import type { RankingPeriod } from '../../../common/enums';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The days of a month, a quarter or a year, as a period both ends included. */
export function periodDays(period: RankingPeriod, year: number, index: number): { from: string; to: string } {
  if (period === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  const [first, last] = period === 'quarter' ? [index * 3 - 2, index * 3] : [index, index];
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}
