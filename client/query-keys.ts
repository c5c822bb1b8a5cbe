import type { RankingPeriod } from '../common/enums';
import type { AuditQuery } from '../common/schemas/audit';
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
  groupSystemsOf: (orgId: number) => ['groupSystems', orgId] as const,
  groupSystemsKept: (orgId: number, year: number) => ['groupSystems', orgId, 'kept', year] as const,
  groupSystemsSummary: (orgId: number, from: string, to: string) =>
    ['groupSystems', orgId, 'summary', from, to] as const,
  members: ['members'] as const,
  memberPage: (query: Partial<MemberListQuery>) => ['members', 'page', query] as const,
  member: (id: number) => ['members', 'one', id] as const,
  accounts: ['accounts'] as const,
  accountsOf: (orgId: number | undefined) => ['accounts', orgId ?? null] as const,
  // The fixed activity day: an activity's change shows in the calendar, the ledger and the member's page.
  calendar: ['calendar'] as const,
  calendarOf: (orgId: number, year: number) => ['calendar', orgId, year] as const,
  recommendations: ['recommendations'] as const,
  recommendationsOf: (orgId: number, year: number) => ['recommendations', orgId, year] as const,
  venues: ['venues'] as const,
  venuesOf: (orgId: number) => ['venues', orgId] as const,
  activities: ['activities'] as const,
  activitiesIn: (orgId: number, from: string, to: string) =>
    ['activities', 'range', orgId, from, to] as const,
  activity: (id: number) => ['activities', 'one', id] as const,
  activityHistory: (id: number) => ['activities', 'history', id] as const,
  attendance: (activityId: number) => ['activities', 'attendance', activityId] as const,
  checkInCode: (activityId: number) => ['activities', 'checkInCode', activityId] as const,
  records: (activityId: number) => ['activities', 'records', activityId] as const,
  ledger: ['ledger'] as const,
  ledgerOf: (orgId: number, year: number) => ['ledger', orgId, year] as const,
  ledgerVerification: (orgId: number) => ['ledger', orgId, 'verify'] as const,
  inbox: ['inbox'] as const,
  webhook: (orgId: number) => ['webhook', orgId] as const,
  calendarFeeds: (orgId: number) => ['calendarFeeds', orgId] as const,
  myActivities: ['myActivities'] as const,
  myGroups: ['myGroups'] as const,
  myReports: ['myReports'] as const,
  groupReports: (groupId: number) => ['groupReports', groupId] as const,
  // Fixed assessment and oversight: an inspection or an answered rectification changes the
  // dashboard's figures, the ranking's scores and the alerts, so each domain has one root key.
  stats: ['stats'] as const,
  statsOf: (orgId: number, from: string, to: string) => ['stats', orgId, from, to] as const,
  inspections: ['inspections'] as const,
  inspectionsIn: (orgId: number, from: string, to: string) =>
    ['inspections', 'list', orgId, from, to] as const,
  inspection: (id: number) => ['inspections', 'one', id] as const,
  rectifications: (orgId: number, status: string) =>
    ['inspections', 'rectifications', orgId, status] as const,
  rankings: ['rankings'] as const,
  rankingOf: (orgId: number, period: RankingPeriod, year: number, index: number) =>
    ['rankings', 'live', orgId, period, year, index] as const,
  publishedRankings: (orgId: number) => ['rankings', 'published', orgId] as const,
  publishedRanking: (id: number) => ['rankings', 'one', id] as const,
  scoringScheme: (orgId: number, year: number) => ['rankings', 'scheme', orgId, year] as const,
  checklists: ['checklists'] as const,
  checklistOf: (orgId: number, year: number) => ['checklists', 'items', orgId, year] as const,
  branchChecklist: (orgId: number, year: number) => ['checklists', 'answers', orgId, year] as const,
  audit: (query: Partial<AuditQuery>) => ['audit', query] as const,
  alerts: ['alerts'] as const,
  alertsOf: (status: 'open' | 'all') => ['alerts', status] as const,
  reports: ['reports'] as const,
  reportOf: (orgId: number, year: number) => ['reports', 'one', orgId, year] as const,
  reportsUnder: (orgId: number, year: number) => ['reports', 'list', orgId, year] as const,
};
