/**
 * Optimizers whose learning rate follows the shared decay schedule step by step.
 * In tfjs 4.22 AdamOptimizer and RMSPropOptimizer read the plain field `learningRate` inside every
 * applyGradients; SGDOptimizer / MomentumOptimizer multiply by a cached scalar `c` that only
 * setLearningRate() refreshes. MomentumOptimizer.dispose() also forgets that scalar.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainSpec } from '../core/model/spec';
import type { OptimizerName } from '../core/model/spec';

export interface ScheduledOptimizer {
  name: OptimizerName;
  optimizer: tf.Optimizer;
}

/** Keras defaults: Adam β1 0.9, β2 0.999, ε 1e-7; RMSprop ρ 0.9, no momentum, ε 1e-7. */
export function createOptimizer(
  spec: Pick<TrainSpec, 'optimizer' | 'momentum' | 'schedule'>,
): ScheduledOptimizer {
  const lr = spec.schedule.initialRate;
  if (spec.optimizer === 'adam') return { name: 'adam', optimizer: tf.train.adam(lr, 0.9, 0.999, 1e-7) };
  if (spec.optimizer === 'rmsprop') return { name: 'rmsprop', optimizer: tf.train.rmsprop(lr, 0.9, 0, 1e-7) };
  return {
    name: 'sgd',
    optimizer: spec.momentum > 0 ? tf.train.momentum(lr, spec.momentum) : tf.train.sgd(lr),
  };
}

interface WithLearningRate {
  learningRate: number;
  setLearningRate?: (lr: number) => void;
  c?: tf.Tensor;
}

function internals(o: ScheduledOptimizer): WithLearningRate {
  return o.optimizer as unknown as WithLearningRate;
}

export function setLearningRate(o: ScheduledOptimizer, lr: number): void {
  const inner = internals(o);
  if (inner.learningRate === lr) return;
  if (typeof inner.setLearningRate === 'function') inner.setLearningRate(lr);
  else inner.learningRate = lr;
}

export function currentLearningRate(o: ScheduledOptimizer): number {
  return internals(o).learningRate;
}

export function disposeOptimizer(o: ScheduledOptimizer): void {
  o.optimizer.dispose();
  internals(o).c?.dispose();
}
