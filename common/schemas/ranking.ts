import { z } from 'zod';
import { EXEMPTIONS, RANKING_PERIODS, SCORE_ITEMS, type ScoreItem } from '../enums';
import { Year } from './common';

export const Weights = z.record(z.enum(SCORE_ITEMS), z.number().int().min(0).max(100));
export type Weights = Record<ScoreItem, number>;

/** A supervisor's scoring scheme for a year: the weights add up to 100. */
export const ScoringSchemeInput = z.object({
  weights: Weights.refine((w) => Object.values(w).reduce((a, b) => a + b, 0) === 100, {
    message: 'errors.scoring.weightsSum',
  }),
});
export type ScoringSchemeInput = z.infer<typeof ScoringSchemeInput>;

export const ScoringScheme = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  weights: Weights,
  /** No scheme was set for this year: the defaults (or an ancestor's scheme) apply. */
  inherited: z.boolean(),
});
export type ScoringScheme = z.infer<typeof ScoringScheme>;

export const RankingQuery = z
  .object({
    period: z.enum(RANKING_PERIODS),
    year: Year,
    /** Month 1-12 or quarter 1-4; ignored for a year. */
    index: z.coerce.number().int().min(1).max(12).default(1),
  })
  .refine((q) => q.period !== 'quarter' || q.index <= 4, {
    path: ['index'],
    message: 'errors.ranking.quarter',
  });
export type RankingQuery = z.infer<typeof RankingQuery>;

/** Each item's value for a branch, 0..1, or null where it does not apply (no inspection, no ratings, exempt). */
export const ItemValues = z.record(z.enum(SCORE_ITEMS), z.number().nullable());

export const RankingRow = z.object({
  rank: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  parentName: z.string().nullable(),
  exemptions: z.array(z.enum(EXEMPTIONS)),
  score: z.number(),
  /** The breakdown of the score is `scoreLines(values, weights)` (common/scoring.ts). */
  values: ItemValues,
});
export type RankingRow = z.infer<typeof RankingRow>;

export const Ranking = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  period: z.enum(RANKING_PERIODS),
  year: z.number().int(),
  index: z.number().int(),
  from: z.string(),
  to: z.string(),
  weights: Weights,
  rows: z.array(RankingRow),
});
export type Ranking = z.infer<typeof Ranking>;

export const PublishedRanking = Ranking.extend({
  id: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string(),
});
export type PublishedRanking = z.infer<typeof PublishedRanking>;

export const PublishedRankingSummary = PublishedRanking.omit({ rows: true, weights: true }).extend({
  branches: z.number().int(),
});
export type PublishedRankingSummary = z.infer<typeof PublishedRankingSummary>;
