import { z } from 'zod';

export const MinutesInput = z.object({
  /** Rich text as HTML; the server keeps only safe tags. */
  minutesHtml: z.string().max(200_000),
  decisions: z.string().trim().max(5000).nullable().optional(),
  /** Needed when the activity ended more than the configured days ago (default 7). */
  reason: z.string().trim().max(500).optional(),
});
export type MinutesInput = z.infer<typeof MinutesInput>;

export const ActivityFile = z.object({
  id: z.number().int(),
  kind: z.enum(['photo', 'file']),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  url: z.string(),
  thumbUrl: z.string().nullable(),
  takenAt: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  /** EXIF says it was taken on another day, or far from the venue. */
  flags: z.array(z.enum(['date_mismatch', 'place_mismatch'])),
  uploadedAt: z.string(),
});
export type ActivityFile = z.infer<typeof ActivityFile>;

export const ActivityRecords = z.object({
  minutesHtml: z.string().nullable(),
  decisions: z.string().nullable(),
  updatedAt: z.string().nullable(),
  files: z.array(ActivityFile),
});
export type ActivityRecords = z.infer<typeof ActivityRecords>;
