// The vocabularies of the product, shared by server, client and database. Labels live in i18n under
// the same keys (e.g. `enums.memberStatus.probationary`).

export const ROLES = ['admin', 'supervisor', 'secretary', 'group_leader', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** Levels of the organization tree; party groups hang below branches in their own table. */
export const ORG_LEVELS = ['committee', 'general_branch', 'branch'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_KINDS = [
  'organ',
  'enterprise',
  'village',
  'community',
  'school',
  'hospital',
  'social_organization',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** How a branch sets its groups (seed 001): by residence, by work, or the new kinds; `other` carries the branch's own name. */
export const GROUP_KINDS = ['residence', 'work', 'mobile', 'online', 'other'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** What a party group does when it meets (seed 001): each is a party group meeting of the branch. */
export const GROUP_ACTIVITY_KINDS = [
  'collective_study',
  'heart_to_heart',
  'group_review',
  'group_service',
  'volunteer_service',
  'contact_masses',
  'poverty_support',
  'opinion_supervision',
  'investigation',
  'cultivating_activists',
  'other',
] as const;
export type GroupActivityKind = (typeof GROUP_ACTIVITY_KINDS)[number];

/** A party group's working systems (工作制度, seed 001): the classic ones, then the newer ones. */
export const WORKING_SYSTEMS = [
  'study',
  'member_reports',
  'organizational_life',
  'contact_masses',
  'cultivating_activists',
  'education',
  'investigation',
  'volunteer_service',
  'poverty_support',
  'opinion_supervision',
  'integrity',
  'public_commitments',
] as const;
export type WorkingSystem = (typeof WORKING_SYSTEMS)[number];

/** What a member reports to the group: their thinking (思想汇报) or their work (工作汇报). */
export const MEMBER_REPORT_KINDS = ['thought', 'work'] as const;
export type MemberReportKind = (typeof MEMBER_REPORT_KINDS)[number];

export const SYSTEM_FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type SystemFrequency = (typeof SYSTEM_FREQUENCIES)[number];

/** The development path, in order. */
export const MEMBER_STATUSES = [
  'applicant',
  'activist',
  'development_target',
  'probationary',
  'full',
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
/** A Party member: probationary or full. Expected at activities, counted in attendance, in groups. */
export const PARTY_MEMBER_STATUSES = ['probationary', 'full'] as const satisfies readonly MemberStatus[];

export const MEMBER_POSTS = [
  'secretary',
  'deputy_secretary',
  'organization_member',
  'propaganda_member',
  'discipline_member',
  'group_leader',
] as const;
export type MemberPost = (typeof MEMBER_POSTS)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const EDUCATIONS = [
  'primary',
  'junior_high',
  'senior_high',
  'vocational',
  'associate',
  'bachelor',
  'master',
  'doctorate',
] as const;
export type Education = (typeof EDUCATIONS)[number];

export const HOLIDAY_RULES = ['next_working_day', 'stay'] as const;

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Minimum size of a party group and of its full members (SPEC: party group rules). */
export const GROUP_MIN_MEMBERS = 3;
export const GROUP_MIN_FULL_MEMBERS = 1;

// --- The fixed activity day (seed 004: the four fixes) ---

/** "Fixed content": the four themes of the activity day. */
export const THEMES = [
  'study_training',
  'democratic_deliberation',
  'culture_sports',
  'volunteer_service',
] as const;
export type Theme = (typeof THEMES)[number];

/** The ten kinds of activity the seed names. */
export const ACTIVITY_KINDS = [
  'policy_study',
  'exchange_discussion',
  'democratic_deliberation',
  'observation_inspection',
  'sports_competition',
  'art_performance',
  'pairing_assistance',
  'technical_training',
  'poverty_relief',
  'volunteer_service',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The themed party day and "three meetings and one lesson" (三会一课). */
export const ACTIVITY_TYPES = [
  'themed_party_day',
  'branch_general_meeting',
  'branch_committee_meeting',
  'party_group_meeting',
  'party_lecture',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** "Fixed location": main position, front-line classroom, big stage, circle of care. */
export const VENUE_TYPES = ['activity_room', 'frontline_classroom', 'culture_stage', 'care_circle'] as const;
export type VenueType = (typeof VENUE_TYPES)[number];

/** Which venue types suit which kinds (seed 004), so the suitable ones are offered first. */
export const VENUE_TYPES_FOR_KIND: Record<ActivityKind, readonly VenueType[]> = {
  policy_study: ['activity_room'],
  exchange_discussion: ['activity_room'],
  democratic_deliberation: ['activity_room'],
  observation_inspection: ['frontline_classroom', 'activity_room'],
  sports_competition: ['culture_stage'],
  art_performance: ['culture_stage'],
  pairing_assistance: ['care_circle'],
  technical_training: ['frontline_classroom'],
  poverty_relief: ['care_circle'],
  volunteer_service: ['care_circle', 'culture_stage'],
};

export const ACTIVITY_STATUSES = ['scheduled', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['present', 'leave', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const CHECK_IN_METHODS = ['qr', 'code', 'manual'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

export const LEAVE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

export const WEBHOOK_KINDS = ['wecom', 'dingtalk'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** What an activity's history records: its own changes and late changes to its records. */
export const ACTIVITY_CHANGE_KINDS = [
  'scheduled',
  'recorded',
  'rescheduled',
  'edited',
  'cancelled',
  'minutes',
  'files_added',
  'file_removed',
] as const;
export type ActivityChangeKind = (typeof ACTIVITY_CHANGE_KINDS)[number];

export const NOTICE_KINDS = ['scheduled', 'changed', 'cancelled'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** What the month of a branch's calendar shows for its fixed day. */
/** `held_off_day`: held that month, but not on its fixed day (what the dashboard counts as off the day). */
export const FIXED_DAY_STATES = [
  'held',
  'held_off_day',
  'scheduled',
  'planned',
  'missing_plan',
  'missed',
] as const;
export type FixedDayState = (typeof FIXED_DAY_STATES)[number];

// --- Fixed assessment and oversight (seed 004 "fixed assessment", seed 000) ---

/** What a branch may be excused from, e.g. a retired-staff branch from the monthly fixed day. */
export const EXEMPTIONS = ['fixed_day', 'three_meetings'] as const;
export type Exemption = (typeof EXEMPTIONS)[number];

/** The three ways of inspecting the seed names. */
export const INSPECTION_METHODS = ['on_site', 'records_review', 'phone_check'] as const;
export type InspectionMethod = (typeof INSPECTION_METHODS)[number];

export const RECTIFICATION_STATUSES = ['open', 'answered', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** The items a branch is scored on; masses' rating counts only where ratings exist. */
export const SCORE_ITEMS = [
  'held',
  'on_time',
  'plan',
  'duration',
  'attendance',
  'ledger',
  'inspection',
  'rectification',
  'masses_rating',
] as const;
export type ScoreItem = (typeof SCORE_ITEMS)[number];

export const DEFAULT_WEIGHTS: Record<ScoreItem, number> = {
  held: 20,
  on_time: 10,
  plan: 10,
  duration: 10,
  attendance: 15,
  ledger: 15,
  inspection: 10,
  rectification: 10,
  masses_rating: 0,
};

export const RANKING_PERIODS = ['month', 'quarter', 'year'] as const;
export type RankingPeriod = (typeof RANKING_PERIODS)[number];

/** Checklist items scored from the records instead of by hand. */
export const CHECKLIST_AUTO = ['fixed_day'] as const;
export type ChecklistAuto = (typeof CHECKLIST_AUTO)[number];

export const ALERT_KINDS = [
  'plan_missing',
  'fixed_day_missed',
  'ledger_incomplete',
  'member_absent',
  'meetings_frequency',
  'rectification_overdue',
  'group_system_missed',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Who an alert is for: the branch's secretaries, the supervisors above it, or a group's leader and the branch's secretaries. */
export const ALERT_AUDIENCES = ['branch', 'supervisor', 'group'] as const;
export type AlertAudience = (typeof ALERT_AUDIENCES)[number];

export const REPORT_STATUSES = ['draft', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The sections of a secretary's annual report (述职), in order. */
export const REPORT_SECTIONS = [
  'overview',
  'activities',
  'attendance',
  'ledger',
  'inspections',
  'ranking',
  'next_year',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
