import { describe, expect, it } from 'vitest';
import {
  aucByRank,
  binaryAccuracy,
  categoricalAccuracy,
  meanAbsoluteError,
  taskMetrics,
} from '../../../src/train/metrics';

describe('aucByRank', () => {
  it('matches the hand-computed pair count without ties', () => {
    // Pairs (pos, neg): 0.35>0.1 ✓, 0.35<0.4 ✗, 0.8>0.1 ✓, 0.8>0.4 ✓ → 3/4.
    expect(aucByRank([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
  });

  it('counts a tied positive–negative pair as one half', () => {
    // Pairs: 0.5 vs 0.2 → 1, 0.5 vs 0.5 → ½, 0.9 vs 0.2 → 1, 0.9 vs 0.5 → 1 → 3.5/4.
    expect(aucByRank([0.2, 0.5, 0.5, 0.9], [0, 0, 1, 1])).toBeCloseTo(0.875, 12);
    expect(aucByRank([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBeCloseTo(0.5, 12);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, whatever the row order', () => {
    expect(aucByRank([0.9, 0.1, 0.8, 0.3, 0.7], [1, 0, 1, 0, 1])).toBe(1);
    expect(aucByRank([0.1, 0.9, 0.2, 0.8], [1, 0, 1, 0])).toBe(0);
  });

  it('agrees with a brute-force pair count on a larger tied sample', () => {
    const scores = [0.3, 0.1, 0.3, 0.7, 0.7, 0.7, 0.2, 0.9, 0.1, 0.5, 0.5, 0.3];
    const labels = [1, 0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0];
    let wins = 0;
    let pairs = 0;
    scores.forEach((sp, i) => {
      if (labels[i] !== 1) return;
      scores.forEach((sn, j) => {
        if (labels[j] !== 0) return;
        pairs++;
        wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
      });
    });
    expect(aucByRank(scores, labels)).toBeCloseTo(wins / pairs, 12);
  });

  it('is NaN when a class is missing', () => {
    expect(aucByRank([0.1, 0.2], [1, 1])).toBeNaN();
  });
});

describe('accuracy and error', () => {
  it('thresholds sigmoid outputs at 0.5', () => {
    expect(binaryAccuracy([0.2, 0.6, 0.51, 0.5], [0, 1, 0, 0])).toBe(0.75);
  });

  it('takes the arg-max of each row for multiclass', () => {
    const probs = [0.1, 0.7, 0.2, 0.5, 0.3, 0.2, 0.2, 0.3, 0.5];
    expect(categoricalAccuracy(probs, [1, 0, 1], 3)).toBeCloseTo(2 / 3, 12);
  });

  it('averages absolute errors', () => {
    expect(meanAbsoluteError([1, 2, 4], [1, 3, 1])).toBeCloseTo(4 / 3, 12);
  });

  it('names the metrics per task as Keras does', () => {
    expect(Object.keys(taskMetrics('binary', 'val_', [0.2, 0.8], [0, 1], 1))).toEqual([
      'val_accuracy',
      'val_auc',
    ]);
    expect(Object.keys(taskMetrics('multiclass', '', [1, 0], [0], 2))).toEqual(['accuracy']);
    expect(Object.keys(taskMetrics('regression', '', [1], [2], 1))).toEqual(['mae']);
  });
});
