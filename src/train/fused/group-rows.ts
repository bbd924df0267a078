/**
 * The rows each member trains and validates on (its own fold and data fraction) and the host-built
 * batches of a fused step: member k's rows in its own seeded epoch order, stacked as [K, rows, …].
 */
import type { EncodedDataset } from '../../data/types';
import { epochOrder } from '../rows';

/** Targets as the loss wants them: the value, or a one-hot row for multiclass. */
export function targetWidth(data: EncodedDataset, classes: number): number {
  return data.task === 'multiclass' ? classes : 1;
}

export function checkLabels(data: EncodedDataset, rows: Uint32Array, classes: number): void {
  if (data.task !== 'multiclass') return;
  for (const r of rows) {
    const c = data.y[r];
    if (!Number.isInteger(c) || c < 0 || c >= classes)
      throw new Error(`label ${c} at row ${r} is not a class index`);
  }
}

/** Writes row `r`'s features and target at position `at` of x [·, features] and y [·, width]. */
export function writeRow(
  data: EncodedDataset,
  r: number,
  x: Float32Array,
  y: Float32Array,
  at: number,
  width: number,
): void {
  const f = data.features;
  x.set(data.x.subarray(r * f, (r + 1) * f), at * f);
  if (width === 1) y[at] = data.y[r];
  else y[at * width + data.y[r]] = 1;
}

export interface GroupBatch {
  /** Rows per member in the tensors: the largest member batch of this step. */
  rows: number;
  /** Each member's real rows this step; 0 = the member sits this step out (its epoch is shorter). */
  sizes: number[];
  /** [K, rows, features] and [K, rows, width]; padded rows are zero. */
  x: Float32Array;
  y: Float32Array;
}

/** One epoch of a group: each member's own order, cut into batches of `batchSize` in lockstep. */
export class EpochBatches {
  readonly steps: number;
  private readonly width: number;

  constructor(
    private readonly data: EncodedDataset,
    private readonly trainRows: Uint32Array[],
    /** Positions into trainRows[k], in the member's order for this epoch. */
    readonly orders: Int32Array[],
    private readonly batchSize: number,
    classes: number,
  ) {
    this.width = targetWidth(data, classes);
    this.steps = Math.max(...orders.map((o) => Math.ceil(o.length / batchSize)));
  }

  static forEpoch(
    data: EncodedDataset,
    trainRows: Uint32Array[],
    seeds: number[],
    epochs: number[],
    batchSize: number,
    classes: number,
  ): EpochBatches {
    const orders = trainRows.map((rows, k) => epochOrder(rows.length, seeds[k], epochs[k]));
    return new EpochBatches(data, trainRows, orders, batchSize, classes);
  }

  batch(step: number): GroupBatch {
    const start = step * this.batchSize;
    const sizes = this.orders.map((o) => Math.max(0, Math.min(this.batchSize, o.length - start)));
    const rows = Math.max(...sizes);
    const k = this.orders.length;
    const x = new Float32Array(k * rows * this.data.features);
    const y = new Float32Array(k * rows * this.width);
    this.orders.forEach((order, m) => {
      for (let i = 0; i < sizes[m]; i++)
        writeRow(this.data, this.trainRows[m][order[start + i]], x, y, m * rows + i, this.width);
    });
    return { rows, sizes, x, y };
  }

  /** Member k's raw labels in this epoch's order (training metrics compare predictions with them). */
  labels(k: number): Float32Array {
    const rows = this.trainRows[k];
    return Float32Array.from(this.orders[k], (i) => this.data.y[rows[i]]);
  }
}
