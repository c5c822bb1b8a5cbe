import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ChecklistAuto } from '../../../common/enums';
import { at } from './columns';
import { orgs } from './orgs';

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
