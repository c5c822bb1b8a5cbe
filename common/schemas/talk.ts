import { z } from 'zod';
import { IsoDate, RefId } from './common';

export const TalkInput = z.object({
  memberId: RefId,
  heldOn: IsoDate,
  topics: z.string().trim().min(1, 'errors.validation.required').max(2000),
  agreed: z.string().trim().max(2000).optional(),
  followUpOn: IsoDate.optional(),
  /** The "absent three times" alert this talk answers. */
  alertId: RefId.optional(),
});
export type TalkInput = z.infer<typeof TalkInput>;

export const Talk = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  talkerName: z.string().nullable(),
  memberId: z.number().int(),
  memberName: z.string(),
  heldOn: z.string(),
  topics: z.string(),
  agreed: z.string().nullable(),
  followUpOn: z.string().nullable(),
  alertId: z.number().int().nullable(),
});
export type Talk = z.infer<typeof Talk>;

export const TalkList = z.object({ items: z.array(Talk) });
