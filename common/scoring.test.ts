import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, SCORE_ITEMS } from './enums';
import type { Weights } from './schemas/ranking';
import { type ItemValues, scoreLines, shownValues, totalScore } from './scoring';

const none = Object.fromEntries(SCORE_ITEMS.map((i) => [i, null])) as ItemValues;

describe('a branch’s score', () => {
  it('shares the weight of items that do not apply over those that do', () => {
    const weights = {
      ...Object.fromEntries(SCORE_ITEMS.map((i) => [i, 0])),
      held: 40,
      attendance: 60,
    } as Weights;
    const values = { ...none, held: 0.5, attendance: 1 };
    expect(totalScore(values, weights)).toBe(80);
    // Without an attendance figure, held alone carries the whole 100.
    expect(totalScore({ ...values, attendance: null }, weights)).toBe(50);
    expect(totalScore(none, weights)).toBe(0);
  });

  it('breaks down into points that add up to the score', () => {
    const values = shownValues({
      ...none,
      held: 2 / 3,
      on_time: 1 / 3,
      plan: 1,
      duration: 1,
      attendance: 0.6,
    });
    expect(values.held).toBe(0.6667);
    const lines = scoreLines(values, DEFAULT_WEIGHTS);
    expect(lines.map((l) => l.item)).toEqual([...SCORE_ITEMS]);
    expect(lines.find((l) => l.item === 'inspection')).toMatchObject({ value: null, points: 0 });
    const sum = lines.reduce((s, l) => s + l.points, 0);
    expect(Math.abs(sum - totalScore(values, DEFAULT_WEIGHTS))).toBeLessThan(0.05);
  });
});
