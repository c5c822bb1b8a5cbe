import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { SystemFrequency, WorkingSystem } from '../../../common/enums';
import { orgs } from './orgs';

/** The working systems a branch's groups keep, each with how often (none set: the defaults). */
export const groupSystems = pgTable(
  'group_systems',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    system: text('system').$type<WorkingSystem>().notNull(),
    frequency: text('frequency').$type<SystemFrequency>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.system] })],
);
