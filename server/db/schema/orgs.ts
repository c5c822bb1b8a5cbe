import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { Exemption, OrgKind, OrgLevel } from '../../../common/enums';
import type { FixedDaySetting } from '../../../common/fixed-day';

export const orgs = pgTable(
  'orgs',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id'),
    /** Materialized path of ids, e.g. `/1/3/7/`: a subtree is `path LIKE '/1/3/%'`. */
    path: text('path').notNull(),
    name: text('name').notNull(),
    level: text('level').$type<OrgLevel>().notNull(),
    kind: text('kind').$type<OrgKind>().notNull(),
    fixedDay: jsonb('fixed_day').$type<FixedDaySetting>(),
    exemptions: text('exemptions').array().$type<Exemption[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orgs_parent_idx').on(t.parentId),
    index('orgs_path_idx').on(sql`${t.path} text_pattern_ops`),
  ],
);
