/**
 * One training step of a fused group, forward and backward written out layer by layer instead of
 * recorded on tfjs' tape. The tape keeps a copy of every saved input (an Identity kernel each) and
 * runs each op's gradient as its own chain of kernels; on tfjs-wasm, where a kernel launch costs
 * microseconds, that bookkeeping was about half of a wide step. The hidden activations' gradients are
 * tfjs' own (tf.getGradient), the products' those of dense-product.ts, and the output layer's and the
 * loss's the ops the tape would run, in its order.
 */
import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../../core/model/spec';
import type { Task } from '../../data/types';
import { HIDDEN_ACTIVATIONS } from '../activations';
import { groupProduct, groupProductGradients } from '../dense-product';
import { EPSILON } from '../losses';
import { outputActivation } from './fused-model';

/** The registered kernel of each hidden activation, whose gradient tfjs' tape would run. */
const ACTIVATION_KERNELS: Record<Activation, string | undefined> = {
  relu: 'Relu',
  elu: 'Elu',
  selu: 'Selu',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  softplus: 'Softplus',
  linear: undefined,
};

/** ∂loss/∂z of a hidden layer from ∂loss/∂h, h = activation(z): tfjs' own gradient of the activation. */
function activationGradient(activation: Activation, z: tf.Tensor, h: tf.Tensor, dh: tf.Tensor): tf.Tensor {
  const kernel = ACTIVATION_KERNELS[activation];
  if (!kernel) return dh;
  const config = tf.getGradient(kernel);
  if (!config) throw new Error(`no gradient registered for ${kernel}`);
  const saved = config.outputsToSave?.some(Boolean) ? [h] : [z];
  const gradients = config.gradFunc(dh, saved, {});
  return Object.values(gradients)[0]();
}

/** Tensors are [K, rows, …], or [rows, …] for a group of one (whose views are then [in, out] too). */
export interface StepInputs {
  /** [K, rows, features]. */
  x: tf.Tensor;
  /** [K, rows, width]: the value, or a one-hot row for multiclass. */
  y: tf.Tensor;
  /** Per hidden layer, the dropout multiplier [K, rows, width] or none. */
  dropout: (tf.Tensor | undefined)[];
  /**
   * [K, rows, 1]: how much each row's loss weighs in its member's mean loss (1 / the member's rows,
   * 0 on padding rows), the derivative of the summed member losses by a row's loss.
   */
  rowScale: tf.Tensor;
}

type Operand = tf.Tensor2D | tf.Tensor3D;

/**
 * ∂(Σ member losses)/∂z of the output layer from its predictions p: the tape's own chain of gradient
 * ops for the losses of fused-model.ts, in its order. A closed form (p − y) differs from it in the
 * last bit, and 100 Adam steps of a 5 × 416 network grew that to 0.4% of the loss.
 */
function outputGradient(task: Task, p: tf.Tensor, { y, rowScale }: StepInputs): tf.Tensor {
  if (task === 'regression') return tf.mul(rowScale, tf.mul(tf.sub(p, y), 2));
  // The losses negate the log-likelihood; they clip p to [ε, 1 − ε], where it passes no gradient.
  const negated = tf.neg(rowScale);
  const clipped = tf.clipByValue(p, EPSILON, 1 - EPSILON);
  const inRange = tf.logicalAnd(tf.greaterEqual(p, EPSILON), tf.lessEqual(p, 1 - EPSILON));
  if (task === 'binary') {
    const fromLog = tf.div(tf.mul(negated, y), clipped);
    const fromLogOfRest = tf.neg(tf.div(tf.mul(negated, tf.sub(1, y)), tf.sub(1, clipped)));
    const dp = tf.where(inRange, tf.add(fromLogOfRest, fromLog), tf.zerosLike(p));
    return tf.mul(dp, tf.mul(p, tf.sub(1, p)));
  }
  const dp = tf.where(inRange, tf.div(tf.mul(negated, y), clipped), tf.zerosLike(p));
  const dpTimesP = tf.mul(dp, p);
  return tf.sub(dpTimesP, tf.mul(tf.sum(dpTimesP, -1, true), p));
}

/**
 * The group's training-mode predictions [K, rows, width] (or [rows, width]) and the gradients of the
 * summed member losses for `views` (same order and shapes). Call inside a tf.tidy; keep what should
 * outlive it.
 */
export function groupGradients(
  views: tf.Tensor[],
  inputs: StepInputs,
  activation: Activation,
  task: Task,
  perMember: boolean,
): { predictions: tf.Tensor; grads: tf.Tensor[] } {
  const layers = views.length / 2;
  const layerInputs: Operand[] = [];
  const preActivations: tf.Tensor[] = [];
  const activations: tf.Tensor[] = [];
  let h = inputs.x as Operand;
  for (let l = 0; l < layers - 1; l++) {
    layerInputs.push(h);
    const z = tf.add(groupProduct(h, views[2 * l] as Operand, perMember), views[2 * l + 1]);
    const a = HIDDEN_ACTIVATIONS[activation](z);
    preActivations.push(z);
    activations.push(a);
    const mask = inputs.dropout[l];
    h = (mask ? tf.mul(a, mask) : a) as Operand;
  }
  layerInputs.push(h);
  const last = 2 * (layers - 1);
  const z = tf.add(groupProduct(h, views[last] as Operand, perMember), views[last + 1]);
  const predictions = outputActivation(task, z);

  const grads: tf.Tensor[] = new Array(views.length);
  const rowAxis = predictions.rank - 2;
  let dz = outputGradient(task, predictions, inputs);
  for (let l = layers - 1; l >= 0; l--) {
    const { dInput, dWeights } = groupProductGradients(
      layerInputs[l],
      views[2 * l] as Operand,
      dz as Operand,
      perMember,
      l > 0,
    );
    grads[2 * l] = dWeights;
    grads[2 * l + 1] = tf.sum(dz, rowAxis, true);
    if (!dInput) break;
    const mask = inputs.dropout[l - 1];
    const dh = mask ? tf.mul(dInput, mask) : dInput;
    dz = activationGradient(activation, preActivations[l - 1], activations[l - 1], dh);
  }
  return { predictions, grads };
}
