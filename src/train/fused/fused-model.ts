/**
 * The forward pass and per-member losses of K MLPs held as [K, in, out] kernels and [K, 1, out]
 * biases: one batched matMul per layer for the whole group, in the op order tf.layers.dense uses in
 * training (matMul, bias add, activation), so each member computes what its own model would.
 */
import * as tf from '@tensorflow/tfjs';
import type { Task } from '../../data/types';
import type { Activation } from '../../core/model/spec';
import { HIDDEN_ACTIVATIONS } from '../activations';
import { groupProduct } from '../dense-product';
import { EPSILON } from '../losses';

/** The output layer's activation, following the task. */
export function outputActivation(task: Task, z: tf.Tensor): tf.Tensor {
  if (task === 'binary') return tf.sigmoid(z);
  if (task === 'multiclass') return tf.softmax(z, -1);
  return z;
}

/**
 * x is [K, rows, features], or [1, rows, features] shared by all members (the matMul broadcasts).
 * `dropout[l]` multiplies hidden layer l's activation (training only). `perMember` runs each
 * member's products as 2-D ones (see groupProduct).
 */
export function forward(
  views: tf.Tensor[],
  x: tf.Tensor3D,
  activation: Activation,
  task: Task,
  dropout: (tf.Tensor | undefined)[] = [],
  perMember = false,
): tf.Tensor3D {
  const layers = views.length / 2;
  let h: tf.Tensor = x;
  for (let l = 0; l < layers; l++) {
    const product = groupProduct(h as tf.Tensor3D, views[2 * l] as tf.Tensor3D, perMember);
    const z = tf.add(product, views[2 * l + 1]);
    if (l === layers - 1) return outputActivation(task, z) as tf.Tensor3D;
    h = HIDDEN_ACTIVATIONS[activation](z);
    const mask = dropout[l];
    if (mask) h = tf.mul(h, mask);
  }
  throw new Error('a model has at least its output layer');
}

/** Per-row loss, [K, rows]: the terms losses.ts averages. */
function perRowLoss(task: Task, targets: tf.Tensor, predictions: tf.Tensor): tf.Tensor {
  if (task === 'regression') return tf.squeeze(tf.squaredDifference(predictions, targets), [2]);
  const p = tf.clipByValue(predictions, EPSILON, 1 - EPSILON);
  if (task === 'multiclass') return tf.neg(tf.sum(tf.mul(targets, tf.log(p)), -1));
  const logLikelihood = tf.add(tf.mul(targets, tf.log(p)), tf.mul(tf.sub(1, targets), tf.log(tf.sub(1, p))));
  return tf.neg(tf.squeeze(logLikelihood, [2]));
}

/** Rows that count (weight 1) and how many per member, when members have different batch sizes. */
export interface RowWeights {
  weights: tf.Tensor2D;
  counts: tf.Tensor1D;
}

/** Each member's mean loss over its own rows, [K]. */
export function memberLosses(
  task: Task,
  targets: tf.Tensor,
  predictions: tf.Tensor,
  rowWeights?: RowWeights,
): tf.Tensor1D {
  const perRow = perRowLoss(task, targets, predictions);
  if (!rowWeights) return tf.mean(perRow, 1) as tf.Tensor1D;
  return tf.div(tf.sum(tf.mul(perRow, rowWeights.weights), 1), rowWeights.counts) as tf.Tensor1D;
}
