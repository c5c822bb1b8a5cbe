import { z } from 'zod';
import { ACTIVITY_TYPES, EXEMPTIONS, ORG_LEVELS, THEMES } from '../enums';
import { IsoDate } from './common';

/** A period of days, both ends included; the end may not come before the start. */
export const Period = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((p) => p.to >= p.from, { path: ['to'], message: 'errors.period.endBeforeStart' });
export type Period = z.infer<typeof Period>;

/** How well the fixed day was kept: counted per branch and month whose fixed day has come. */
export const Compliance = z.object({
  /** Branch-months whose fixed day fell in the period and has passed (exempt branches not counted). */
  due: z.number().int(),
  /** …in which a themed party day was held. */
  held: z.number().int(),
  /** …held on the fixed day itself. */
  onFixedDay: z.number().int(),
  /** …with the month's plan and theme written. */
  withPlan: z.number().int(),
  /** Branches excused from the fixed day, shown as exempt rather than failing. */
  exemptBranches: z.number().int(),
});
export type Compliance = z.infer<typeof Compliance>;

export const Figures = z.object({
  /** Activities held (not cancelled, already begun). */
  activities: z.number().int(),
  /** Person-times: members checked in, and residents (群众) who took part. */
  memberTimes: z.number().int(),
  massesTimes: z.number().int(),
  /** Distinct people who took part at least once. */
  memberPeople: z.number().int(),
  massesPeople: z.number().int(),
  byTheme: z.record(z.enum(THEMES), z.number().int()),
  byType: z.record(z.enum(ACTIVITY_TYPES), z.number().int()),
  compliance: Compliance,
  /** Present over expected (members less approved leave), 0..1. */
  attendanceRate: z.number().nullable(),
  /** Activities whose ledger has materials, attendance and records, over those held. */
  ledgerComplete: z.number().int(),
  ledgerRate: z.number().nullable(),
  openRectifications: z.number().int(),
  overdueRectifications: z.number().int(),
});
export type Figures = z.infer<typeof Figures>;

export const StatsOrg = z.object({
  id: z.number().int(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  exemptions: z.array(z.enum(EXEMPTIONS)),
});
export type StatsOrg = z.infer<typeof StatsOrg>;

export const TrendPoint = z.object({
  month: z.string(),
  activities: z.number().int(),
  memberTimes: z.number().int(),
  massesTimes: z.number().int(),
  due: z.number().int(),
  held: z.number().int(),
});

/** An activity as the drill-down below a branch lists it. */
export const StatsActivity = z.object({
  id: z.number().int(),
  date: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  theme: z.enum(THEMES).nullable(),
  title: z.string(),
  present: z.number().int(),
  /** Present members, and members expected less those on approved leave. */
  expected: z.number().int(),
  leave: z.number().int(),
  masses: z.number().int(),
  onFixedDay: z.boolean(),
  complete: z.boolean(),
});
export type StatsActivity = z.infer<typeof StatsActivity>;

export const OrgStats = z.object({
  org: StatsOrg,
  /** The chain from the viewer's top org down to this one, for the breadcrumb. */
  path: z.array(z.object({ id: z.number().int(), name: z.string() })),
  period: z.object({ from: z.string(), to: z.string() }),
  orgCounts: z.object({
    committees: z.number().int(),
    generalBranches: z.number().int(),
    branches: z.number().int(),
  }),
  figures: Figures,
  trend: z.array(TrendPoint),
  children: z.array(z.object({ org: StatsOrg, branches: z.number().int(), figures: Figures })),
  /** A branch has no child orgs: its activities are the drill-down. */
  activities: z.array(StatsActivity),
});
export type OrgStats = z.infer<typeof OrgStats>;
