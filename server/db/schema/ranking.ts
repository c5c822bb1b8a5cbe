import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { RankingPeriod, ScoreItem } from '../../../common/enums';
import type { RankingRow } from '../../../common/schemas/ranking';
import { users } from './accounts';
import { at } from './columns';
import { orgs } from './orgs';

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
