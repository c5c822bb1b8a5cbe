import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every change a person made through the app, one row per changed row, written by triggers in
 * the same transaction as the change (migration 0010). Append-only: a trigger refuses UPDATE,
 * DELETE and TRUNCATE. Personal fields are masked before they are written.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: integer('user_id'),
    /** As the person was called then: accounts are renamed and removed. */
    username: text('username'),
    ip: text('ip'),
    /** The route, e.g. `PATCH /api/v1/members/:id`. */
    route: text('route'),
    requestId: text('request_id'),
    tableName: text('table_name').notNull(),
    rowId: text('row_id'),
    /** `read`: personal data shown or exported in full, with the reason in `after`. */
    op: text('op').$type<'insert' | 'update' | 'delete' | 'read'>().notNull(),
    /** The org the changed row belongs to, for reading in a subtree; null for instance-wide rows. */
    orgPath: text('org_path'),
    /** For an update, only the columns that changed. */
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_log_path_at_idx').on(sql`${t.orgPath} text_pattern_ops`, t.at),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_object_idx').on(t.tableName, t.rowId),
  ],
);
