import { describe, expect, it } from 'vitest';
import { fixedDaysOfYear } from './fixed-days';
import { dayInfo, holidaysKnown, nextWorkingDay } from './holidays';

describe('fixed days and the holiday calendar', () => {
  it('moves a fixed day off National Day to the next working day', () => {
    const days = fixedDaysOfYear(
      { rule: { kind: 'day_of_month', day: 1 }, holidayRule: 'next_working_day' },
      2026,
    );
    const october = days[9]!;
    expect(october).toMatchObject({
      month: 10,
      ruleDate: '2026-10-01',
      holiday: '国庆节',
      holidayDataMissing: false,
    });
    // 2026: 1–7 October off; the 8th is a working day.
    expect(october.fixedDate).toBe(nextWorkingDay('2026-10-01'));
    expect(october.fixedDate > '2026-10-01').toBe(true);
    expect(dayInfo(october.fixedDate).workday).toBe(true);
    // January 1st is New Year's Day; an ordinary month keeps its date.
    expect(days[0]!.fixedDate).not.toBe('2026-01-01');
    expect(days[2]!).toMatchObject({ ruleDate: '2026-03-01', holiday: null });
  });

  it('keeps the date when the branch chose to stay', () => {
    const days = fixedDaysOfYear({ rule: { kind: 'day_of_month', day: 1 }, holidayRule: 'stay' }, 2026);
    expect(days[9]).toMatchObject({ fixedDate: '2026-10-01', holiday: '国庆节' });
  });

  it('does not move a fixed day that falls on an ordinary weekend', () => {
    // 2026-11-14 is a Saturday.
    const days = fixedDaysOfYear(
      { rule: { kind: 'day_of_month', day: 14 }, holidayRule: 'next_working_day' },
      2026,
    );
    expect(days[10]).toMatchObject({ ruleDate: '2026-11-14', fixedDate: '2026-11-14', holiday: null });
  });

  it('counts adjusted working days (调休) as working days', () => {
    // 2026-02-14 (a Saturday) is a working day in lieu of the Spring Festival.
    expect(dayInfo('2026-02-14').workday).toBe(true);
    expect(dayInfo('2026-02-17')).toEqual({ holiday: '春节', workday: false });
    expect(dayInfo('2026-02-17', 'en').holiday).toBe('Spring Festival');
  });

  it('says when a year’s holidays are not published yet', () => {
    expect(holidaysKnown(2026)).toBe(true);
    expect(holidaysKnown(2030)).toBe(false);
    expect(
      fixedDaysOfYear({ rule: { kind: 'day_of_month', day: 1 }, holidayRule: 'next_working_day' }, 2030)[0]!
        .holidayDataMissing,
    ).toBe(true);
  });
});
