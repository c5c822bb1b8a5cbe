import { date, index, integer, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import type { MemberReportKind, SystemFrequency, WorkingSystem } from '../../../common/enums';
import { users } from './accounts';
import { alerts } from './alerts';
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

/**
 * A heart-to-heart talk (谈心谈话): who talked with whom, when, about what, what was agreed and
 * when to follow up. Private to the two people in it, the branch's secretaries and the supervisors.
 */
export const talks = pgTable(
  'talks',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    talkerId: integer('talker_id').references(() => members.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    heldOn: date('held_on').notNull(),
    topics: text('topics').notNull(),
    agreed: text('agreed'),
    followUpOn: date('follow_up_on'),
    /** The "absent three times" alert the talk answers, acknowledged by it. */
    alertId: integer('alert_id').references(() => alerts.id),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('talks_org_idx').on(t.orgId, t.heldOn), index('talks_member_idx').on(t.memberId)],
);
