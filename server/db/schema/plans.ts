import {
  boolean,
  index,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ActivityKind, Theme } from '../../../common/enums';
import { users } from './accounts';
import { createdAt } from './columns';
import { orgs } from './orgs';
import { venues } from './venues';

export const themeRecommendations = pgTable(
  'theme_recommendations',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    theme: text('theme').$type<Theme>().notNull(),
    title: text('title').notNull(),
    kinds: text('kinds').array().$type<ActivityKind[]>().notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('theme_recommendations_org_year_idx').on(t.orgId, t.year)],
);

export const planEntries = pgTable(
  'plan_entries',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    theme: text('theme').$type<Theme>().notNull(),
    title: text('title').notNull(),
    kinds: text('kinds').array().$type<ActivityKind[]>().notNull(),
    venueId: integer('venue_id').references(() => venues.id),
    recommendationId: integer('recommendation_id').references(() => themeRecommendations.id),
    late: boolean('late').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_entries_org_month_key').on(t.orgId, t.year, t.month)],
);
