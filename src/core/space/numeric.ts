import type { Sampling } from './types';

/**
 * Shared arithmetic of Int and Float: exact stepped grids by integer index arithmetic, and the
 * linear / log / reverse_log warps between the unit interval and [min, max].
 */

function decimals(x: number): number {
  const text = String(x);
  const exp = text.match(/e-(\d+)$/);
  if (exp) {
    const mantissa = text.slice(0, text.indexOf('e'));
    const dot = mantissa.indexOf('.');
    return Number(exp[1]) + (dot < 0 ? 0 : mantissa.length - dot - 1);
  }
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** min, min+step, … ≤ max, exactly: Float(0, 0.3, 0.1) → [0, 0.1, 0.2, 0.3]; Int(32, 512, 128) → [32, 160, 288, 416]. */
export function steppedGrid(min: number, max: number, step: number): number[] {
  const d = Math.min(15, Math.max(decimals(min), decimals(max), decimals(step)));
  const scale = 10 ** d;
  const lo = Math.round(min * scale);
  const hi = Math.round(max * scale);
  const st = Math.round(step * scale);
  const count = Math.floor((hi - lo) / st) + 1;
  return Array.from({ length: count }, (_, i) => (lo + i * st) / scale);
}

const paramGrids = new WeakMap<object, { min: number; max: number; step: number; grid: readonly number[] }>();

/**
 * A parameter's grid, built once and shared read-only (checked against its bounds): Bayesian
 * optimisation maps about 1,400 candidate points through every stepped parameter for each proposal.
 */
export function paramGrid(param: { min: number; max: number }, step: number): readonly number[] {
  const known = paramGrids.get(param);
  if (known && known.min === param.min && known.max === param.max && known.step === step) return known.grid;
  const grid = Object.freeze(steppedGrid(param.min, param.max, step));
  paramGrids.set(param, { min: param.min, max: param.max, step, grid });
  return grid;
}

export function warp(u: number, min: number, max: number, sampling: Sampling = 'linear'): number {
  const t = Math.min(1, Math.max(0, u));
  if (sampling === 'log') return min * Math.pow(max / min, t);
  if (sampling === 'reverse_log') return max + min - min * Math.pow(max / min, 1 - t);
  return min + (max - min) * t;
}

export function unwarp(v: number, min: number, max: number, sampling: Sampling = 'linear'): number {
  if (max === min) return 0.5;
  let u: number;
  if (sampling === 'log') u = Math.log(v / min) / Math.log(max / min);
  else if (sampling === 'reverse_log') u = 1 - Math.log((max + min - v) / min) / Math.log(max / min);
  else u = (v - min) / (max - min);
  return Math.min(1, Math.max(0, u));
}

/** Index of the grid value a unit-interval point selects: equal buckets when linear, nearest value when warped. */
export function gridIndexFromUnit(
  grid: readonly number[],
  u: number,
  min: number,
  max: number,
  sampling: Sampling = 'linear',
): number {
  if (sampling === 'linear') return Math.min(grid.length - 1, Math.max(0, Math.floor(u * grid.length)));
  const v = warp(u, min, max, sampling);
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (Math.abs(grid[i] - v) < Math.abs(grid[best] - v)) best = i;
  return best;
}

export function unitFromGridIndex(
  grid: readonly number[],
  index: number,
  min: number,
  max: number,
  sampling: Sampling = 'linear',
): number {
  if (sampling === 'linear') return (index + 0.5) / grid.length;
  return unwarp(grid[index], min, max, sampling);
}

export function nearestIndex(grid: readonly number[], v: number): number {
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (Math.abs(grid[i] - v) < Math.abs(grid[best] - v)) best = i;
  return best;
}
