import { z } from 'zod';
import { INSPECTION_METHODS, RECTIFICATION_STATUSES } from '../enums';
import { IsoDate, RefId } from './common';

const text = (max: number) => z.string().trim().max(max);

export const RectificationInput = z.object({
  item: text(500).min(1, 'errors.validation.required'),
  responsible: text(50).min(1, 'errors.validation.required'),
  dueDate: IsoDate,
});
export type RectificationInput = z.infer<typeof RectificationInput>;

/** An inspection of a branch, or of one of its activities, with what must be put right. */
export const InspectionInput = z.object({
  orgId: RefId,
  activityId: RefId.nullable().optional(),
  method: z.enum(INSPECTION_METHODS),
  date: IsoDate,
  contacted: text(200).default(''),
  findings: text(5000).min(1, 'errors.validation.required'),
  score: z
    .number({ message: 'errors.inspection.scoreRange' })
    .min(0, 'errors.inspection.scoreRange')
    .max(100, 'errors.inspection.scoreRange'),
  rectifications: z.array(RectificationInput).max(50).default([]),
});
export type InspectionInput = z.input<typeof InspectionInput>;

export const Rectification = z.object({
  id: z.number().int(),
  inspectionId: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  item: z.string(),
  responsible: z.string(),
  dueDate: z.string(),
  status: z.enum(RECTIFICATION_STATUSES),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Past its due date and not closed. */
  overdue: z.boolean(),
});
export type Rectification = z.infer<typeof Rectification>;

export const Inspection = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  activityId: z.number().int().nullable(),
  activityTitle: z.string().nullable(),
  method: z.enum(INSPECTION_METHODS),
  date: z.string(),
  contacted: z.string(),
  findings: z.string(),
  score: z.number(),
  inspectorName: z.string(),
  createdAt: z.string(),
  rectifications: z.array(Rectification),
});
export type Inspection = z.infer<typeof Inspection>;

export const InspectionListQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
export const RectificationListQuery = z.object({
  status: z.enum(['open', 'overdue', 'answered', 'closed', 'all']).default('open'),
});

export const RectificationAnswer = z.object({ answer: text(2000).min(1, 'errors.validation.required') });

/** Members picked at random from an activity for a telephone spot check. */
export const SpotCheckQuery = z.object({ count: z.coerce.number().int().min(1).max(20).default(3) });
export const SpotCheckPick = z.object({
  memberId: z.number().int(),
  name: z.string(),
  phone: z.string().nullable(),
  status: z.enum(['present', 'leave', 'absent']),
});
export const SpotCheck = z.object({ activityId: z.number().int(), picks: z.array(SpotCheckPick) });
export type SpotCheck = z.infer<typeof SpotCheck>;
