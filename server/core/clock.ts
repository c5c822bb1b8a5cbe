/**
 * The one answer to "what time is it" on the server. Rules that depend on the date (overdue,
 * late, the check-in window, alerts, sessions, throttles, the current year) take their instant
 * from here, never from `new Date()` or PostgreSQL's `now()`, so a test can set the date and the
 * app's clock and the database's clock are never compared with each other.
 */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
