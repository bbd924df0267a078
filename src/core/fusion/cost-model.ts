/**
 * The measured cost of fused against separate training, per backend: speed-up of a group of K
 * members of one hidden width over training them one after another, and the relative cost of a
 * separately trained model by width. Interpolated in log K and log width; beyond the largest K the
 * speed-up of the largest is assumed, below the narrowest width the narrowest's, and above the widest
 * width nothing is assumed (speed-up 0: never fuse what was not measured). Pure data and arithmetic.
 */
import type { BackendName } from '../experiment';

export interface BackendCosts {
  /** Ascending group sizes measured. */
  ks: number[];
  /** Ascending hidden widths measured (every hidden layer that wide). */
  widths: number[];
  /** speedup[w][k]: fused trial-epochs/s ÷ separate trial-epochs/s at widths[w], ks[k]. */
  speedup: number[][];
  /** Separate training time per trial-epoch at each width, relative to the first. */
  separateCost: number[];
}

export interface FusionCostModel {
  /** Where the numbers come from: date, machine, browser, the bench run. */
  measured: { date: string; machine: string; browser: string; source: string };
  backends: Partial<Record<BackendName, BackendCosts>>;
}

/** Position of x between the bracketing entries of an ascending list (log scale), clamped. */
function bracket(list: number[], x: number): [number, number, number] {
  if (x <= list[0]) return [0, 0, 0];
  const last = list.length - 1;
  if (x >= list[last]) return [last, last, 0];
  let i = 0;
  while (list[i + 1] < x) i++;
  return [i, i + 1, Math.log(x / list[i]) / Math.log(list[i + 1] / list[i])];
}

/** Interpolated speed-up of fusing k members of this width (0 above the widest measured). */
export function speedupAt(costs: BackendCosts, k: number, width: number): number {
  if (width > costs.widths[costs.widths.length - 1] * (1 + 1e-9)) return 0;
  const [w0, w1, tw] = bracket(costs.widths, width);
  const [k0, k1, tk] = bracket(costs.ks, k);
  const at = (w: number) => costs.speedup[w][k0] * (1 - tk) + costs.speedup[w][k1] * tk;
  return at(w0) * (1 - tw) + at(w1) * tw;
}

/** Interpolated relative cost per trial-epoch of one model of this width trained separately. */
export function separateCostAt(costs: BackendCosts, width: number): number {
  const [w0, w1, t] = bracket(costs.widths, width);
  return Math.exp(Math.log(costs.separateCost[w0]) * (1 - t) + Math.log(costs.separateCost[w1]) * t);
}

/**
 * The uniform hidden width with as many hidden-to-hidden weights as these units
 * (a single hidden layer is its own width): what the tables are indexed by.
 */
export function effectiveWidth(units: number[]): number {
  if (units.length === 1) return units[0];
  let weights = 0;
  for (let l = 1; l < units.length; l++) weights += units[l - 1] * units[l];
  return Math.sqrt(weights / (units.length - 1));
}
