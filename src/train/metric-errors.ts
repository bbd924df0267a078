/**
 * The standard error of each validation metric, from the validation rows themselves: how far the score
 * would move on another sample of rows this size. A mean over rows (the loss, the mean absolute error)
 * has sd/√n; an AUC has Hanley and McNeil's (1982) formula from its value and the two classes' counts.
 * Accuracy's follows from its value alone (src/report/explain/noise-judgement.ts), so it is not sent.
 */
import type { Task } from '../data/types';
import { EPSILON } from './losses';

/** sd/√n of per-row values; undefined below two rows or for a non-finite mean. */
function meanError(values: Float64Array): number | undefined {
  const n = values.length;
  if (n < 2) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const se = Math.sqrt(squares / (n - 1) / n);
  return Number.isFinite(se) ? se : undefined;
}

/** The loss of each row, as losses.ts computes its mean. */
function rowLosses(task: Task, predictions: ArrayLike<number>, labels: ArrayLike<number>, classes: number) {
  const clip = (p: number) => Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Float64Array.from({ length: labels.length }, (_, i) => {
    const y = labels[i];
    if (task === 'binary')
      return -(y * Math.log(clip(predictions[i])) + (1 - y) * Math.log(1 - clip(predictions[i])));
    if (task === 'multiclass') return -Math.log(clip(predictions[i * classes + y]));
    return (predictions[i] - y) ** 2;
  });
}

/**
 * Hanley and McNeil's standard error of an AUC `a` from `positives` and `negatives` rows. The formula
 * gives 0 for a perfect AUC, however few the rows; like Agresti–Coull for an accuracy, an AUC closer to
 * 0 or 1 than one row of the smaller class is taken as that one row from it first.
 */
export function aucStandardError(auc: number, positives: number, negatives: number): number | undefined {
  if (!Number.isFinite(auc) || positives < 1 || negatives < 1) return undefined;
  const edge = 1 / Math.max(2, Math.min(positives, negatives));
  const a = Math.min(1 - edge, Math.max(edge, auc));
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const variance =
    (a * (1 - a) + (positives - 1) * (q1 - a * a) + (negatives - 1) * (q2 - a * a)) / (positives * negatives);
  return variance >= 0 ? Math.sqrt(variance) : undefined;
}

/**
 * Standard errors of the loss, and of the MAE or AUC (given their values), on the rows scored: keyed as
 * the metrics are, `val_loss` on validation rows (`prefix` 'val_'), `loss` on the test rows ('').
 */
export function metricErrors(
  task: Task,
  prefix: '' | 'val_',
  predictions: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
  metrics: Record<string, number>,
): Record<string, number> {
  const errors: Record<string, number> = {};
  const loss = meanError(rowLosses(task, predictions, labels, classes));
  if (loss !== undefined) errors[`${prefix}loss`] = loss;
  if (task === 'regression') {
    const mae = meanError(
      Float64Array.from({ length: labels.length }, (_, i) => Math.abs(predictions[i] - labels[i])),
    );
    if (mae !== undefined) errors[`${prefix}mae`] = mae;
  }
  if (task === 'binary') {
    let positives = 0;
    for (let i = 0; i < labels.length; i++) if (labels[i] > 0.5) positives++;
    const auc = aucStandardError(metrics[`${prefix}auc`], positives, labels.length - positives);
    if (auc !== undefined) errors[`${prefix}auc`] = auc;
  }
  return errors;
}
