import type { Role } from '../../common/enums';
import { forbidden, notFound } from '../errors';
import type { Actor } from './actor';

/**
 * What a role may do, anywhere in the subtree of the org it is held at. This table and the
 * functions below are the only place the server decides access.
 */
export type Capability =
  | 'org.read'
  | 'org.manage'
  | 'org.settings'
  | 'member.read'
  | 'member.write'
  | 'member.sensitive'
  | 'group.write'
  | 'account.manage'
  | 'activity.read'
  | 'activity.manage'
  | 'theme.publish'
  | 'stats.read'
  | 'inspection.manage'
  | 'rectification.answer'
  | 'assessment.manage'
  | 'assessment.self'
  | 'audit.read';

const ALL: Capability[] = [
  'org.read',
  'org.manage',
  'org.settings',
  'member.read',
  'member.write',
  'member.sensitive',
  'group.write',
  'account.manage',
  'activity.read',
  'activity.manage',
  'theme.publish',
  'stats.read',
  'inspection.manage',
  'rectification.answer',
  'assessment.manage',
  'assessment.self',
  'audit.read',
];

/**
 * A branch's activities, attendance, minutes, plans, venues and robot are its own records, changed
 * by its secretary; those above read and inspect them (`inspection.manage`) and never rewrite them,
 * so every correction in a branch's ledger is the branch's own. So are its answers to an
 * inspection and its self-assessment: the inspector who closes an item does not answer it.
 */
const BRANCH_OWN: Capability[] = ['activity.manage', 'rectification.answer', 'assessment.self'];
const ABOVE_THE_BRANCH = ALL.filter((c) => !BRANCH_OWN.includes(c));

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: ABOVE_THE_BRANCH,
  supervisor: ABOVE_THE_BRANCH,
  secretary: [
    'org.read',
    'org.settings',
    'member.read',
    'member.write',
    'member.sensitive',
    'group.write',
    'account.manage',
    'activity.read',
    'activity.manage',
    'stats.read',
    'rectification.answer',
    'assessment.self',
  ],
  group_leader: ['org.read', 'member.read', 'activity.read'],
  member: ['org.read', 'activity.read'],
};

/** Roles a holder of `role` may give to others (never admin, never above their own). */
export const GRANTABLE: Record<Role, readonly Role[]> = {
  admin: ['supervisor', 'secretary', 'group_leader', 'member'],
  supervisor: ['supervisor', 'secretary', 'group_leader', 'member'],
  secretary: ['secretary', 'group_leader', 'member'],
  group_leader: [],
  member: [],
};

export function isAdmin(actor: Actor): boolean {
  return actor.bindings.some((b) => b.role === 'admin');
}

/** Subtree roots (paths) where the actor holds `capability`; `null` means everywhere (admin). */
export function scopePaths(actor: Actor, capability: Capability): string[] | null {
  if (isAdmin(actor) && CAPABILITIES.admin.includes(capability)) return null;
  return actor.bindings.filter((b) => CAPABILITIES[b.role].includes(capability)).map((b) => b.orgPath);
}

export function can(actor: Actor, capability: Capability, orgPath: string): boolean {
  const paths = scopePaths(actor, capability);
  return paths === null || paths.some((p) => orgPath.startsWith(p));
}

/** Whether the org is in any of the actor's subtrees at all: outside them it does not exist. */
export function canSee(actor: Actor, orgPath: string): boolean {
  return can(actor, 'org.read', orgPath);
}

/**
 * Throws 404 when the org lies outside everything the actor may see (so its existence is not
 * revealed) and 403 when it is visible but the action is not the actor's to take.
 */
export function authorize(actor: Actor, capability: Capability, orgPath: string): void {
  if (!canSee(actor, orgPath)) throw notFound();
  if (!can(actor, capability, orgPath)) throw forbidden();
}

/** Roles the actor may grant at an org: the union over the bindings that cover it. */
export function grantableAt(actor: Actor, orgPath: string): Role[] {
  const roles = new Set<Role>();
  for (const b of actor.bindings) {
    if (b.role === 'admin' || orgPath.startsWith(b.orgPath)) for (const r of GRANTABLE[b.role]) roles.add(r);
  }
  return [...roles];
}

/**
 * A party group's own life (its meetings, its members' reports) is kept by its leader as well as
 * by those who keep the branch's records: 404 outside what the actor sees, 403 for anyone else.
 */
export function authorizeGroupWork(actor: Actor, orgPath: string, leaderId: number | null): void {
  if (!canSee(actor, orgPath)) throw notFound();
  if (can(actor, 'activity.manage', orgPath)) return;
  if (leaderId !== null && actor.memberId === leaderId) return;
  throw forbidden();
}

/** A member's report to the group as access sees it (a group's reports together: no one writer). */
export type PrivateReport = { memberId: number | null; groupLeaderId: number | null; orgPath: string };

/**
 * A member's report is read by its writer, their group's leader, and those who may read the
 * branch's personal data (its secretaries, the supervisors above): for anyone else it does not exist.
 */
export function authorizeReportReading(actor: Actor, report: PrivateReport): void {
  const mine = actor.memberId !== null && actor.memberId === report.memberId;
  const leads = actor.memberId !== null && actor.memberId === report.groupLeaderId;
  if (!mine && !leads && !can(actor, 'member.sensitive', report.orgPath)) throw notFound();
}

/** Answered by the group's leader or the branch's secretary, never by its writer. */
export function authorizeReportReply(actor: Actor, report: PrivateReport): void {
  authorizeReportReading(actor, report);
  if (actor.memberId !== null && actor.memberId === report.memberId) throw forbidden();
  const leads = actor.memberId !== null && actor.memberId === report.groupLeaderId;
  if (!leads && !can(actor, 'activity.manage', report.orgPath)) throw forbidden();
}

/** A talk is read by the two people in it and by those who may read the branch's personal data. */
export function authorizeTalkReading(
  actor: Actor,
  talk: { talkerId: number | null; memberId: number; orgPath: string },
): void {
  const inIt =
    actor.memberId !== null && (actor.memberId === talk.talkerId || actor.memberId === talk.memberId);
  if (!inIt && !can(actor, 'member.sensitive', talk.orgPath)) throw notFound();
}
