import { ACTIVITY_TYPES, type ActivityType, THEMES, type Theme } from '../../common/enums';
import type { AttendanceCounts, Completeness } from '../../common/schemas/activity';
import type { Figures } from '../../common/schemas/stats';

/** One held activity as `activity_stats` keeps it. */
export type ActivityFacts = {
  id: number;
  org_id: number;
  day: string;
  type: ActivityType;
  theme: Theme | null;
  has_plan: boolean;
  has_minutes: boolean;
  photos: number;
  members: number;
  present: number;
  leave: number;
  masses: number;
  duration_min: number;
  short_reason: boolean;
};

/**
 * What an activity's ledger holds: materials (minutes; the themed party day also its month's
 * plan, the three meetings and the lesson need minutes only), attendance, and photos as records.
 */
export const completenessOf = (a: ActivityFacts): Completeness => ({
  materials: a.has_minutes && (a.has_plan || a.type !== 'themed_party_day'),
  attendance: a.present > 0,
  records: a.photos > 0,
});

/** The ledger is complete with all three. */
export const ledgerComplete = (a: ActivityFacts) => {
  const c = completenessOf(a);
  return c.materials && c.attendance && c.records;
};

/** Present members may exceed those expected (someone joined later); the rate never passes 1. */
export const expectedOf = (a: ActivityFacts) => Math.max(a.members - a.leave, 0);

/** An activity's attendance as its page, its ledger row and its exports show it. */
export function countsOf(a: ActivityFacts): AttendanceCounts {
  const expected = expectedOf(a);
  return {
    members: a.members,
    present: a.present,
    leave: a.leave,
    absent: Math.max(a.members - a.present - a.leave, 0),
    masses: a.masses,
    rate: expected > 0 ? Math.min(a.present / expected, 1) : null,
  };
}

export type FiguresAcc = Figures & { expected: number; presentOfExpected: number };

export function emptyFigures(): FiguresAcc {
  return {
    activities: 0,
    memberTimes: 0,
    massesTimes: 0,
    memberPeople: 0,
    massesPeople: 0,
    byTheme: Object.fromEntries(THEMES.map((t) => [t, 0])) as Figures['byTheme'],
    byType: Object.fromEntries(ACTIVITY_TYPES.map((t) => [t, 0])) as Figures['byType'],
    compliance: { due: 0, held: 0, onFixedDay: 0, withPlan: 0, exemptBranches: 0 },
    attendanceRate: null,
    ledgerComplete: 0,
    ledgerRate: null,
    openRectifications: 0,
    overdueRectifications: 0,
    expected: 0,
    presentOfExpected: 0,
  };
}

export function addActivity(f: FiguresAcc, a: ActivityFacts): void {
  f.activities++;
  f.memberTimes += a.present;
  f.massesTimes += a.masses;
  if (a.theme) f.byTheme[a.theme]++;
  f.byType[a.type]++;
  const expected = expectedOf(a);
  f.expected += expected;
  f.presentOfExpected += Math.min(a.present, expected);
  if (ledgerComplete(a)) f.ledgerComplete++;
}

export type MonthCompliance = { held: boolean; onFixedDay: boolean; withPlan: boolean };

export function addCompliance(f: FiguresAcc, m: MonthCompliance): void {
  f.compliance.due++;
  if (m.held) f.compliance.held++;
  if (m.onFixedDay) f.compliance.onFixedDay++;
  if (m.withPlan) f.compliance.withPlan++;
}

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

export function finish(f: FiguresAcc): Figures {
  const { expected, presentOfExpected, ...figures } = f;
  return {
    ...figures,
    attendanceRate: ratio(presentOfExpected, expected),
    ledgerRate: ratio(f.ledgerComplete, f.activities),
  };
}
