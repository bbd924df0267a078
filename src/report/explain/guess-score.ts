/**
 * What a model that learnt nothing from the inputs would score: the floor every trial should clear.
 * On a file where 88 % of the rows say "no", an accuracy of 0.89 is not a model, it is the class
 * balance; the best trial is read against this guess, with the same noise rule as the runner-up.
 *
 * The guess is fitted on the rows a trial learns from and scored on the rows it is judged on (with
 * k-fold cross-validation, averaged over the folds the executions used):
 * - accuracy: always the most common class;
 * - cross-entropy loss: the class shares as probabilities, the same for every row;
 * - AUC: a constant ranks no row above another, 0.5;
 * - mean squared error: always the mean; mean absolute error: always the median.
 */
import type { StudySettings } from '../../core/study';
import type { EncodedDataset } from '../../data/types';
import { baseMetric } from './noise-judgement';

/** A most common class this large makes accuracy a poor judge between models. */
export const LOPSIDED_SHARE = 0.8;

export type GuessKind = 'most-common' | 'shares' | 'constant' | 'mean' | 'median';

export interface Guess {
  metric: string;
  kind: GuessKind;
  score: number;
  /** The most common class (accuracy), or the constant predicted (mean, median). */
  value?: string | number;
  /** The most common class's share of the rows the guess was fitted on (accuracy). */
  share?: number;
}

type GuessData = Pick<EncodedDataset, 'task' | 'classNames' | 'y' | 'splits'>;

/** Cross-entropy clips probabilities as Keras does, so a class absent from the fitting rows stays finite. */
const EPSILON = 1e-7;

/** Row indices: a split, or several (the folds a guess is fitted on). Never copied: a file may have 500,000. */
type Rows = readonly ArrayLike<number>[];

interface RowPair {
  fit: Rows;
  judge: Rows;
}

/** The rows a guess is fitted on and judged on: one pair, or one per fold the executions used. */
function rowPairs(data: GuessData, metric: string, executions: number): RowPair[] {
  const { splits } = data;
  if (!metric.startsWith('val_')) return [{ fit: [splits.train], judge: [splits.train] }];
  const folds = splits.folds;
  if (!folds || folds.length < 2) return [{ fit: [splits.train], judge: [splits.validation] }];
  return folds.slice(0, Math.max(1, Math.min(executions, folds.length))).map((fold, i) => ({
    fit: folds.filter((_, j) => j !== i),
    judge: [fold],
  }));
}

const count = (rows: Rows): number => rows.reduce((n, r) => n + r.length, 0);

/** The sum of `f(y)` over the rows. */
function sumOver(y: Float32Array, rows: Rows, f: (v: number) => number): number {
  let sum = 0;
  for (const part of rows) for (let i = 0; i < part.length; i++) sum += f(y[part[i]]);
  return sum;
}

/** The median of the rows' values: a selection, in linear time (a sort of 350,000 values took 300 ms). */
function median(y: Float32Array, rows: Rows): number {
  const values = new Float64Array(count(rows));
  let k = 0;
  for (const part of rows) for (let i = 0; i < part.length; i++) values[k++] = y[part[i]];
  const mid = values.length >> 1;
  const upper = select(values, mid);
  return values.length % 2 ? upper : (upper + max(values, mid)) / 2;
}

/** The largest of values[0, end): after select(values, end), the value just below the end-th. */
function max(values: Float64Array, end: number): number {
  let m = -Infinity;
  for (let i = 0; i < end; i++) if (values[i] > m) m = values[i];
  return m;
}

/** Rearranges `values` so that values[k] is the k-th smallest and everything before it is no larger. */
function select(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i++] = values[j];
        values[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k];
}

function classShares(y: Float32Array, rows: Rows, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const part of rows) for (let i = 0; i < part.length; i++) counts[y[part[i]]]++;
  const n = count(rows);
  return counts.map((c) => c / n);
}

/** The index of the largest share; ties go to the lower class index. */
const mostCommon = (shares: number[]): number =>
  shares.reduce((best, s, c) => (s > shares[best] ? c : best), 0);

interface FoldGuess {
  score: number;
  value?: string | number;
  share?: number;
}

