import { describe, expect, it } from 'vitest';
import { fixedDateInMonth } from './fixed-day';

describe('fixed day rule', () => {
  it('a day of the month, clamped to the month’s last day', () => {
    expect(fixedDateInMonth({ kind: 'day_of_month', day: 15 }, 2026, 3)).toBe('2026-03-15');
    expect(fixedDateInMonth({ kind: 'day_of_month', day: 31 }, 2026, 4)).toBe('2026-04-30');
    expect(fixedDateInMonth({ kind: 'day_of_month', day: 30 }, 2028, 2)).toBe('2028-02-29');
  });

  it('the nth weekday and the last one', () => {
    // November 2026 starts on a Sunday.
    expect(fixedDateInMonth({ kind: 'nth_weekday', nth: 2, weekday: 5 }, 2026, 11)).toBe('2026-11-13');
    expect(fixedDateInMonth({ kind: 'nth_weekday', nth: 1, weekday: 7 }, 2026, 11)).toBe('2026-11-01');
    expect(fixedDateInMonth({ kind: 'nth_weekday', nth: -1, weekday: 1 }, 2026, 11)).toBe('2026-11-30');
    expect(fixedDateInMonth({ kind: 'nth_weekday', nth: 4, weekday: 3 }, 2026, 2)).toBe('2026-02-25');
  });
});
