/** Which rows a trial trains and validates on, and their seeded per-epoch order. */
import type { EncodedDataset } from '../data/types';
import { streamRng, STREAM } from './seeds';
import type { TrainRequest } from './types';

export interface RowSelection {
  train: Uint32Array;
  validation: Uint32Array;
}

/** Validation fold `foldIndex` against the other folds when given, else the dataset's train/validation split. */
export function selectRows(data: EncodedDataset, foldIndex?: number): RowSelection {
  if (foldIndex === undefined) return { train: data.splits.train, validation: data.splits.validation };
  const folds = data.splits.folds;
  if (!folds || folds.length < 2)
    throw new Error(`foldIndex ${foldIndex} given but the dataset has no folds`);
  if (!Number.isInteger(foldIndex) || foldIndex < 0 || foldIndex >= folds.length) {
    throw new Error(`foldIndex ${foldIndex} is outside 0…${folds.length - 1}`);
  }
  const others = folds.filter((_, i) => i !== foldIndex);
  const train = new Uint32Array(others.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const f of others) {
    train.set(f, at);
    at += f.length;
  }
  return { train, validation: folds[foldIndex] };
}

/**
 * A seeded subset of `fraction` of the rows. Classification: the fraction is taken within each class
 * (at least one row of every class present), so class balance is kept. The result keeps ascending order.
 */
export function fractionOfRows(
  data: EncodedDataset,
  rows: Uint32Array,
  fraction: number,
  seed: number,
): Uint32Array {
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`dataFraction must be in (0, 1], got ${fraction}`);
  if (fraction === 1) return rows;
  const rng = streamRng(seed, STREAM.subset);
  const groups = new Map<number, number[]>();
  for (const r of rows) {
    const key = data.task === 'regression' ? 0 : data.y[r];
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(r);
  }
  const chosen: number[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const group = groups.get(key)!;
    const take = Math.max(1, Math.round(group.length * fraction));
    chosen.push(...rng.shuffle(group).slice(0, take));
  }
  return Uint32Array.from(chosen.sort((a, b) => a - b));
}

/** Positions 0…n−1 in the seeded order of `epoch` (1-based absolute): the same epoch always shuffles alike. */
export function epochOrder(n: number, seed: number, epoch: number): Int32Array {
  const order = Array.from({ length: n }, (_, i) => i);
  streamRng(seed, STREAM.shuffle, epoch).shuffle(order);
  return Int32Array.from(order);
}

/** The rows a trial trains on (its fold's training rows, its data fraction of them) and validates on. */
export function trialRows(
  data: EncodedDataset,
  req: Pick<TrainRequest, 'foldIndex' | 'dataFraction' | 'seed'>,
): RowSelection {
  const rows = selectRows(data, req.foldIndex);
  const train =
    req.dataFraction === undefined
      ? rows.train
      : fractionOfRows(data, rows.train, req.dataFraction, req.seed);
  if (train.length === 0) throw new Error('no training rows');
  if (rows.validation.length === 0) throw new Error('no validation rows');
  return { train, validation: rows.validation };
}