function foldGuess(data: GuessData, base: string, fit: Rows, judge: Rows): FoldGuess | undefined {
  const { y, task } = data;
  const n = count(judge);
  if (task === 'regression') {
    if (base === 'loss') {
      const m = sumOver(y, fit, (v) => v) / count(fit);
      return { score: sumOver(y, judge, (v) => (v - m) ** 2) / n, value: m };
    }
    if (base === 'mae') {
      const m = median(y, fit);
      return { score: sumOver(y, judge, (v) => Math.abs(v - m)) / n, value: m };
    }
    return undefined;
  }
  const classes = Math.max(data.classNames.length, 2);
  const shares = classShares(y, fit, classes);
  if (base === 'accuracy') {
    const top = mostCommon(shares);
    const right = sumOver(y, judge, (v) => (v === top ? 1 : 0));
    return { score: right / n, value: data.classNames[top] ?? String(top), share: shares[top] };
  }
  if (base === 'auc') return task === 'binary' ? { score: 0.5 } : undefined;
  if (base === 'loss') {
    const clip = (p: number) => Math.min(1 - EPSILON, Math.max(EPSILON, p));
    const logLoss =
      task === 'binary'
        ? (c: number) => -Math.log(c === 1 ? clip(shares[1]) : clip(1 - shares[1]))
        : (c: number) => -Math.log(clip(shares[c]));
    return { score: sumOver(y, judge, logLoss) / n };
  }
  return undefined;
}

const average = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

const KINDS: Record<string, GuessKind> = { accuracy: 'most-common', auc: 'constant', mae: 'median' };

/**
 * The score of a guess that ignores the inputs, on `metric` (val_ or not), or undefined when the metric
 * has no such guess here or there are no rows to judge it on.
 */
export function guessScore(data: GuessData, metric: string, executions = 1): Guess | undefined {
  return remembered(data, `${metric} ${executions}`, () =>
    guessOn(data, metric, rowPairs(data, metric, executions)),
  );
}

/** The guess fitted on the training rows and scored on the test rows, for the test evaluation. */
export const testGuess = (data: GuessData, metric: string): Guess | undefined =>
  remembered(data, `${metric} test`, () =>
    guessOn(data, metric, [{ fit: [data.splits.train], judge: [data.splits.test] }]),
  );

/** Guesses already worked out, per dataset: the settings, the results and the test card each ask. */
const guesses = new WeakMap<GuessData, Map<string, Guess | undefined>>();

function remembered(data: GuessData, key: string, work: () => Guess | undefined): Guess | undefined {
  let known = guesses.get(data);
  if (!known) guesses.set(data, (known = new Map()));
  if (!known.has(key)) known.set(key, work());
  return known.get(key);
}

function guessOn(data: GuessData, metric: string, rows: RowPair[]): Guess | undefined {
  const base = baseMetric(metric);
  const pairs = rows.filter((p) => count(p.fit) > 0 && count(p.judge) > 0);
  if (pairs.length === 0) return undefined;
  const folds = pairs.map((p) => foldGuess(data, base, p.fit, p.judge));
  if (folds.some((f) => f === undefined || !Number.isFinite(f.score))) return undefined;
  const first = folds[0]!;
  const kind = KINDS[base] ?? (data.task === 'regression' ? 'mean' : 'shares');
  return {
    metric,
    kind,
    score: average(folds.map((f) => f!.score)),
    ...(first.value !== undefined && folds.every((f) => f!.value === first.value) && { value: first.value }),
    ...(first.share !== undefined && { share: average(folds.map((f) => f!.share!)) }),
  };
}

/** The guess on a study's objective, over the folds its executions validate on. */
export const studyGuess = (
  data: GuessData,
  settings: Pick<StudySettings, 'objective' | 'executionsPerTrial'>,
): Guess | undefined => guessScore(data, settings.objective.metric, settings.executionsPerTrial);

/**
 * When accuracy is the objective and one class holds LOPSIDED_SHARE of the training rows or more: the
 * guess of that class, and the objective that tells models apart better (AUC for two classes, the
 * loss for more). Undefined otherwise.
 */
export function lopsidedAccuracy(
  data: GuessData,
  metric: string,
): { guess: Guess; better: string } | undefined {
  if (data.task === 'regression' || baseMetric(metric) !== 'accuracy') return undefined;
  const guess = guessScore(data, metric);
  if (!guess || (guess.share ?? 0) < LOPSIDED_SHARE) return undefined;
  const prefix = metric.startsWith('val_') ? 'val_' : '';
  return { guess, better: `${prefix}${data.task === 'binary' ? 'auc' : 'loss'}` };
}
