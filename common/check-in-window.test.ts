import { describe, expect, it } from 'vitest';
import { checkInWindow, isCheckInOpen, isCheckInOver } from './check-in-window';

const rules = { checkInBeforeMinutes: 20, checkInAfterMinutes: 45 };
const startsAt = '2026-03-15T09:00:00+08:00';
const endsAt = '2026-03-15T13:00:00+08:00';
const at = (time: string) => Date.parse(`2026-03-15T${time}:00+08:00`);

describe('the check-in window', () => {
  it('opens the configured minutes before the start and closes the configured minutes after the end', () => {
    expect(checkInWindow(startsAt, endsAt, rules)).toEqual({ opens: at('08:40'), closes: at('13:45') });
    expect(isCheckInOpen(startsAt, endsAt, rules, at('08:39'))).toBe(false);
    expect(isCheckInOpen(startsAt, endsAt, rules, at('08:40'))).toBe(true);
    expect(isCheckInOpen(startsAt, endsAt, rules, at('13:45'))).toBe(true);
    expect(isCheckInOver(startsAt, endsAt, rules, at('13:45'))).toBe(false);
    expect(isCheckInOver(startsAt, endsAt, rules, at('13:46'))).toBe(true);
  });
});
