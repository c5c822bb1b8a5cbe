import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type {
  ActivityType,
  AlertAudience,
  AlertKind,
  ChecklistAuto,
  InspectionMethod,
  RankingPeriod,
  RectificationStatus,
  ReportSection,
  ReportStatus,
  ScoreItem,
  Theme,
} from '../../../common/enums';
import type { RankingRow } from '../../../common/schemas/ranking';
import { users } from './accounts';
import { activities } from './activities';
import { members } from './members';
import { orgs } from './orgs';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One row per activity with the figures the dashboard sums. Kept by triggers (migration
 * 0003_aggregates) in the same transaction as every change to an activity, its attendance,
 * leave, guests and photos, so the dashboard never counts attendance rows; `recount_activity_stats`
 * rebuilds it from scratch and the tests prove both agree.
 */
export const activityStats = pgTable(
  'activity_stats',
  {
    activityId: integer('activity_id')
      .primaryKey()
      .references(() => activities.id),
    orgId: integer('org_id').notNull(),
    /** The China calendar date the activity starts on. */
    day: date('day').notNull(),
    startsAt: at('starts_at').notNull(),
    type: text('type').$type<ActivityType>().notNull(),
    theme: text('theme').$type<Theme>(),
    cancelled: boolean('cancelled').notNull(),
    hasPlan: boolean('has_plan').notNull(),
    hasMinutes: boolean('has_minutes').notNull(),
    durationMin: integer('duration_min').notNull(),
    shortReason: boolean('short_reason').notNull(),
    /** Party members of the org's subtree when the attendance last changed. */
    members: integer('members').notNull(),
    present: integer('present').notNull(),
    leave: integer('leave').notNull(),
    masses: integer('masses').notNull(),
    photos: integer('photos').notNull(),
  },
  (t) => [index('activity_stats_org_day_idx').on(t.orgId, t.day)],
);

export const inspections = pgTable(
  'inspections',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    activityId: integer('activity_id').references(() => activities.id),
    method: text('method').$type<InspectionMethod>().notNull(),
    date: date('date').notNull(),
    contacted: text('contacted').notNull().default(''),
    findings: text('findings').notNull(),
    score: doublePrecision('score').notNull(),
    inspectorId: integer('inspector_id')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('inspections_org_date_idx').on(t.orgId, t.date)],
);

export const rectifications = pgTable(
  'rectifications',
  {
    id: serial('id').primaryKey(),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    item: text('item').notNull(),
    responsible: text('responsible').notNull(),
    dueDate: date('due_date').notNull(),
    status: text('status').$type<RectificationStatus>().notNull().default('open'),
    answer: text('answer'),
    answeredBy: integer('answered_by').references(() => users.id),
    answeredAt: at('answered_at'),
    closedBy: integer('closed_by').references(() => users.id),
    closedAt: at('closed_at'),
  },
  (t) => [
    index('rectifications_org_idx').on(t.orgId),
    index('rectifications_inspection_idx').on(t.inspectionId),
  ],
);

export const scoringSchemes = pgTable(
  'scoring_schemes',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    year: smallint('year').notNull(),
    weights: jsonb('weights').$type<Record<ScoreItem, number>>().notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('scoring_schemes_org_year_key').on(t.orgId, t.year)],
);

/** A ranking as it was published: later data never changes what the branches were shown. */
export const publishedRankings = pgTable(
  'published_rankings',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    period: text('period').$type<RankingPeriod>().notNull(),
    year: smallint('year').notNull(),
    index: smallint('index').notNull(),
    from: date('from').notNull(),
    to: date('to').notNull(),
    weights: jsonb('weights').$type<Record<ScoreItem, number>>().notNull(),
    rows: jsonb('rows').$type<RankingRow[]>().notNull(),
    publishedBy: integer('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: at('published_at').notNull().defaultNow(),
  },
  (t) => [index('published_rankings_org_idx').on(t.orgId)],
);

export const checklistItems = pgTable(
  'checklist_items',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    year: smallint('year').notNull(),
    position: smallint('position').notNull(),
    title: text('title').notNull(),
    weight: smallint('weight').notNull(),
    auto: text('auto').$type<ChecklistAuto>(),
    /** Items are retired, not deleted, once a branch has answered them. */
    retired: boolean('retired').notNull().default(false),
  },
  (t) => [index('checklist_items_org_year_idx').on(t.orgId, t.year)],
);

export const checklistAnswers = pgTable(
  'checklist_answers',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => checklistItems.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    selfScore: doublePrecision('self_score'),
    selfNote: text('self_note'),
    evidence: integer('evidence').array().notNull().default([]),
    score: doublePrecision('score'),
    scoreNote: text('score_note'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('checklist_answers_key').on(t.itemId, t.orgId)],
);

/** A condition that needs someone's attention; `key` makes the same condition alert once. */
export const alerts = pgTable(
  'alerts',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    kind: text('kind').$type<AlertKind>().notNull(),
    audience: text('audience').$type<AlertAudience>().notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    activityId: integer('activity_id').references(() => activities.id),
    memberId: integer('member_id').references(() => members.id),
    rectificationId: integer('rectification_id').references(() => rectifications.id),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    createdAt: at('created_at').notNull().defaultNow(),
    acknowledgedBy: integer('acknowledged_by').references(() => users.id),
    acknowledgedAt: at('acknowledged_at'),
  },
  (t) => [uniqueIndex('alerts_key').on(t.key), index('alerts_org_idx').on(t.orgId)],
);

export const annualReports = pgTable(
  'annual_reports',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    year: smallint('year').notNull(),
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    sections: jsonb('sections').$type<Record<ReportSection, string>>().notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
    submittedAt: at('submitted_at'),
  },
  (t) => [uniqueIndex('annual_reports_org_year_key').on(t.orgId, t.year)],
);
