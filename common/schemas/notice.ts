import { z } from 'zod';
import { LOCALES, NOTICE_KINDS, WEBHOOK_KINDS } from '../enums';

export const Notice = z.object({
  id: z.number().int(),
  kind: z.enum(NOTICE_KINDS),
  activityId: z.number().int().nullable(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notice = z.infer<typeof Notice>;

export const Inbox = z.object({ items: z.array(Notice), unread: z.number().int() });
export type Inbox = z.infer<typeof Inbox>;

export const WebhookInput = z.object({
  url: z.url({ protocol: /^https?$/, message: 'errors.validation.url' }),
  kind: z.enum(WEBHOOK_KINDS),
  /** The language the group chat reads its notices in. */
  locale: z.enum(LOCALES).default('zh-CN'),
  enabled: z.boolean(),
});
export type WebhookInput = z.infer<typeof WebhookInput>;

export const Webhook = WebhookInput.extend({
  orgId: z.number().int(),
  lastStatus: z.string().nullable(),
  lastAt: z.string().nullable(),
});
export type Webhook = z.infer<typeof Webhook>;

/** The subscription addresses of the branch's and the member's own calendar. */
export const CalendarFeeds = z.object({ branchUrl: z.string().nullable(), memberUrl: z.string().nullable() });
export type CalendarFeeds = z.infer<typeof CalendarFeeds>;

/** An activity of the member's branch (or above) that has not ended, and where they stand. */
export const UpcomingActivity = z.object({
  id: z.number().int(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venueName: z.string().nullable(),
  address: z.string().nullable(),
  myStatus: z.enum(['present', 'leave', 'leave_pending', 'none']),
});
export type UpcomingActivity = z.infer<typeof UpcomingActivity>;

/** The member's phone page: what is next and after it, and their own record of taking part. */
export const MyActivities = z.object({
  next: UpcomingActivity.nullable(),
  /** The few scheduled after the next one, so leave can be asked for any of them. */
  later: z.array(UpcomingActivity),
  history: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      startsAt: z.string(),
      status: z.enum(['present', 'leave', 'absent']),
    }),
  ),
  rate: z.number().nullable(),
});
export type MyActivities = z.infer<typeof MyActivities>;
