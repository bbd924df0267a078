import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../core/model/spec';

/** The ops of the hidden layers' activations, shared by the single-trial and fused trainers. */
export const HIDDEN_ACTIVATIONS: Record<Activation, (z: tf.Tensor) => tf.Tensor> = {
  relu: tf.relu,
  elu: tf.elu,
  selu: tf.selu,
  tanh: tf.tanh,
  sigmoid: tf.sigmoid,
  softplus: tf.softplus,
  linear: (z) => z,
};
