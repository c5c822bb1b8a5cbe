import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Education, Gender, GroupKind, MemberPost, MemberStatus } from '../../../common/enums';
import { sealedText } from '../personal-data/sealed';
import { orgs } from './orgs';

export const partyGroups = pgTable(
  'party_groups',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    kind: text('kind').$type<GroupKind>().notNull(),
    /** The branch's own name for a group of kind `other` (e.g. 微信群小组). */
    kindName: text('kind_name'),
    leaderId: integer('leader_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('party_groups_org_idx').on(t.orgId)],
);

export const members = pgTable(
  'members',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The group whose life counts for the member (their attendance, their systems). */
    groupId: integer('group_id').references(() => partyGroups.id),
    /** A second group ("double group"): e.g. where a member working away now works. */
    secondGroupId: integer('second_group_id').references(() => partyGroups.id),
    name: text('name').notNull(),
    gender: text('gender').$type<Gender>().notNull(),
    birthDate: date('birth_date'),
    ethnicity: text('ethnicity'),
    education: text('education').$type<Education>(),
    phone: sealedText('phone'),
    phoneHmac: text('phone_hmac'),
    idNumber: sealedText('id_number'),
    idNumberHmac: text('id_number_hmac'),
    status: text('status').$type<MemberStatus>().notNull(),
    posts: text('posts').array().$type<MemberPost[]>().notNull().default([]),
    isMobile: boolean('is_mobile').notNull().default(false),
    currentLocation: text('current_location'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('members_org_idx').on(t.orgId, t.id),
    index('members_group_idx').on(t.groupId),
    index('members_second_group_idx').on(t.secondGroupId),
    index('members_status_idx').on(t.status),
    uniqueIndex('members_id_number_key').on(t.idNumberHmac),
    index('members_phone_idx').on(t.phoneHmac),
  ],
);

/** Every step along the development path with its date: the record the status is derived from. */
export const memberStatusHistory = pgTable(
  'member_status_history',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    status: text('status').$type<MemberStatus>().notNull(),
    date: date('date').notNull(),
    note: text('note'),
    recordedBy: integer('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('member_status_history_member_idx').on(t.memberId)],
);
