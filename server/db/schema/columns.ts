import { timestamp } from 'drizzle-orm/pg-core';

/** When the row was made. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A timestamp with its time zone. */
export const at = (name: string) => timestamp(name, { withTimezone: true });
