/**
 * The standard error of each validation metric, from the validation rows themselves: how far the score
 * would move on another sample of rows this size. A mean over rows (the loss, the mean absolute error)
 * has sd/√n; an AUC has Hanley and McNeil's (1982) formula from its value and the two classes' counts.
 * Accuracy's follows from its value alone (src/report/explain/noise-judgement.ts), so it is not sent.
 */
import type { Task } from '../data/types';
import { rowLoss } from './fused/host-loss';
import { taskMetrics } from './metrics';

/** sd/√n of the values `value(0)` … `value(n − 1)`; undefined below two rows or when not finite. */
function meanError(n: number, value: (i: number) => number): number | undefined {
  if (n < 2) return undefined;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += value(i);
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (value(i) - mean) ** 2;
  const se = Math.sqrt(squares / (n - 1) / n);
  return Number.isFinite(se) ? se : undefined;
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
  const n = labels.length;
  const loss = meanError(n, (r) => rowLoss(task, predictions, labels, classes, r));
  if (loss !== undefined) errors[`${prefix}loss`] = loss;
  if (task === 'regression') {
    const mae = meanError(n, (r) => Math.abs(predictions[r] - labels[r]));
    if (mae !== undefined) errors[`${prefix}mae`] = mae;
  }
  if (task === 'binary') {
    let positives = 0;
    for (let r = 0; r < n; r++) if (labels[r] > 0.5) positives++;
    const auc = aucStandardError(metrics[`${prefix}auc`], positives, n - positives);
    if (auc !== undefined) errors[`${prefix}auc`] = auc;
  }
  return errors;
}

/**
 * The loss and the task's metrics on some scored rows, keyed as Keras names them (`prefix` 'val_' on
 * validation rows, '' on the test rows), with their standard errors: what every evaluation reports.
 */
export function metricsWithErrors(
  task: Task,
  prefix: '' | 'val_',
  loss: number,
  predictions: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
): { metrics: Record<string, number>; errors: Record<string, number> } {
  const metrics = { [`${prefix}loss`]: loss, ...taskMetrics(task, prefix, predictions, labels, classes) };
  return { metrics, errors: metricErrors(task, prefix, predictions, labels, classes, metrics) };
}
