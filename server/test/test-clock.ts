import type { Clock } from '../core/clock';

/**
 * A clock a test can set. It runs with real time from wherever it was set, so waits and
 * timeouts still behave; without a `set` it is the machine's clock.
 */
export type TestClock = Clock & {
  /** From now on the app believes it is `at` (and time moves on from there). */
  set(at: Date | string): void;
  /** Back to the machine's clock. */
  reset(): void;
};

export function testClock(): TestClock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    set: (at) => {
      offsetMs = new Date(at).getTime() - Date.now();
    },
    reset: () => {
      offsetMs = 0;
    },
  };
}

const DAY_MS = 86_400_000;

/** The China calendar date `days` from the clock's today: fixtures are relative to the clock. */
export function daysFromToday(clock: Clock, days: number): string {
  return new Date(clock.now().getTime() + 8 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);
}
