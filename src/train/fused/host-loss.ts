/**
 * A member's mean training loss from its training-mode predictions, on the host at the end of an epoch
 * (the predictions are read back for the metrics anyway): the loss of losses.ts, with p clipped to the
 * float32 [ε, 1 − ε] as tfjs clips it.
 */
import type { Task } from '../../data/types';
import { EPSILON } from '../losses';

const LOW = Math.fround(EPSILON);
const HIGH = Math.fround(1 - EPSILON);

const clipped = (p: number) => Math.min(Math.max(p, LOW), HIGH);

/** Predictions [rows, width] (width 1 unless multiclass); labels are values or class indices. */
export function meanLoss(task: Task, predictions: Float32Array, labels: Float32Array, width: number): number {
  const rows = labels.length;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    const y = labels[r];
    if (task === 'multiclass') {
      sum -= Math.log(clipped(predictions[r * width + y]));
    } else if (task === 'binary') {
      const p = clipped(predictions[r]);
      sum -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
    } else {
      sum += (predictions[r] - y) ** 2;
    }
  }
  return sum / rows;
}
