import { z } from 'zod';
import { CHECKLIST_AUTO } from '../enums';
import { RefId } from './common';

const Score = z.number().min(0, 'errors.checklist.scoreRange').max(100, 'errors.checklist.scoreRange');

export const ChecklistItemInput = z.object({
  /** An item kept from before (its answers stay with it); without an id the item is new. */
  id: RefId.optional(),
  title: z.string().trim().min(1, 'errors.validation.required').max(200),
  weight: z.number().int().min(1).max(100),
  /** Scored from the records: the fixed-day item counts automatically. */
  auto: z.enum(CHECKLIST_AUTO).nullable().default(null),
});

/** The assessment checklist (考核清单) a supervisor sets for a year; weights add up to 100. */
export const ChecklistInput = z.object({
  items: z
    .array(ChecklistItemInput)
    .min(1, 'errors.validation.required')
    .max(30)
    .refine((items) => items.reduce((s, i) => s + i.weight, 0) === 100, {
      message: 'errors.scoring.weightsSum',
    }),
});
export type ChecklistInput = z.input<typeof ChecklistInput>;

export const ChecklistItem = z.object({
  id: z.number().int(),
  title: z.string(),
  weight: z.number().int(),
  auto: z.enum(CHECKLIST_AUTO).nullable(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const Checklist = z.object({
  /** The org that set the checklist (the branch's nearest supervisor that did), or null when none has. */
  ownerOrgId: z.number().int().nullable(),
  ownerOrgName: z.string().nullable(),
  year: z.number().int(),
  items: z.array(ChecklistItem),
});
export type Checklist = z.infer<typeof Checklist>;

export const Evidence = z.object({ activityId: z.number().int(), title: z.string(), date: z.string() });

export const ChecklistAnswer = z.object({
  item: ChecklistItem,
  selfScore: z.number().nullable(),
  selfNote: z.string().nullable(),
  evidence: z.array(Evidence),
  score: z.number().nullable(),
  scoreNote: z.string().nullable(),
});
export type ChecklistAnswer = z.infer<typeof ChecklistAnswer>;

/** One branch's checklist for a year: its self-assessment and the supervisor's scores. */
export const BranchChecklist = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  ownerOrgName: z.string().nullable(),
  answers: z.array(ChecklistAnswer),
  /** Σ weight × score / 100 over the items the supervisor scored (auto items always count). */
  total: z.number(),
  canAssess: z.boolean(),
  canScore: z.boolean(),
});
export type BranchChecklist = z.infer<typeof BranchChecklist>;

export const SelfAssessmentInput = z.object({
  selfScore: Score,
  selfNote: z.string().trim().max(2000).nullable().optional(),
  evidenceActivityIds: z.array(RefId).max(50).default([]),
});
export type SelfAssessmentInput = z.input<typeof SelfAssessmentInput>;

export const ChecklistScoreInput = z.object({
  score: Score,
  scoreNote: z.string().trim().max(2000).nullable().optional(),
});
export type ChecklistScoreInput = z.infer<typeof ChecklistScoreInput>;
