/** Uploads a trial's rows once: features and loss-ready targets (one-hot for multiclass). */
import * as tf from '@tensorflow/tfjs';
import type { EncodedDataset } from '../data/types';

export interface RowTensors {
  x: tf.Tensor2D;
  /** [rows, 1] for binary/regression, [rows, classes] one-hot for multiclass. */
  y: tf.Tensor2D;
  /** Host copy of the raw labels (0/1, class index or target), in row order. */
  labels: Float32Array;
  rows: number;
}

export function uploadRows(data: EncodedDataset, rows: Uint32Array, classes: number): RowTensors {
  const f = data.features;
  const n = rows.length;
  const x = new Float32Array(n * f);
  const labels = new Float32Array(n);
  rows.forEach((r, i) => {
    x.set(data.x.subarray(r * f, (r + 1) * f), i * f);
    labels[i] = data.y[r];
  });
  let targets: Float32Array = labels;
  const width = data.task === 'multiclass' ? classes : 1;
  if (data.task === 'multiclass') {
    targets = new Float32Array(n * classes);
    labels.forEach((c, i) => {
      if (!Number.isInteger(c) || c < 0 || c >= classes)
        throw new Error(`label ${c} at row ${rows[i]} is not a class index`);
      targets[i * classes + c] = 1;
    });
  }
  return { x: tf.tensor2d(x, [n, f]), y: tf.tensor2d(targets, [n, width]), labels, rows: n };
}

export function disposeRows(t: RowTensors): void {
  t.x.dispose();
  t.y.dispose();
}
