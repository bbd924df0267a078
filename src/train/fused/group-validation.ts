/**
 * The validation rows of a group on the device. Members that share their validation rows (the usual
 * case: one split, or the same fold) share one [1, rows, features] tensor that the batched matMul
 * broadcasts; members on different folds get their own rows, padded to the longest and weighted.
 */
import * as tf from '@tensorflow/tfjs';
import type { EncodedDataset } from '../../data/types';
import type { Activation } from '../../core/model/spec';
import { forward, memberLosses, type RowWeights } from './fused-model';
import { targetWidth, writeRow } from './group-rows';

/** Activations of one evaluation chunk stay under this many floats (K × rows × widest layer). */
const CHUNK_FLOATS = 1 << 22;

export interface Evaluation {
  /** [K] mean validation loss of each member. */
  losses: Float32Array;
  /** Member k's predictions for its validation rows, [rows_k × width]. */
  predictions: Float32Array[];
}

export class ValidationSet {
  private x!: tf.Tensor3D;
  private y!: tf.Tensor3D;
  private weights?: RowWeights;
  private rows!: Uint32Array[];
  private readonly width: number;

  constructor(
    private readonly data: EncodedDataset,
    rows: Uint32Array[],
    classes: number,
  ) {
    this.width = targetWidth(data, classes);
    this.upload(rows);
  }

  private get shared(): boolean {
    return this.rows.every((r) => r === this.rows[0]);
  }

  private upload(rows: Uint32Array[]): void {
    this.rows = rows;
    const lists = this.shared ? [rows[0]] : rows;
    const longest = Math.max(...lists.map((r) => r.length));
    const f = this.data.features;
    const x = new Float32Array(lists.length * longest * f);
    const y = new Float32Array(lists.length * longest * this.width);
    lists.forEach((list, k) =>
      list.forEach((r, i) => writeRow(this.data, r, x, y, k * longest + i, this.width)),
    );
    this.x = tf.tensor3d(x, [lists.length, longest, f]);
    this.y = tf.tensor3d(y, [lists.length, longest, this.width]);
    if (!this.shared) {
      const w = new Float32Array(lists.length * longest);
      lists.forEach((list, k) => w.fill(1, k * longest, k * longest + list.length));
      this.weights = {
        weights: tf.tensor2d(w, [lists.length, longest]),
        counts: tf.tensor1d(lists.map((l) => l.length)),
      };
    }
  }

  /** Raw labels of member k's validation rows. */
  labels(k: number): Float32Array {
    return Float32Array.from(this.rows[k], (r) => this.data.y[r]);
  }

  /** Keeps the listed members only (others finished), in that order. */
  keep(members: number[]): void {
    const rows = members.map((k) => this.rows[k]);
    this.dispose();
    this.upload(rows);
  }

  /** `views` makes the group's weight tensors (inside this evaluation's tf.tidy). */
  async evaluate(
    views: () => tf.Tensor[],
    members: number,
    activation: Activation,
    widest: number,
    perMember = false,
  ): Promise<Evaluation> {
    const k = members;
    const total = this.x.shape[1];
    const chunk = Math.max(256, Math.floor(CHUNK_FLOATS / (k * widest)));
    const [predictions, losses] = tf.tidy(() => {
      const weights = views();
      const parts: tf.Tensor[] = [];
      for (let start = 0; start < total; start += chunk) {
        const x = tf.slice(this.x, [0, start, 0], [-1, Math.min(chunk, total - start), -1]);
        parts.push(forward(weights, x, activation, this.data.task, [], perMember));
      }
      const all = parts.length === 1 ? parts[0] : tf.concat(parts, 1);
      return [all, memberLosses(this.data.task, this.y, all, this.weights)];
    });
    try {
      const [values, lossValues] = await Promise.all([predictions.data(), losses.data()]);
      const per = total * this.width;
      return {
        losses: lossValues as Float32Array,
        predictions: this.rows.map((r, m) =>
          (values as Float32Array).slice(m * per, m * per + r.length * this.width),
        ),
      };
    } finally {
      predictions.dispose();
      losses.dispose();
    }
  }

  dispose(): void {
    tf.dispose([this.x, this.y]);
    if (this.weights) tf.dispose([this.weights.weights, this.weights.counts]);
    this.weights = undefined;
  }
}
