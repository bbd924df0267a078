import { erfc } from './erf';

export { erf, erfc } from './erf';

const SQRT_2 = Math.SQRT2;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i];
  return sum / xs.length;
}

/** Variance with `ddof` degrees of freedom removed: 0 for the population variance (numpy's default), 1 for the sample one. */
export function variance(xs: ArrayLike<number>, ddof = 0): number {
  if (xs.length - ddof <= 0) return NaN;
  const m = mean(xs);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += (xs[i] - m) ** 2;
  return sum / (xs.length - ddof);
}

export function std(xs: ArrayLike<number>, ddof = 0): number {
  return Math.sqrt(variance(xs, ddof));
}

/** The q-quantile (0 ≤ q ≤ 1) with linear interpolation between order statistics (numpy's default). */
export function quantile(xs: ArrayLike<number>, q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = Float64Array.from(xs).sort();
  const position = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
}

export const median = (xs: ArrayLike<number>): number => quantile(xs, 0.5);

export function normalPdf(x: number, mu = 0, sigma = 1): number {
  const z = (x - mu) / sigma;
  return Math.exp(-0.5 * z * z - LOG_SQRT_2PI) / sigma;
}

export function logNormalPdf(x: number, mu = 0, sigma = 1): number {
  const z = (x - mu) / sigma;
  return -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma);
}

/** Φ(x), accurate in both tails (through erfc, not 1 − erf). */
export function normalCdf(x: number, mu = 0, sigma = 1): number {
  return 0.5 * erfc(-(x - mu) / (sigma * SQRT_2));
}

/** log Σ exp(xᵢ) without overflow; −∞ for an empty list. */
export function logSumExp(xs: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i] > max) max = xs[i];
  if (max === -Infinity) return -Infinity;
  if (max === Infinity) return Infinity;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += Math.exp(xs[i] - max);
  return max + Math.log(sum);
}
