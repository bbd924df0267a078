/**
 * One optimizer step for the whole group on the flat [K, P] parameters: the arithmetic of tfjs'
 * AdamOptimizer / RMSPropOptimizer / SGD / MomentumOptimizer, element by element in the same order,
 * with each member's learning rate (and bias corrections, momentum) as a [K, 1] column. A dozen
 * ops per step whatever the number of layers and members, where tfjs runs a dozen per weight tensor.
 */
import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from '../../core/model/spec';

export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;
export const RMSPROP = { rho: 0.9, epsilon: 1e-7 } as const;

/** Per-member step constants, each [K, 1]. */
export interface StepColumns {
  /** −learning rate (Adam, SGD) */
  negativeRate: tf.Tensor;
  /** learning rate (RMSprop) */
  rate: tf.Tensor;
  /** Adam: 1 − β1^t and 1 − β2^t. */
  oneMinusBeta1Power?: tf.Tensor;
  oneMinusBeta2Power?: tf.Tensor;
  /** SGD: each member's momentum (0 = plain SGD, which the same formula reproduces exactly). */
  momentum?: tf.Tensor;
}

export interface FlatState {
  params: tf.Tensor2D;
  /** Adam [m, v]; RMSprop [mean square, moments]; SGD with momentum [accumulation]; plain SGD []. */
  slots: tf.Tensor2D[];
}

function adam(state: FlatState, g: tf.Tensor, c: StepColumns): FlatState {
  const [m, v] = state.slots;
  const m1 = tf.add(tf.mul(m, ADAM.beta1), tf.mul(g, 1 - ADAM.beta1));
  const v1 = tf.add(tf.mul(v, ADAM.beta2), tf.mul(tf.square(g), 1 - ADAM.beta2));
  const corrected1 = tf.div(m1, c.oneMinusBeta1Power!);
  const corrected2 = tf.div(v1, c.oneMinusBeta2Power!);
  const step = tf.mul(tf.div(corrected1, tf.add(tf.sqrt(corrected2), ADAM.epsilon)), c.negativeRate);
  return { params: tf.add(step, state.params), slots: [m1, v1] as tf.Tensor2D[] };
}

/** RMSprop without momentum: tfjs multiplies the old moments by 0, which changes nothing finite. */
function rmsprop(state: FlatState, g: tf.Tensor, c: StepColumns): FlatState {
  const [ms] = state.slots;
  const ms1 = tf.add(tf.mul(ms, RMSPROP.rho), tf.mul(tf.square(g), 1 - RMSPROP.rho));
  const moments = tf.div(tf.mul(g, c.rate), tf.sqrt(tf.add(ms1, RMSPROP.epsilon)));
  return { params: tf.sub(state.params, moments), slots: [ms1, moments] as tf.Tensor2D[] };
}

function sgd(state: FlatState, g: tf.Tensor, c: StepColumns): FlatState {
  if (state.slots.length === 0) return { params: tf.add(tf.mul(c.negativeRate, g), state.params), slots: [] };
  const acc = tf.add(tf.mul(c.momentum!, state.slots[0]), g) as tf.Tensor2D;
  return { params: tf.add(tf.mul(c.negativeRate, acc), state.params), slots: [acc] };
}

const RULES: Record<OptimizerName, (s: FlatState, g: tf.Tensor, c: StepColumns) => FlatState> = {
  adam,
  rmsprop,
  sgd,
};

/**
 * The state after one step. With `active` ([K, 1] bool), members marked false keep their old state
 * exactly (a member whose epoch has fewer batches sits the rest of it out).
 */
export function applyUpdate(
  optimizer: OptimizerName,
  state: FlatState,
  gradient: tf.Tensor2D,
  columns: StepColumns,
  active?: tf.Tensor,
): FlatState {
  const next = RULES[optimizer](state, gradient, columns);
  if (!active) return next;
  return {
    params: tf.where(active, next.params, state.params),
    slots: next.slots.map((s, i) => tf.where(active, s, state.slots[i])),
  };
}
