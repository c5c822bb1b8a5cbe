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

export const GROUP_KINDS = ['residence', 'work', 'mobile', 'online', 'other'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** The development path, in order. */
export const MEMBER_STATUSES = [
  'applicant',
  'activist',
  'development_target',
  'probationary',
  'full',
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

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
export type HolidayRule = (typeof HOLIDAY_RULES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Minimum size of a party group and of its full members (SPEC: party group rules). */
export const GROUP_MIN_MEMBERS = 3;
export const GROUP_MIN_FULL_MEMBERS = 1;
