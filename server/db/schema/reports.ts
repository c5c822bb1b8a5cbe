import { integer, jsonb, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ReportSection, ReportStatus } from '../../../common/enums';
import { users } from './accounts';
import { at } from './columns';
import { orgs } from './orgs';

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
