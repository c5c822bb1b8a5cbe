import { z } from 'zod';
import { GROUP_KINDS, MEMBER_STATUSES } from '../enums';
import { RefId, somethingToChange } from './common';

export const PartyGroup = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  name: z.string(),
  kind: z.enum(GROUP_KINDS),
  leaderId: z.number().int().nullable(),
  members: z.array(z.object({ id: z.number().int(), name: z.string(), status: z.enum(MEMBER_STATUSES) })),
});
export type PartyGroup = z.infer<typeof PartyGroup>;

const GroupFields = {
  name: z.string().trim().min(1, 'errors.validation.required').max(100),
  kind: z.enum(GROUP_KINDS),
  memberIds: z.array(RefId),
  leaderId: RefId.nullable(),
};

export const GroupCreate = z.object(GroupFields);
export type GroupCreate = z.infer<typeof GroupCreate>;

export const GroupUpdate = somethingToChange(z.object(GroupFields).partial());
export type GroupUpdate = z.infer<typeof GroupUpdate>;
