/**
 * The group's weights and optimizer slots on the host, in one WebAssembly memory, stepped by the SIMD
 * update kernels (update-kernel.ts) one member's weight tensor at a time. The arithmetic is tfjs'
 * optimizers' in float32 and in their order, so the result is the same, bit for bit, as tfjs' own
 * update; it just skips a dozen kernel launches and intermediate tensors per weight, which on wasm
 * cost far more than the arithmetic.
 */
import * as tf from '@tensorflow/tfjs';
import type { GroupParams, HostState, MemberStep } from './group-params';
import type { ParamSlot } from './group-shape';
import { keepMembers, type SlotArrays } from './member-params';
import type { OptimizerName } from '../../core/model/spec';
import { valuesForImmediateRead } from './tensor-values';
import { UpdateArena } from './update-kernel';

interface ArenaState {
  arena: UpdateArena;
  state: HostState;
  /** Room for the largest weight tensor's gradient of every member. */
  gradient: Float32Array;
}

/** Copies a host state into a fresh arena. */
function intoArena(host: HostState, slots: ParamSlot[], members: number): ArenaState {
  const largest = Math.max(...slots.map((s) => s.size)) * members;
  const arrays = (1 + host.slots.length) * slots.reduce((n, s) => n + s.size * members + 3, 0);
  const arena = new UpdateArena(arrays + largest + 3);
  const copy = (source: SlotArrays) =>
    source.map((values) => {
      const view = arena.alloc(values.length);
      view.set(values);
      return view;
    });
  return {
    arena,
    state: { params: copy(host.params), slots: host.slots.map(copy) },
    gradient: arena.alloc(largest),
  };
}

export class HostParams implements GroupParams {
  private held: ArenaState;

  constructor(
    readonly optimizer: OptimizerName,
    private readonly slots: ParamSlot[],
    state: HostState,
    private members: number,
  ) {
    this.held = intoArena(state, slots, members);
  }

  views(memberAxis = true): tf.Tensor[] {
    return this.slots.map((s, i) =>
      tf.tensor(this.held.state.params[i], memberAxis ? [this.members, ...s.shape] : s.shape),
    );
  }

  update(grads: tf.Tensor[], steps: MemberStep[]): void {
    const { arena, state, gradient } = this.held;
    grads.forEach((g, i) => {
      const size = this.slots[i].size;
      gradient.set(valuesForImmediateRead(g));
      const slotArrays = state.slots.map((s) => s[i]);
      steps.forEach((step, k) => {
        if (!step.active) return;
        const memberGradient = gradient.subarray(k * size, (k + 1) * size);
        arena.step(this.optimizer, state.params[i], slotArrays, memberGradient, k * size, size, step);
      });
    });
  }

  keep(members: number[]): void {
    const { state } = this.held;
    const kept: HostState = {
      params: keepMembers(state.params, members, this.slots),
      slots: state.slots.map((s) => keepMembers(s, members, this.slots)),
    };
    this.members = members.length;
    this.held.arena.release();
    this.held = intoArena(kept, this.slots, this.members);
  }

  /** Copies, so they stay as they are while the group trains on. */
  async download(): Promise<HostState> {
    const { state } = this.held;
    return {
      params: state.params.map((a) => a.slice()),
      slots: state.slots.map((s) => s.map((a) => a.slice())),
    };
  }

  dispose(): void {
    this.held.arena.release();
  }
}
