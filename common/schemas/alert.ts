import { z } from 'zod';
import { ALERT_AUDIENCES, ALERT_KINDS } from '../enums';

export const Alert = z.object({
  id: z.number().int(),
  kind: z.enum(ALERT_KINDS),
  audience: z.enum(ALERT_AUDIENCES),
  orgId: z.number().int(),
  orgName: z.string(),
  /** Rendered in the reader's language. */
  message: z.string(),
  activityId: z.number().int().nullable(),
  memberId: z.number().int().nullable(),
  rectificationId: z.number().int().nullable(),
  /** The inspection the rectification item came from, to open it from the alert. */
  inspectionId: z.number().int().nullable(),
  /** The party group an alert is about. */
  groupId: z.number().int().nullable(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type Alert = z.infer<typeof Alert>;

export const AlertListQuery = z.object({ status: z.enum(['open', 'all']).default('open') });
export const AlertList = z.object({ items: z.array(Alert), open: z.number().int() });
export type AlertList = z.infer<typeof AlertList>;
