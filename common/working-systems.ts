import type { GroupActivityKind, SystemFrequency, WorkingSystem } from './enums';

/**
 * Which group meetings keep which working system: a system is kept in a period when the group
 * held at least one of these meetings in it. Systems kept by other records (members' reports,
 * public commitments, integrity) have none here yet: Vanguard does not judge them, rather than
 * judging them by ticked boxes.
 */
export const KEPT_BY: Record<WorkingSystem, readonly GroupActivityKind[]> = {
  study: ['collective_study'],
  member_reports: [],
  // Any meeting of the group is its organizational life.
  organizational_life: [
    'collective_study',
    'heart_to_heart',
    'group_review',
    'group_service',
    'volunteer_service',
    'contact_masses',
    'poverty_support',
    'opinion_supervision',
    'investigation',
    'cultivating_activists',
    'other',
  ],
  contact_masses: ['contact_masses'],
  cultivating_activists: ['cultivating_activists'],
  education: ['heart_to_heart', 'group_review'],
  investigation: ['investigation'],
  volunteer_service: ['volunteer_service', 'group_service'],
  poverty_support: ['poverty_support'],
  opinion_supervision: ['opinion_supervision'],
  integrity: [],
  public_commitments: [],
};

export const isJudged = (system: WorkingSystem) => KEPT_BY[system].length > 0;

/** What a branch keeps until it sets its own: study and organizational life monthly, the rest less often. */
export const DEFAULT_SYSTEMS: Partial<Record<WorkingSystem, SystemFrequency>> = {
  study: 'monthly',
  organizational_life: 'monthly',
  contact_masses: 'quarterly',
  education: 'quarterly',
  volunteer_service: 'quarterly',
  cultivating_activists: 'half_yearly',
  investigation: 'yearly',
};

const MONTHS_PER: Record<SystemFrequency, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/** A stretch of whole months, as 'YYYY-MM'. */
export type Window = { from: string; to: string };

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/**
 * The windows of a frequency (calendar months, quarters, halves, years) that lie in the months
 * `from`–`to` ('YYYY-MM') and have ended by `thisMonth`: only an ended window can have been
 * missed, so the one under way is never counted against a group.
 */
export function endedWindows(
  frequency: SystemFrequency,
  from: string,
  to: string,
  thisMonth: string,
): Window[] {
  const step = MONTHS_PER[frequency];
  const windows: Window[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (let start = 1; start <= 12; start += step) {
      const w = { from: monthKey(year, start), to: monthKey(year, start + step - 1) };
      if (w.from < from || w.to > to || w.to >= thisMonth) continue;
      windows.push(w);
    }
  }
  return windows;
}

export type SystemRecord = {
  system: WorkingSystem;
  frequency: SystemFrequency;
  /** Ended windows in the period, and how many of them held a meeting that keeps the system. */
  due: number;
  kept: number;
  /** The ended windows without one. */
  missed: Window[];
};

/**
 * How a group kept its systems over a period, from its meetings counted by month and kind
 * (`held`: 'YYYY-MM' → kind → count).
 */
export function systemsKept(
  systems: Partial<Record<WorkingSystem, SystemFrequency>>,
  held: ReadonlyMap<string, ReadonlyMap<GroupActivityKind, number>>,
  from: string,
  to: string,
  thisMonth: string,
): SystemRecord[] {
  const keptIn = (system: WorkingSystem, w: Window) =>
    [...held].some(
      ([month, kinds]) =>
        month >= w.from && month <= w.to && KEPT_BY[system].some((k) => (kinds.get(k) ?? 0) > 0),
    );
  return (Object.entries(systems) as [WorkingSystem, SystemFrequency][])
    .filter(([system]) => isJudged(system))
    .map(([system, frequency]) => {
      const windows = endedWindows(frequency, from, to, thisMonth);
      const missed = windows.filter((w) => !keptIn(system, w));
      return { system, frequency, due: windows.length, kept: windows.length - missed.length, missed };
    });
}
