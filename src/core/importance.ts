/**
 * Hyperparameter importance as Optuna's default evaluator computes it: functional ANOVA (Hutter et al.,
 * ICML 2014) on a random forest. Each tree splits the encoded search space into boxes; a parameter's
 * importance is the share of the tree's prediction variance explained by that parameter alone (its
 * main effect), averaged over the trees and normalised so the importances sum to 1.
 */
import { Rng } from './rng';
import { isActive, isTunable, toUnit, type Config, type Param } from './space';

export interface ImportanceRow {
  /** Active parameters only, as in a trial's config. */
  config: Config;
  score: number;
}

export interface ParamImportance {
  name: string;
  /** Share of the explained variance, in [0, 1]; the importances of one result sum to 1 (or are all 0). */
  importance: number;
}

export interface ImportanceOptions {
  trees?: number;
  maxDepth?: number;
  seed?: number;
}

/** Optuna's FanovaImportanceEvaluator defaults: 64 trees, depth 64. */
const DEFAULTS = { trees: 64, maxDepth: 64, seed: 0 } as const;

/**
 * Where an inactive conditional parameter sits: below the unit interval, in a domain stretched to
 * [-1, 1], so "not used" is a region of its own that a tree can split off.
 */
const INACTIVE = -0.5;

interface Feature {
  name: string;
  lo: number;
  hi: number;
}

type Node =
  | { leaf: true; value: number }
  | { leaf: false; feature: number; threshold: number; left: Node; right: Node };

interface Leaf {
  value: number;
  lo: number[];
  hi: number[];
}

/** Importance of each tunable parameter, most important first. Needs at least 2 rows with finite scores. */
export function importance(
  params: Param[],
  rows: ImportanceRow[],
  options: ImportanceOptions = {},
): ParamImportance[] {
  const { trees, maxDepth, seed } = { ...DEFAULTS, ...options };
  const tunable = params.filter(isTunable);
  const usable = rows.filter((r) => Number.isFinite(r.score));
  if (tunable.length === 0) return [];
  const zero = () => tunable.map((p) => ({ name: p.name, importance: 0 }));
  if (usable.length < 2) return zero();

  const features: Feature[] = tunable.map((p) => {
    const sometimesInactive = usable.some((r) => !isActive(p, r.config) || r.config[p.name] === undefined);
    return { name: p.name, lo: sometimesInactive ? -1 : 0, hi: 1 };
  });
  const x = usable.map((r) => tunable.map((p) => encode(p, r.config)));
  const y = usable.map((r) => r.score);

  const rng = new Rng(seed);
  const totals = new Array<number>(features.length).fill(0);
  let counted = 0;
  for (let t = 0; t < trees; t++) {
    const sample = Array.from({ length: x.length }, () => rng.int(0, x.length - 1));
    const tree = grow(x, y, sample, 0, maxDepth);
    const shares = mainEffects(tree, features);
    if (!shares) continue;
    shares.forEach((s, j) => (totals[j] += s));
    counted++;
  }
  if (counted === 0) return zero();
  const sum = totals.reduce((a, b) => a + b, 0);
  const result = features.map((f, j) => ({ name: f.name, importance: sum > 0 ? totals[j] / sum : 0 }));
  return result.sort((a, b) => b.importance - a.importance || a.name.localeCompare(b.name));
}

function encode(p: Param, config: Config): number {
  const v = config[p.name];
  if (v === undefined || !isActive(p, config)) return INACTIVE;
  return toUnit(p, v);
}

/** A CART regression tree (squared error), every feature considered at every split, as scikit-learn's forest. */
function grow(x: number[][], y: number[], rows: number[], depth: number, maxDepth: number): Node {
  const mean = rows.reduce((s, i) => s + y[i], 0) / rows.length;
  if (rows.length < 2 || depth >= maxDepth) return { leaf: true, value: mean };
  const split = bestSplit(x, y, rows);
  if (!split) return { leaf: true, value: mean };
  const left = rows.filter((i) => x[i][split.feature] <= split.threshold);
  const right = rows.filter((i) => x[i][split.feature] > split.threshold);
  return {
    leaf: false,
    feature: split.feature,
    threshold: split.threshold,
    left: grow(x, y, left, depth + 1, maxDepth),
    right: grow(x, y, right, depth + 1, maxDepth),
  };
}

