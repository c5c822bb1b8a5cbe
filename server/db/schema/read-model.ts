import { boolean, date, index, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import type { ActivityType, GroupActivityKind, Theme } from '../../../common/enums';
import { activities } from './activities';
import { at } from './columns';

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

/**
 * A group's meetings counted by month and kind, kept by a trigger on activities (migration 0018)
 * in the same transaction as the meeting: what the working systems are judged from.
 */
export const groupActivityMonths = pgTable(
  'group_activity_months',
  {
    groupId: integer('group_id').notNull(),
    orgId: integer('org_id').notNull(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    kind: text('kind').$type<GroupActivityKind>().notNull(),
    activities: integer('activities').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.year, t.month, t.kind] }),
    index('group_activity_months_org_idx').on(t.orgId, t.year),
  ],
);
