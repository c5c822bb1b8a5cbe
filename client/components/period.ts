import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { RankingPeriod } from '../../common/enums';
import { chinaMonth, chinaYear } from './china-time';

/** A month, a quarter or a year, as the dashboard and the ranking pick them. */
export interface PeriodChoice {
  period: RankingPeriod;
  year: number;
  /** Month 1–12 or quarter 1–4; 1 for a year. */
  index: number;
}

export function currentPeriod(period: RankingPeriod = 'year'): PeriodChoice {
  const month = chinaMonth();
  const index = period === 'month' ? month : period === 'quarter' ? Math.ceil(month / 3) : 1;
  return { period, year: chinaYear(), index };
}

/** The first and last day of the period, both included. */
export function periodRange({ period, year, index }: PeriodChoice): { from: string; to: string } {
  const firstMonth = period === 'month' ? index : period === 'quarter' ? (index - 1) * 3 + 1 : 1;
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const start = dayjs(`${year}-${String(firstMonth).padStart(2, '0')}-01`);
  return {
    from: start.format('YYYY-MM-DD'),
    to: start
      .add(months - 1, 'month')
      .endOf('month')
      .format('YYYY-MM-DD'),
  };
}

/** "2026年3月", "2026年第1季度", "2026年度". */
export function periodLabel(t: TFunction, { period, year, index }: PeriodChoice): string {
  return t(`period.label.${period}`, { year, index });
}

function intOr(value: string | null, fallback: number, min: number, max: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** Reads `period`, `year` and `index` from the URL; anything missing is the current one. */
export function periodFromParams(params: URLSearchParams, fallback: RankingPeriod = 'year'): PeriodChoice {
  const raw = params.get('period');
  const period: RankingPeriod = raw === 'month' || raw === 'quarter' || raw === 'year' ? raw : fallback;
  const current = currentPeriod(period);
  const year = intOr(params.get('year'), current.year, 2000, 2100);
  const index = intOr(
    params.get('index'),
    current.index,
    1,
    period === 'month' ? 12 : period === 'quarter' ? 4 : 1,
  );
  return { period, year, index };
}

export function periodParams({ period, year, index }: PeriodChoice): Record<string, string> {
  return { period, year: String(year), index: String(index) };
}
