/** The group's flat parameters and optimizer slots on the device: upload, replace per step, shrink, read back. */
import * as tf from '@tensorflow/tfjs';
import type { FlatState } from './fused-update';

export class GroupState implements FlatState {
  constructor(
    public params: tf.Tensor2D,
    public slots: tf.Tensor2D[],
  ) {}

  /** rows: K × P parameters; slots: one K × P array per slot kind. */
  static upload(k: number, p: number, rows: Float32Array, slots: Float32Array[]): GroupState {
    return new GroupState(
      tf.tensor2d(rows, [k, p]),
      slots.map((s) => tf.tensor2d(s, [k, p])),
    );
  }

  get members(): number {
    return this.params.shape[0];
  }

  /** Takes ownership of the next state and disposes the current one. */
  replace(next: FlatState): void {
    tf.dispose([this.params, ...this.slots]);
    this.params = next.params;
    this.slots = next.slots;
  }

  /** Keeps the rows of the listed members only. */
  keep(members: number[]): void {
    this.replace(
      tf.tidy(() => {
        const index = tf.tensor1d(members, 'int32');
        return {
          params: tf.gather(this.params, index) as tf.Tensor2D,
          slots: this.slots.map((s) => tf.gather(s, index) as tf.Tensor2D),
        };
      }),
    );
  }

  async download(): Promise<{ params: Float32Array; slots: Float32Array[] }> {
    const [params, ...slots] = await Promise.all([this.params, ...this.slots].map((t) => t.data()));
    return { params: params as Float32Array, slots: slots as Float32Array[] };
  }

  dispose(): void {
    tf.dispose([this.params, ...this.slots]);
  }
}
