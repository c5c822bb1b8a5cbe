import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Instance-wide values made once, e.g. the key that signs check-in codes. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * The keys that have sealed personal data in this database, by id and a check value (never the
 * key): a start whose key ring lacks one, or holds another key under its id, is refused.
 */
export const personalDataKeys = pgTable('personal_data_keys', {
  id: text('id').primaryKey(),
  check: text('check').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
