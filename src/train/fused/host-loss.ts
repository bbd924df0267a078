/**
 * A member's mean training loss from its training-mode predictions, on the host at the end of an epoch
 * (the predictions are read back for the metrics anyway), and each row's loss for its standard error
 * (metric-errors.ts): the loss of losses.ts, with p clipped to the
 * float32 [ε, 1 − ε] as tfjs clips it.
 */
import type { Task } from '../../data/types';
import { EPSILON } from '../losses';

const LOW = Math.fround(EPSILON);
const HIGH = Math.fround(1 - EPSILON);

const clipped = (p: number) => Math.min(Math.max(p, LOW), HIGH);

/** The loss of row `r`: predictions [rows, width] (width 1 unless multiclass); labels are values or class indices. */
export function rowLoss(
  task: Task,
  predictions: ArrayLike<number>,
  labels: ArrayLike<number>,
  width: number,
  r: number,
): number {
  const y = labels[r];
  if (task === 'multiclass') return -Math.log(clipped(predictions[r * width + y]));
  if (task === 'binary') {
    const p = clipped(predictions[r]);
    return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
  }
  return (predictions[r] - y) ** 2;
}

/** The mean of rowLoss over every row. */
export function meanLoss(task: Task, predictions: Float32Array, labels: Float32Array, width: number): number {
  const rows = labels.length;
  let sum = 0;
  for (let r = 0; r < rows; r++) sum += rowLoss(task, predictions, labels, width, r);
  return sum / rows;
}
