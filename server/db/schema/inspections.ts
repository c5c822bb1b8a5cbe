import { date, doublePrecision, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import type { InspectionMethod, RectificationStatus } from '../../../common/enums';
import { users } from './accounts';
import { activities } from './activities';
import { at } from './columns';
import { orgs } from './orgs';

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
