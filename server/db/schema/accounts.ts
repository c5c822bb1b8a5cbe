import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Locale, Role } from '../../../common/enums';
import { sealedText } from '../personal-data/sealed';
import { members } from './members';
import { orgs } from './orgs';

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    phone: sealedText('phone'),
    /** The phone's blind index: login by phone finds the account through it. */
    phoneHmac: text('phone_hmac'),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    memberId: integer('member_id').references(() => members.id),
    locale: text('locale').$type<Locale>().notNull().default('zh-CN'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    uniqueIndex('users_phone_key').on(t.phoneHmac),
    uniqueIndex('users_member_key').on(t.memberId),
  ],
);

/** A role held at an org: it applies to that org's whole subtree. Admin has no org. */
export const roleBindings = pgTable(
  'role_bindings',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    orgId: integer('org_id').references(() => orgs.id),
  },
  (t) => [index('role_bindings_user_idx').on(t.userId), index('role_bindings_org_idx').on(t.orgId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token: a leaked table does not hand out live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed logins, by account and by IP, kept in the database so every app instance sees them. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);
