import { SCORE_ITEMS, type ScoreItem } from './enums';
import type { Weights } from './schemas/ranking';

/** What each item measured for one branch, 0..1, or null where it does not apply. */
export type ItemValues = Record<ScoreItem, number | null>;

/** One item of a branch's score: its value, its weight, and the points it adds out of 100. */
export type ScoreLine = { item: ScoreItem; value: number | null; weight: number; points: number };

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The weight of the items that apply: the others' weight is shared out over them. */
const applyingWeight = (values: ItemValues, weights: Weights) =>
  SCORE_ITEMS.reduce((s, i) => s + (values[i] === null ? 0 : weights[i]), 0);

/**
 * Score out of 100: each item's value times its weight, the weights of items that do not apply
 * shared out over those that do, so a branch is never marked down for what it could not do.
 */
export function totalScore(values: ItemValues, weights: Weights): number {
  const applying = applyingWeight(values, weights);
  if (applying === 0) return 0;
  return round2(SCORE_ITEMS.reduce((s, i) => s + (values[i] ?? 0) * weights[i], 0) * (100 / applying));
}

/**
 * Why a branch has its score, item by item. The ranking carries only the values and the weights;
 * the server's score and every screen's breakdown come from them by this one rule.
 */
export function scoreLines(values: ItemValues, weights: Weights): ScoreLine[] {
  const applying = applyingWeight(values, weights);
  return SCORE_ITEMS.map((item) => {
    const value = values[item];
    return {
      item,
      value,
      weight: weights[item],
      points: value === null || applying === 0 ? 0 : round2((value * weights[item] * 100) / applying),
    };
  });
}

/** Values as the ranking shows them: four decimals, enough for a percentage with two. */
export const shownValues = (values: ItemValues): ItemValues =>
  Object.fromEntries(
    SCORE_ITEMS.map((i) => [i, values[i] === null ? null : Math.round(values[i] * 10_000) / 10_000]),
  ) as ItemValues;
