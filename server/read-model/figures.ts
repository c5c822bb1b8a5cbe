import { ACTIVITY_TYPES, type ActivityType, THEMES, type Theme } from '../../common/enums';
import type { AttendanceCounts, Completeness } from '../../common/schemas/activity';
import type { Figures } from '../../common/schemas/stats';
import type { activityStats } from '../db/schema/read-model';
import type { ComplianceCounts, FigureSums } from './period-figures';

type ActivityStatsRow = typeof activityStats.$inferSelect;

/**
 * One activity as `activity_stats` keeps it, check-ins not yet folded added; `expected`,
 * `materials` and `complete` are computed by the SQL functions that also feed the rollups
 * (`expected_at`, `ledger_materials`, `ledger_complete` in migration 0012): one definition.
 */
export type ActivityFacts = Pick<
  ActivityStatsRow,
  'type' | 'theme' | 'photos' | 'members' | 'present' | 'leave' | 'masses'
> & {
  id: number;
  org_id: number;
  day: string;
  duration_min: number;
  short_reason: boolean;
  expected: number;
  materials: boolean;
  /** Its records: a photo, or for a party group's meeting its notes alone (`ledger_records`). */
  records: boolean;
  complete: boolean;
};

/** What an activity's ledger holds: materials, attendance (someone present) and records. */
export const completenessOf = (a: ActivityFacts): Completeness => ({
  materials: a.materials,
  attendance: a.present > 0,
  records: a.records,
});

/** The ledger is complete with all three. */
export const ledgerComplete = (a: ActivityFacts) => a.complete;

/** An activity's attendance as its page, its ledger row and its exports show it. */
export function countsOf(a: ActivityFacts): AttendanceCounts {
  const { expected } = a;
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

/** Adds a group of activities of one type and theme, summed by the read model. */
export function addSums(f: FiguresAcc, g: FigureSums & { type: ActivityType; theme: Theme | null }): void {
  f.activities += g.activities;
  f.memberTimes += g.present;
  f.massesTimes += g.masses;
  if (g.theme) f.byTheme[g.theme] += g.activities;
  f.byType[g.type] += g.activities;
  f.expected += g.expected;
  f.presentOfExpected += g.present_of_expected;
  f.ledgerComplete += g.ledger_complete;
}

/** Two groups' sums as one. */
export function plusSums(a: FigureSums | undefined, b: FigureSums): FigureSums {
  return {
    activities: (a?.activities ?? 0) + b.activities,
    present: (a?.present ?? 0) + b.present,
    masses: (a?.masses ?? 0) + b.masses,
    expected: (a?.expected ?? 0) + b.expected,
    present_of_expected: (a?.present_of_expected ?? 0) + b.present_of_expected,
    ledger_complete: (a?.ledger_complete ?? 0) + b.ledger_complete,
    long_enough: (a?.long_enough ?? 0) + b.long_enough,
  };
}

/** Adds branch-months judged by the read model. */
export function addCompliance(
  f: FiguresAcc,
  c: Pick<ComplianceCounts, 'due' | 'held' | 'on_fixed_day' | 'with_plan'>,
): void {
  f.compliance.due += c.due;
  f.compliance.held += c.held;
  f.compliance.onFixedDay += c.on_fixed_day;
  f.compliance.withPlan += c.with_plan;
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
