import { describe, expect, it } from 'vitest';
import type { GroupActivityKind } from './enums';
import { endedWindows, systemsKept } from './working-systems';

const held = (entries: [string, GroupActivityKind, number][]) => {
  const map = new Map<string, Map<GroupActivityKind, number>>();
  for (const [month, kind, n] of entries) map.set(month, new Map([...(map.get(month) ?? []), [kind, n]]));
  return map;
};

describe('the windows a working system is judged in', () => {
  it('counts only windows inside the period that have ended', () => {
    // In mid-August: January to July are over, August is under way.
    expect(endedWindows('monthly', '2026-01', '2026-12', '2026-08')).toHaveLength(7);
    expect(endedWindows('quarterly', '2026-01', '2026-12', '2026-08')).toEqual([
      { from: '2026-01', to: '2026-03' },
      { from: '2026-04', to: '2026-06' },
    ]);
    expect(endedWindows('half_yearly', '2026-01', '2026-12', '2026-08')).toEqual([
      { from: '2026-01', to: '2026-06' },
    ]);
    expect(endedWindows('yearly', '2026-01', '2026-12', '2026-08')).toEqual([]);
    // A quarter cut by the period is not judged in it.
    expect(endedWindows('quarterly', '2026-02', '2026-12', '2026-08')).toEqual([
      { from: '2026-04', to: '2026-06' },
    ]);
    expect(endedWindows('yearly', '2025-01', '2025-12', '2026-08')).toEqual([
      { from: '2025-01', to: '2025-12' },
    ]);
  });
});

describe('systems kept, against a hand-counted year', () => {
  // A group that studied in January, February and April, visited the masses in May, and held a
  // heart-to-heart talk in March; judged in mid-July.
  const year = held([
    ['2026-01', 'collective_study', 1],
    ['2026-02', 'collective_study', 2],
    ['2026-03', 'heart_to_heart', 1],
    ['2026-04', 'collective_study', 1],
    ['2026-05', 'contact_masses', 1],
  ]);
  const records = systemsKept(
    {
      study: 'monthly',
      organizational_life: 'monthly',
      contact_masses: 'quarterly',
      member_reports: 'monthly',
    },
    year,
    '2026-01',
    '2026-12',
    '2026-07',
  );
  const of = (system: string) => records.find((r) => r.system === system);

  it('study monthly: kept in 3 of the 6 ended months, missed March, May and June', () => {
    expect(of('study')).toMatchObject({ due: 6, kept: 3 });
    expect(of('study')!.missed.map((w) => w.from)).toEqual(['2026-03', '2026-05', '2026-06']);
  });

  it('organizational life: any meeting keeps it, so only June is missed', () => {
    expect(of('organizational_life')).toMatchObject({ due: 6, kept: 5 });
  });

  it('contact with the masses quarterly: missed in the first quarter, kept in the second', () => {
    expect(of('contact_masses')).toMatchObject({
      due: 2,
      kept: 1,
      missed: [{ from: '2026-01', to: '2026-03' }],
    });
  });

  it('a system kept by records Vanguard does not hold yet is not judged at all', () => {
    expect(of('member_reports')).toBeUndefined();
  });
});
