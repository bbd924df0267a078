/** A binary dataset of a given shape with random features: training cost depends on the shape only. */
import { Rng } from '../../../src/core/rng';
import type { EncodedDataset } from '../../../src/data/types';

export interface DataShapeCase {
  train: number;
  validation: number;
  features: number;
}

export function shapedDataset({ train, validation, features }: DataShapeCase, seed = 7): EncodedDataset {
  const rng = new Rng(seed);
  const rows = train + validation;
  const x = Float32Array.from({ length: rows * features }, () => rng.next() * 2 - 1);
  const y = Float32Array.from({ length: rows }, (_, r) => (x[r * features] > 0 ? 1 : 0));
  const range = (from: number, to: number) => Uint32Array.from({ length: to - from }, (_, i) => from + i);
  return {
    name: `random ${train}+${validation}×${features}`,
    task: 'binary',
    featureNames: Array.from({ length: features }, (_, i) => `f${i}`),
    targetName: 'label',
    classNames: ['0', '1'],
    rows,
    features,
    x,
    y,
    splits: { train: range(0, train), validation: range(train, rows), test: new Uint32Array(0) },
    scaler: { mean: new Array(features).fill(0), std: new Array(features).fill(1) },
  };
}