function bestSplit(
  x: number[][],
  y: number[],
  rows: number[],
): { feature: number; threshold: number } | undefined {
  const n = rows.length;
  const total = rows.reduce((s, i) => s + y[i], 0);
  const totalSq = rows.reduce((s, i) => s + y[i] * y[i], 0);
  const parentError = totalSq - (total * total) / n;
  if (parentError <= 1e-12 * Math.max(1, Math.abs(totalSq))) return undefined;
  let best: { feature: number; threshold: number; error: number } | undefined;
  for (let f = 0; f < x[0].length; f++) {
    const sorted = [...rows].sort((a, b) => x[a][f] - x[b][f]);
    let leftSum = 0;
    let leftSq = 0;
    for (let k = 0; k < n - 1; k++) {
      const i = sorted[k];
      leftSum += y[i];
      leftSq += y[i] * y[i];
      const here = x[i][f];
      const next = x[sorted[k + 1]][f];
      if (next <= here) continue;
      const nl = k + 1;
      const nr = n - nl;
      const rightSum = total - leftSum;
      const error = leftSq - (leftSum * leftSum) / nl + (totalSq - leftSq) - (rightSum * rightSum) / nr;
      if (!best || error < best.error - 1e-12) best = { feature: f, threshold: (here + next) / 2, error };
    }
  }
  return best && best.error < parentError ? best : undefined;
}

function leaves(node: Node, lo: number[], hi: number[], out: Leaf[]): Leaf[] {
  if (node.leaf) {
    out.push({ value: node.value, lo: [...lo], hi: [...hi] });
    return out;
  }
  const f = node.feature;
  const leftHi = [...hi];
  leftHi[f] = Math.min(hi[f], node.threshold);
  const rightLo = [...lo];
  rightLo[f] = Math.max(lo[f], node.threshold);
  if (leftHi[f] > lo[f]) leaves(node.left, lo, leftHi, out);
  if (hi[f] > rightLo[f]) leaves(node.right, rightLo, hi, out);
  return out;
}

/**
 * Each feature's main-effect variance as a share of the tree's total variance, with the inputs uniform
 * over the domain; undefined when the tree predicts a constant.
 */
function mainEffects(tree: Node, features: Feature[]): number[] | undefined {
  const d = features.length;
  const width = features.map((f) => f.hi - f.lo);
  const boxes = leaves(
    tree,
    features.map((f) => f.lo),
    features.map((f) => f.hi),
    [],
  );
  const fraction = (leaf: Leaf, j: number) => (leaf.hi[j] - leaf.lo[j]) / width[j];
  const volume = boxes.map((leaf) => features.reduce((v, _f, j) => v * fraction(leaf, j), 1));
  const mean = boxes.reduce((s, leaf, k) => s + volume[k] * leaf.value, 0);
  const variance = boxes.reduce((s, leaf, k) => s + volume[k] * (leaf.value - mean) ** 2, 0);
  if (!(variance > 1e-12 * Math.max(1, mean * mean))) return undefined;

  const shares: number[] = [];
  for (let j = 0; j < d; j++) {
    const cuts = [...new Set(boxes.flatMap((leaf) => [leaf.lo[j], leaf.hi[j]]))].sort((a, b) => a - b);
    let explained = 0;
    for (let c = 0; c < cuts.length - 1; c++) {
      const mid = (cuts[c] + cuts[c + 1]) / 2;
      let marginal = 0;
      boxes.forEach((leaf, k) => {
        if (leaf.lo[j] <= mid && mid < leaf.hi[j]) marginal += leaf.value * (volume[k] / fraction(leaf, j));
      });
      explained += ((cuts[c + 1] - cuts[c]) / width[j]) * (marginal - mean) ** 2;
    }
    shares.push(explained / variance);
  }
  return shares;
}
