import { z } from 'zod';
import { EDUCATIONS, GENDERS, MEMBER_POSTS, MEMBER_STATUSES } from '../enums';
import { isValidIdNumber, PHONE_PATTERN } from '../validators';
import { Id, IsoDate, page, RefId, somethingToChange } from './common';

const Phone = z.string().trim().regex(PHONE_PATTERN, 'errors.validation.phone');
const IdNumber = z.string().trim().toUpperCase().refine(isValidIdNumber, 'errors.validation.idNumber');

const ProfileFields = {
  name: z.string().trim().min(1, 'errors.validation.required').max(50),
  gender: z.enum(GENDERS),
  birthDate: IsoDate.nullable().optional(),
  ethnicity: z.string().trim().max(20).nullable().optional(),
  education: z.enum(EDUCATIONS).nullable().optional(),
  phone: Phone.nullable().optional(),
  idNumber: IdNumber.nullable().optional(),
  posts: z.array(z.enum(MEMBER_POSTS)).optional(),
  isMobile: z.boolean().optional(),
  currentLocation: z.string().trim().max(200).nullable().optional(),
};

export const MemberCreate = z.object({
  ...ProfileFields,
  orgId: RefId,
  status: z.enum(MEMBER_STATUSES),
  /** When the member reached the status they are created with; today when left out. */
  statusDate: IsoDate.optional(),
});
export type MemberCreate = z.infer<typeof MemberCreate>;

export const MemberUpdate = somethingToChange(z.object(ProfileFields).partial());
export type MemberUpdate = z.infer<typeof MemberUpdate>;

export const StatusChange = z.object({
  status: z.enum(MEMBER_STATUSES),
  date: IsoDate,
  note: z.string().trim().max(500).optional(),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const MemberTransfer = z.object({ orgId: RefId });
export type MemberTransfer = z.infer<typeof MemberTransfer>;

export const MemberListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  orgId: Id.optional(),
  post: z.enum(MEMBER_POSTS).optional(),
  mobile: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type MemberListQuery = z.infer<typeof MemberListQuery>;

export const MemberListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: z.enum(GENDERS),
  status: z.enum(MEMBER_STATUSES),
  orgId: z.number().int(),
  orgName: z.string(),
  groupId: z.number().int().nullable(),
  groupName: z.string().nullable(),
  posts: z.array(z.enum(MEMBER_POSTS)),
  isMobile: z.boolean(),
  /** Always masked in lists. */
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
});
export type MemberListItem = z.infer<typeof MemberListItem>;

export const MemberPage = page(MemberListItem);
export type MemberPage = z.infer<typeof MemberPage>;

export const StatusStep = z.object({
  status: z.enum(MEMBER_STATUSES),
  date: z.string(),
  note: z.string().nullable(),
});
export type StatusStep = z.infer<typeof StatusStep>;

export const MemberDetail = MemberListItem.extend({
  birthDate: z.string().nullable(),
  ethnicity: z.string().nullable(),
  education: z.enum(EDUCATIONS).nullable(),
  currentLocation: z.string().nullable(),
  /** True when phone and ID number are shown in full: only to the member themself. */
  sensitiveVisible: z.boolean(),
  /** Whether the reader may ask to see them in full, giving a reason (the request is audited). */
  canReveal: z.boolean(),
  canEdit: z.boolean(),
  history: z.array(StatusStep),
  account: z.object({ id: z.number().int(), username: z.string() }).nullable(),
});
export type MemberDetail = z.infer<typeof MemberDetail>;

/** Why the reader needs a member's phone and ID number in full: kept in the audit log. */
export const RevealRequest = z.object({
  reason: z.string().trim().min(1, 'errors.validation.required').max(200),
});
export type RevealRequest = z.infer<typeof RevealRequest>;
export const Revealed = z.object({ phone: z.string().nullable(), idNumber: z.string().nullable() });
export type Revealed = z.infer<typeof Revealed>;
