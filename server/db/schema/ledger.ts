import { integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { activities } from './activities';
import { orgs } from './orgs';

/**
 * The branch's tamper-evident ledger: every fact that makes the record (scheduled, held,
 * minutes, photos, attendance, late edits) appended with the hash of the one before.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    seq: integer('seq').notNull(),
    activityId: integer('activity_id').references(() => activities.id),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    byUserId: integer('by_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('ledger_entries_org_seq_key').on(t.orgId, t.seq)],
);
