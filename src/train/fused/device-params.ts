/**
 * The group's weights and optimizer slots as flat [K, P] device tensors (for GPU backends, where a
 * read-back per step would stall the pipeline): views are slices, the gradients are concatenated and
 * one flat update steps every weight of every member at once.
 */
import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from '../../core/model/spec';
import { stepColumns } from './fused-columns';
import { applyUpdate, type FlatState } from './fused-update';
import type { GroupParams, HostState, MemberStep } from './group-params';
import type { ParamSlot } from './group-shape';

function toFlat(arrays: Float32Array[], slots: ParamSlot[], k: number, p: number): Float32Array {
  const flat = new Float32Array(k * p);
  slots.forEach((slot, i) => {
    for (let m = 0; m < k; m++)
      flat.set(arrays[i].subarray(m * slot.size, (m + 1) * slot.size), m * p + slot.offset);
  });
  return flat;
}

function fromFlat(flat: Float32Array, slots: ParamSlot[], k: number, p: number): Float32Array[] {
  return slots.map((slot) => {
    const out = new Float32Array(k * slot.size);
    for (let m = 0; m < k; m++)
      out.set(flat.subarray(m * p + slot.offset, m * p + slot.offset + slot.size), m * slot.size);
    return out;
  });
}

export class DeviceParams implements GroupParams {
  private state: FlatState;
  private readonly columns = stepColumns();

  constructor(
    readonly optimizer: OptimizerName,
    private readonly slots: ParamSlot[],
    private readonly size: number,
    initial: HostState,
    members: number,
  ) {
    this.state = {
      params: tf.tensor2d(toFlat(initial.params, slots, members, size), [members, size]),
      slots: initial.slots.map((s) => tf.tensor2d(toFlat(s, slots, members, size), [members, size])),
    };
  }

  private get members(): number {
    return this.state.params.shape[0];
  }

  views(memberAxis = true): tf.Tensor[] {
    const k = this.members;
    return this.slots.map((s) =>
      tf.reshape(
        tf.slice(this.state.params, [0, s.offset], [k, s.size]),
        memberAxis ? [k, ...s.shape] : s.shape,
      ),
    );
  }

  update(grads: tf.Tensor[], steps: MemberStep[]): void {
    const k = this.members;
    const next = tf.tidy(() => {
      const flat = tf.concat(
        grads.map((g) => tf.reshape(g, [k, -1])),
        1,
      ) as tf.Tensor2D;
      const active = steps.every((s) => s.active)
        ? undefined
        : tf.tensor2d(
            steps.map((s) => (s.active ? 1 : 0)),
            [k, 1],
            'bool',
          );
      const out = applyUpdate(
        this.optimizer,
        this.state,
        flat,
        this.columns.for(this.optimizer, steps),
        active,
      );
      return [out.params, ...out.slots] as tf.Tensor2D[];
    });
    next.forEach((t) => tf.keep(t));
    this.replace({ params: next[0], slots: next.slice(1) });
  }

  private replace(next: FlatState): void {
    tf.dispose([this.state.params, ...this.state.slots]);
    this.state = next;
  }

  keep(members: number[]): void {
    const next = tf.tidy(() => {
      const index = tf.tensor1d(members, 'int32');
      return [this.state.params, ...this.state.slots].map((t) => tf.gather(t, index) as tf.Tensor2D);
    });
    this.replace({ params: next[0], slots: next.slice(1) });
  }

  async download(): Promise<HostState> {
    const k = this.members;
    const [params, ...slots] = (await Promise.all(
      [this.state.params, ...this.state.slots].map((t) => t.data()),
    )) as Float32Array[];
    return {
      params: fromFlat(params, this.slots, k, this.size),
      slots: slots.map((s) => fromFlat(s, this.slots, k, this.size)),
    };
  }

  dispose(): void {
    tf.dispose([this.state.params, ...this.state.slots]);
    this.columns.dispose();
  }
}
