/** China keeps one time zone (UTC+8, no daylight saving); the product's dates are China's. */
export const CHINA_OFFSET = '+08:00';

/** Today's calendar date in China, whatever the server's time zone; `now` comes from the clock. */
export function todayInChina(now: Date): string {
  return chinaDate(now);
}

/** The calendar date in China of an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The instant a China calendar date starts. */
export function chinaDayStart(date: string): Date {
  return new Date(`${date}T00:00:00${CHINA_OFFSET}`);
}

export function monthRange(year: number, month: number): { from: Date; to: Date } {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: chinaDayStart(`${year}-${String(month).padStart(2, '0')}-01`), to: chinaDayStart(next) };
}

/** `YYYY-MM-DD HH:mm` in China time: how notices and exports show an instant. */
export function chinaDateTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
