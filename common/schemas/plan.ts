import { z } from 'zod';
import { ACTIVITY_KINDS, THEMES } from '../enums';
import { Id, Month, RefId, Year } from './common';

const PlanFields = {
  theme: z.enum(THEMES),
  title: z.string().trim().min(1, 'errors.validation.required').max(100),
  kinds: z.array(z.enum(ACTIVITY_KINDS)).min(1, 'errors.validation.required'),
  venueId: RefId.nullable().optional(),
};

/** One month of a branch's yearly plan: "one month, one plan; one month, one theme". */
export const PlanEntryInput = z.object(PlanFields);
export type PlanEntryInput = z.infer<typeof PlanEntryInput>;

export const PlanParams = z.object({
  id: Id,
  year: Year,
  month: Month,
});

export const PlanEntry = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  year: z.number().int(),
  month: z.number().int(),
  theme: z.enum(THEMES),
  title: z.string(),
  kinds: z.array(z.enum(ACTIVITY_KINDS)),
  venueId: z.number().int().nullable(),
  recommendationId: z.number().int().nullable(),
  /** Written after the month's fixed day was close (a warning, never a block). */
  late: z.boolean(),
  updatedAt: z.string(),
});
export type PlanEntry = z.infer<typeof PlanEntry>;

/** A theme a supervisor recommends for a month to every branch under their org. */
export const RecommendationInput = z.object({
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1, 'errors.plan.monthOutOfYear').max(12, 'errors.plan.monthOutOfYear'),
  ...PlanFields,
  note: z.string().trim().max(1000).nullable().optional(),
});
export type RecommendationInput = z.infer<typeof RecommendationInput>;

export const Recommendation = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  theme: z.enum(THEMES),
  title: z.string(),
  kinds: z.array(z.enum(ACTIVITY_KINDS)),
  note: z.string().nullable(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const AdoptRecommendation = z.object({ recommendationId: RefId });
