import { index, integer, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import type { MemberReportKind, SystemFrequency, WorkingSystem } from '../../../common/enums';
import { users } from './accounts';
import { at, createdAt } from './columns';
import { members, partyGroups } from './members';
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

/**
 * A member's report to their group (思想汇报 / 工作汇报), and its reply. Private: the writer, the
 * group's leader, the branch's secretaries and the supervisors above read it; no other member.
 */
export const memberReports = pgTable(
  'member_reports',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** The writer's branch and own group when it was written: who reads and answers it. */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    groupId: integer('group_id').references(() => partyGroups.id, { onDelete: 'set null' }),
    kind: text('kind').$type<MemberReportKind>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    reply: text('reply'),
    repliedBy: integer('replied_by').references(() => users.id),
    repliedAt: at('replied_at'),
  },
  (t) => [
    index('member_reports_member_idx').on(t.memberId),
    index('member_reports_org_idx').on(t.orgId, t.createdAt),
  ],
);
