/**
 * Where a group keeps its weights and optimizer slots and how it steps them. Two ways, by backend:
 * on the GPU (webgl, webgpu) everything stays on the device and one flat [K, P] update runs a dozen
 * kernels per step; on wasm and cpu, whose elementwise kernels cost far more per element than a
 * JavaScript loop, the weights live on the host and one loop applies the update in float32, exactly.
 */
import type * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from '../../core/model/spec';
import type { SlotArrays } from './member-params';

/** One member's constants for the coming step. */
export interface MemberStep {
  rate: number;
  /** Adam: 1 − β1^t and 1 − β2^t. */
  biasCorrections: [number, number];
  momentum: number;
  /** False when the member sits this step out (its epoch has fewer batches): its state must not move. */
  active: boolean;
}

export interface HostState {
  params: SlotArrays;
  /** Adam [m, v]; RMSprop [mean square, moments]; SGD with momentum [accumulation]; plain SGD []. */
  slots: SlotArrays[];
}

export interface GroupParams {
  readonly optimizer: OptimizerName;
  /**
   * This step's weights as [K, in, out] kernels and [K, 1, out] biases, in model.weights order; without
   * the member axis ([in, out], [1, out]) when `memberAxis` is false, for a group of one.
   */
  views(memberAxis?: boolean): tf.Tensor[];
  /** One optimizer step from the gradients of views() (same order). Call inside the step's tf.tidy. */
  update(grads: tf.Tensor[], steps: MemberStep[]): void;
  /** Keeps the listed members only, in that order. */
  keep(members: number[]): void;
  download(): Promise<HostState>;
  dispose(): void;
}

export type UpdatePlace = 'host' | 'device';

export function slotCount(optimizer: OptimizerName, anyMomentum: boolean): number {
  if (optimizer === 'sgd') return anyMomentum ? 1 : 0;
  return 2;
}

/** The update place that is fastest on a backend (measured: see the fused section of the bench). */
export function updatePlaceFor(backend: string): UpdatePlace {
  return backend === 'wasm' || backend === 'cpu' ? 'host' : 'device';
}
