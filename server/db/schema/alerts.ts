import { index, integer, jsonb, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AlertAudience, AlertKind } from '../../../common/enums';
import { users } from './accounts';
import { activities } from './activities';
import { at } from './columns';
import { rectifications } from './inspections';
import { members, partyGroups } from './members';
import { orgs } from './orgs';

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
    /** The group an alert of the `group` audience is about: its leader sees it too. */
    groupId: integer('group_id').references(() => partyGroups.id, { onDelete: 'cascade' }),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    createdAt: at('created_at').notNull().defaultNow(),
    acknowledgedBy: integer('acknowledged_by').references(() => users.id),
    acknowledgedAt: at('acknowledged_at'),
  },
  (t) => [uniqueIndex('alerts_key').on(t.key), index('alerts_org_idx').on(t.orgId)],
);
