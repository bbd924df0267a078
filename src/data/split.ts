import type { Rng } from '../core/rng';
import type { Splits } from './types';

export interface SplitFractions {
  train: number;
  validation: number;
  test: number;
}

export const DEFAULT_SPLITS: SplitFractions = { train: 0.7, validation: 0.15, test: 0.15 };

/** Why the fractions or fold count cannot be used, or undefined when they can. */
export function splitProblem(
  fractions: SplitFractions,
  folds: number | undefined,
  rows: number,
): string | undefined {
  const { train, validation, test } = fractions;
  const parts = [train, validation, test];
  if (parts.some((f) => !Number.isFinite(f) || f < 0 || f > 1))
    return 'each split fraction must be between 0 and 1';
  if (train <= 0) return 'the training split must not be empty';
  if (Math.abs(train + validation + test - 1) > 1e-6) {
    return `the split fractions add up to ${train + validation + test}, not 1`;
  }
  if (folds !== undefined && folds !== 0) {
    if (!Number.isInteger(folds) || folds < 2)
      return 'the number of cross-validation folds must be a whole number ≥ 2';
    const pool = Math.round(rows * (train + validation));
    if (folds > pool)
      return `${folds} folds need at least ${folds} rows in training + validation, there are ${pool}`;
  }
  return undefined;
}

/**
 * Seeded train/validation/test split. With `classes` (class index per row) every class is split in
 * the same proportions (stratified); without (regression) the rows are shuffled as one group. With
 * `folds` ≥ 2, train ∪ validation is also dealt into that many folds, stratified the same way.
 * Every index list is sorted ascending.
 */
export function makeSplits(
  rows: number,
  classes: ArrayLike<number> | null,
  fractions: SplitFractions,
  rng: Rng,
  folds?: number,
): Splits {
  const groups = groupRows(rows, classes);
  for (const group of groups) rng.shuffle(group);
  const sizes = groups.map((g) => g.length);
  const testCounts = apportion(Math.round(rows * fractions.test), sizes);
  const validationCounts = apportion(
    Math.round(rows * fractions.validation),
    sizes.map((n, i) => n - testCounts[i]),
  );
  const train: number[] = [];
  const validation: number[] = [];
  const test: number[] = [];
  const pools: number[][] = [];
  groups.forEach((group, g) => {
    const nTest = testCounts[g];
    const nValidation = validationCounts[g];
    // A loop, not push(...slice): spreading hundreds of thousands of rows overflows the call stack.
    group.forEach((row, i) => (i < nTest ? test : i < nTest + nValidation ? validation : train).push(row));
    pools.push(group.slice(nTest));
  });
  const splits: Splits = { train: sorted(train), validation: sorted(validation), test: sorted(test) };
  if (folds && folds >= 2) splits.folds = dealFolds(pools, folds);
  return splits;
}

function groupRows(rows: number, classes: ArrayLike<number> | null): number[][] {
  if (!classes) return [Array.from({ length: rows }, (_, i) => i)];
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < rows; i++) {
    const members = byClass.get(classes[i]) ?? [];
    members.push(i);
    byClass.set(classes[i], members);
  }
  return [...byClass.keys()].sort((a, b) => a - b).map((k) => byClass.get(k) as number[]);
}

/**
 * Splits `total` over groups in proportion to `sizes` (largest remainder), never giving a group more
 * than its size: so the split sizes are right overall, not only per class.
 */
export function apportion(total: number, sizes: readonly number[]): number[] {
  const sum = sizes.reduce((a, b) => a + b, 0);
  if (sum === 0 || total <= 0) return sizes.map(() => 0);
  const want = Math.min(total, sum);
  const quotas = sizes.map((n) => (want * n) / sum);
  const counts = quotas.map((q, i) => Math.min(Math.floor(q), sizes[i]));
  const order = quotas
    .map((_, i) => i)
    .sort((a, b) => quotas[b] - counts[b] - (quotas[a] - counts[a]) || a - b);
  let left = want - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0 && k < order.length * 2; k++) {
    const i = order[k % order.length];
    if (counts[i] < sizes[i]) {
      counts[i]++;
      left--;
    }
  }
  return counts;
}

/** Deals each (already shuffled) class round-robin into k folds, continuing where the last class stopped. */
function dealFolds(pools: number[][], k: number): Uint32Array[] {
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const pool of pools) {
    for (const row of pool) {
      folds[next].push(row);
      next = (next + 1) % k;
    }
  }
  return folds.map(sorted);
}

function sorted(indices: number[]): Uint32Array {
  return Uint32Array.from(indices).sort();
}
