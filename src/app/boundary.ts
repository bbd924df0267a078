/** The decision-boundary plot's inputs from a 2-D dataset: raw points and the plotted range. */
import type { EncodedDataset } from '../data/types';

export interface BoundaryInput {
  points: { x: number; y: number; label: number; split: 'train' | 'validation' | 'test' }[];
  xRange: [number, number];
  yRange: [number, number];
}

export function boundaryInput(data: EncodedDataset): BoundaryInput | undefined {
  if (data.features !== 2 || data.task === 'regression') return undefined;
  const split = new Array<'train' | 'validation' | 'test'>(data.rows).fill('train');
  for (const r of data.splits.validation) split[r] = 'validation';
  for (const r of data.splits.test) split[r] = 'test';
  const [mx, my] = data.scaler.mean;
  const [sx, sy] = data.scaler.std;
  const points = Array.from({ length: data.rows }, (_, r) => ({
    x: data.x[r * 2] * sx + mx,
    y: data.x[r * 2 + 1] * sy + my,
    label: data.y[r],
    split: split[r],
  }));
  const range = (values: number[]): [number, number] => {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const pad = (hi - lo) * 0.08 || 1;
    return [lo - pad, hi + pad];
  };
  return { points, xRange: range(points.map((p) => p.x)), yRange: range(points.map((p) => p.y)) };
}
