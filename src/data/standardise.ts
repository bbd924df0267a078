import type { Standardisation } from './types';

/** Below this a feature counts as constant on the training rows and keeps std 1 (no division by ~0). */
const MIN_STD = 1e-12;

/** Mean and (population) standard deviation of every feature over the given rows only. */
export function fitScaler(x: ArrayLike<number>, features: number, rows: ArrayLike<number>): Standardisation {
  const mean = new Array<number>(features).fill(0);
  const std = new Array<number>(features).fill(1);
  if (rows.length === 0) return { mean, std };
  for (let f = 0; f < features; f++) {
    let sum = 0;
    for (let i = 0; i < rows.length; i++) sum += x[rows[i] * features + f];
    const m = sum / rows.length;
    let squares = 0;
    for (let i = 0; i < rows.length; i++) {
      const d = x[rows[i] * features + f] - m;
      squares += d * d;
    }
    const s = Math.sqrt(squares / rows.length);
    mean[f] = m;
    std[f] = s < MIN_STD ? 1 : s;
  }
  return { mean, std };
}

/** (x − mean) / std for every row, in place. */
export function applyScaler(x: Float32Array, scaler: Standardisation): void {
  const features = scaler.mean.length;
  for (let i = 0; i < x.length; i++) {
    const f = i % features;
    x[i] = (x[i] - scaler.mean[f]) / scaler.std[f];
  }
}
