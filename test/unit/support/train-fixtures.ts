/** Tiny hand-made EncodedDatasets for the training-runtime tests. */
import { Rng } from '../../../src/core/rng';
import type { EncodedDataset, Task } from '../../../src/data/types';

function dataset(
  name: string,
  task: Task,
  x: number[][],
  y: number[],
  classNames: string[],
  validationShare = 0.3,
): EncodedDataset {
  const rows = y.length;
  const features = x[0].length;
  const cut = Math.round(rows * (1 - validationShare));
  const all = Uint32Array.from({ length: rows }, (_, i) => i);
  return {
    name,
    task,
    featureNames: Array.from({ length: features }, (_, i) => `x${i}`),
    targetName: 'y',
    classNames,
    rows,
    features,
    x: Float32Array.from(x.flat()),
    y: Float32Array.from(y),
    splits: { train: all.slice(0, cut), validation: all.slice(cut), test: new Uint32Array(0) },
    scaler: { mean: new Array(features).fill(0), std: new Array(features).fill(1) },
  };
}

/** Points in [−1, 1]², label 1 when x·y > 0 (the XOR quadrants), a margin kept around the axes. */
export function xorDataset(rows: number, seed: number): EncodedDataset {
  const rng = new Rng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  while (y.length < rows) {
    const a = rng.uniform(-1, 1);
    const b = rng.uniform(-1, 1);
    if (Math.abs(a) < 0.1 || Math.abs(b) < 0.1) continue;
    x.push([a, b]);
    y.push(a * b > 0 ? 1 : 0);
  }
  return dataset('xor', 'binary', x, y, ['0', '1']);
}

/** Three Gaussian blobs in 2-D. */
export function blobsDataset(rows: number, seed: number): EncodedDataset {
  const rng = new Rng(seed);
  const centres = [
    [-2, 0],
    [2, 0],
    [0, 2.5],
  ];
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    const c = i % 3;
    x.push([rng.normal(centres[c][0], 0.6), rng.normal(centres[c][1], 0.6)]);
    y.push(c);
  }
  return dataset('blobs', 'multiclass', x, y, ['a', 'b', 'c']);
}

/** y = 3·x0 − 2·x1 + noise, with features multiplied by `scale` (large scale = unscaled data). */
export function linearDataset(rows: number, seed: number, scale = 1): EncodedDataset {
  const rng = new Rng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    const a = rng.normal() * scale;
    const b = rng.normal() * scale;
    x.push([a, b]);
    y.push(3 * a - 2 * b + rng.normal(0, 0.1));
  }
  return dataset('linear', 'regression', x, y, []);
}
