import { z } from 'zod';
import { GROUP_ACTIVITY_KINDS, GROUP_KINDS, MEMBER_STATUSES } from '../enums';
import { Instant } from './activity';
import { Alert } from './alert';
import { RefId, somethingToChange } from './common';

export const GroupMember = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.enum(MEMBER_STATUSES),
  /** In this group as their second ("double group"); their own group is where their life counts. */
  second: z.boolean(),
  /** Working away (流动党员), and where they are now. */
  mobile: z.boolean(),
  location: z.string().nullable(),
});
export type GroupMember = z.infer<typeof GroupMember>;

export const PartyGroup = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  name: z.string(),
  kind: z.enum(GROUP_KINDS),
  kindName: z.string().nullable(),
  leaderId: z.number().int().nullable(),
  members: z.array(GroupMember),
});
export type PartyGroup = z.infer<typeof PartyGroup>;

const GroupFields = {
  name: z.string().trim().min(1, 'errors.validation.required').max(100),
  kind: z.enum(GROUP_KINDS),
  kindName: z.string().trim().max(30).nullable().optional(),
  memberIds: z.array(RefId),
  /** Members whose own group is another one and who belong here too. */
  secondMemberIds: z.array(RefId).optional(),
  leaderId: RefId.nullable(),
};

export const GroupCreate = z.object(GroupFields);
export type GroupCreate = z.infer<typeof GroupCreate>;

export const GroupUpdate = somethingToChange(z.object(GroupFields).partial());
export type GroupUpdate = z.infer<typeof GroupUpdate>;

/** The longest a group's meeting is recorded as; a day's training is a branch activity. */
export const GROUP_ACTIVITY_MAX_MINUTES = 480;

/** What a group leader enters after the group met: the rest (type, org, who was expected) follows. */
export const GroupActivityInput = z.object({
  kind: z.enum(GROUP_ACTIVITY_KINDS),
  title: z.string().trim().min(1, 'errors.validation.required').max(100),
  startsAt: Instant,
  minutes: z
    .number()
    .int()
    .min(5, 'errors.groupActivity.minutes')
    .max(GROUP_ACTIVITY_MAX_MINUTES, 'errors.groupActivity.minutes'),
  memberIds: z.array(RefId).min(1, 'errors.groupActivity.noMembers').max(500),
  notes: z.string().trim().max(2000).optional(),
  place: z.string().trim().max(100).optional(),
});
export type GroupActivityInput = z.infer<typeof GroupActivityInput>;

export const GroupActivity = z.object({
  id: z.number().int(),
  groupId: z.number().int(),
  kind: z.enum(GROUP_ACTIVITY_KINDS),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  present: z.number().int(),
  expected: z.number().int(),
  photos: z.number().int(),
});
export type GroupActivity = z.infer<typeof GroupActivity>;

/** A member's groups as their phone shows them, with the recent life of each. */
export const MyGroup = PartyGroup.extend({
  leads: z.boolean(),
  /** Whether this is the group whose life counts for the member. */
  own: z.boolean(),
  recent: z.array(GroupActivity),
  /** Open alerts about the group (a working system let slip), for its leader to see to. */
  alerts: z.array(Alert),
});
export type MyGroup = z.infer<typeof MyGroup>;
