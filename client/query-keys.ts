import type { MemberListQuery } from '../common/schemas/member';

/**
 * All TanStack Query keys in one place: a change in one domain refetches another's data (a new
 * member changes an org's counts and a group's members), and the features would otherwise import
 * each other in a circle to reach these.
 */
export const keys = {
  me: ['me'] as const,
  orgs: ['orgs'] as const,
  orgTree: ['orgs', 'tree'] as const,
  org: (id: number) => ['orgs', id] as const,
  groups: ['groups'] as const,
  groupsOf: (orgId: number) => ['groups', orgId] as const,
  members: ['members'] as const,
  memberPage: (query: Partial<MemberListQuery>) => ['members', 'page', query] as const,
  member: (id: number) => ['members', 'one', id] as const,
  accounts: ['accounts'] as const,
  accountsOf: (orgId: number | undefined) => ['accounts', orgId ?? null] as const,
};
