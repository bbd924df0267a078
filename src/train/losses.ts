/** Loss functions on probability outputs, as Keras defines them (mean over rows). */
import * as tf from '@tensorflow/tfjs';
import type { Task } from '../data/types';

export const EPSILON = 1e-7;

export type LossFn = (targets: tf.Tensor, predictions: tf.Tensor) => tf.Scalar;

function binaryCrossEntropy(targets: tf.Tensor, predictions: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const p = tf.clipByValue(predictions, EPSILON, 1 - EPSILON);
    const perRow = tf.add(tf.mul(targets, tf.log(p)), tf.mul(tf.sub(1, targets), tf.log(tf.sub(1, p))));
    return tf.neg(tf.mean(perRow)) as tf.Scalar;
  });
}

function categoricalCrossEntropy(targets: tf.Tensor, predictions: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const p = tf.clipByValue(predictions, EPSILON, 1 - EPSILON);
    return tf.neg(tf.mean(tf.sum(tf.mul(targets, tf.log(p)), -1))) as tf.Scalar;
  });
}

function meanSquaredError(targets: tf.Tensor, predictions: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.squaredDifference(predictions, targets)) as tf.Scalar);
}

export function lossFor(task: Task): LossFn {
  if (task === 'binary') return binaryCrossEntropy;
  if (task === 'multiclass') return categoricalCrossEntropy;
  return meanSquaredError;
}
