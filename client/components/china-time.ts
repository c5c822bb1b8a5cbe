import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { todayInChina } from '../../common/dates';

dayjs.extend(utc);

// Activities happen in China and are announced in China time, so they are shown and entered in
// UTC+8 whatever time zone the browser is in (a member working away, a test machine on UTC).
const CHINA_OFFSET_MINUTES = 8 * 60;

export function inChina(instant: string | Date): Dayjs {
  return dayjs(instant).utcOffset(CHINA_OFFSET_MINUTES);
}

export function formatDateTime(instant: string): string {
  return inChina(instant).format('YYYY-MM-DD HH:mm');
}

/** "2026-11-15 09:00–13:00", or both dates when it runs past midnight. */
export function formatTimeRange(startsAt: string, endsAt: string): string {
  const start = inChina(startsAt);
  const end = inChina(endsAt);
  const endText = start.isSame(end, 'day') ? end.format('HH:mm') : end.format('YYYY-MM-DD HH:mm');
  return `${start.format('YYYY-MM-DD HH:mm')}–${endText}`;
}

/**
 * The pickers show a wall clock; it is China's wall clock, so the picked fields are read as they
 * are and given the +08:00 offset the API expects.
 */
export function toInstant(wallClock: Dayjs): string {
  return `${wallClock.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
}

/** An instant as China's wall clock in a picker's (browser-local) dayjs. */
export function toWallClock(instant: string): Dayjs {
  return dayjs(inChina(instant).format('YYYY-MM-DDTHH:mm'));
}

/** A China calendar date and time of day as a picker value, e.g. the fixed day at 09:00. */
export function wallClockOn(isoDate: string, hour: number): Dayjs {
  return dayjs(`${isoDate}T${String(hour).padStart(2, '0')}:00`);
}

export function chinaYear(): number {
  return Number(todayInChina(new Date()).slice(0, 4));
}

export function chinaMonth(): number {
  return Number(todayInChina(new Date()).slice(5, 7));
}

export function hoursBetween(start: Dayjs, end: Dayjs): number {
  return end.diff(start, 'minute') / 60;
}
