/** Standard errors of the validation metrics, from the validation rows. */
import { describe, expect, it } from 'vitest';
import { aucStandardError, metricErrors } from '../../../src/train/metric-errors';

const sdOverRootN = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1) / xs.length);
};

describe('metricErrors', () => {
  it('gives a regression loss and MAE their per-row sd/√n', () => {
    const predictions = [1, 2, 3, 4, 5];
    const labels = [1.5, 1, 3, 6, 5];
    const errors = metricErrors('regression', 'val_', predictions, labels, 0, { val_mae: 0.7 });
    expect(errors.val_loss).toBeCloseTo(sdOverRootN([0.25, 1, 0, 4, 0]), 12);
    expect(errors.val_mae).toBeCloseTo(sdOverRootN([0.5, 1, 0, 2, 0]), 12);
    expect(errors.val_auc).toBeUndefined();
  });

  it('gives a binary cross-entropy its per-row spread (clipped as the loss is) and the AUC its own', () => {
    const predictions = [0.9, 0.2, 1, 0.6];
    const labels = [1, 0, 0, 1];
    const errors = metricErrors('binary', 'val_', predictions, labels, 2, { val_auc: 0.75 });
    // p = 1 with label 0: clipped to float32 1 − ε, as tfjs clips it (host-loss.ts).
    const rows = [-Math.log(0.9), -Math.log(0.8), -Math.log(1 - Math.fround(1 - 1e-7)), -Math.log(0.6)];
    expect(errors.val_loss).toBeCloseTo(sdOverRootN(rows), 6);
    expect(errors.val_auc).toBeCloseTo(aucStandardError(0.75, 2, 2)!, 12);
  });

  it('takes the probability of the true class for a multi-class loss', () => {
    const predictions = [0.7, 0.2, 0.1, 0.1, 0.1, 0.8, 0.3, 0.3, 0.4];
    const errors = metricErrors('multiclass', 'val_', predictions, [0, 2, 1], 3, {});
    expect(errors.val_loss).toBeCloseTo(sdOverRootN([-Math.log(0.7), -Math.log(0.8), -Math.log(0.3)]), 12);
  });

  it('sends nothing it cannot estimate: one row, or an AUC with one class absent', () => {
    expect(metricErrors('binary', 'val_', [0.4], [1], 2, { val_auc: NaN })).toEqual({});
  });

  it("keys the test rows' errors without a prefix", () => {
    const errors = metricErrors('binary', '', [0.9, 0.2, 0.7], [1, 0, 0], 2, { auc: 0.5 });
    expect(Object.keys(errors).sort()).toEqual(['auc', 'loss']);
  });
});

describe('aucStandardError (Hanley and McNeil)', () => {
  it('follows the formula: A = 0.8 on 50 and 50 rows', () => {
    // Q1 = 0.8/1.2, Q2 = 2·0.64/1.8; (0.16 + 49(Q1 − 0.64) + 49(Q2 − 0.64)) / 2500 = 0.0019804.
    expect(aucStandardError(0.8, 50, 50)).toBeCloseTo(Math.sqrt(0.0019804), 5);
  });

  it('is not 0 for a perfect AUC: the AUC one row of the smaller class from perfect is used', () => {
    const perfect = aucStandardError(1, 40, 60)!;
    expect(perfect).toBeGreaterThan(0);
    expect(perfect).toBeCloseTo(aucStandardError(1 - 1 / 40, 40, 60)!, 12);
    expect(aucStandardError(0.9, 0, 10)).toBeUndefined();
  });
});
