import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { learningRateAt, type DecaySchedule } from '../../../src/core/schedule';
import { readTrainSpec } from '../../../src/core/model/spec';
import {
  createOptimizer,
  currentLearningRate,
  disposeOptimizer,
  setLearningRate,
} from '../../../src/train/optimizer';
import { trainTrial } from '../../../src/train/train-loop';
import { xorDataset } from '../support/train-fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// 210 training rows, batch 30 → 7 steps per epoch.
const data = xorDataset(300, 4);
const STEPS_PER_EPOCH = 7;

describe('learning-rate decay in the loop', () => {
  for (const staircase of [false, true]) {
    it(`reports learningRateAt(step at epoch start) each epoch (staircase ${staircase})`, async () => {
      const config = {
        layers: 1,
        units_0: 8,
        optimizer: 'adam',
        learning_rate: 0.01,
        lr_decay_rate: 0.5,
        lr_decay_steps: 5,
        lr_staircase: staircase,
        batch_size: 30,
      };
      const schedule: DecaySchedule = { initialRate: 0.01, decayRate: 0.5, decaySteps: 5, staircase };
      const result = await trainTrial(data, { config, seed: 1, epochs: 5, initialEpoch: 0 });
      const expected = [0, 1, 2, 3, 4].map((e) => learningRateAt(schedule, e * STEPS_PER_EPOCH));
      result.history.forEach((r, i) => expect(r.learningRate).toBeCloseTo(expected[i], 15));
      expect(new Set(result.history.map((r) => r.learningRate)).size).toBe(5);
    });
  }

  it('the decayed rate really drives the updates: a rate decayed to ~0 freezes the model', async () => {
    const base = { layers: 1, units_0: 8, optimizer: 'sgd', momentum: 0, learning_rate: 0.5, batch_size: 30 };
    const frozen = await trainTrial(data, {
      config: { ...base, lr_decay_rate: 1e-12, lr_decay_steps: STEPS_PER_EPOCH, lr_staircase: true },
      seed: 2,
      epochs: 3,
      initialEpoch: 0,
    });
    const v = frozen.history.map((r) => r.metrics.val_loss);
    expect(v[2]).toBeCloseTo(v[1], 6);
    const free = await trainTrial(data, { config: base, seed: 2, epochs: 3, initialEpoch: 0 });
    expect(free.history[0].metrics.val_loss).toBeCloseTo(v[0], 6);
    expect(Math.abs(free.history[2].metrics.val_loss - free.history[1].metrics.val_loss)).toBeGreaterThan(
      1e-4,
    );
  });
});

describe('setLearningRate takes effect in each tfjs optimizer', () => {
  // One step on f(w) = Σ g·w (gradient g) from w = 0. First-step update sizes: adam lr·g/(|g|+ε) ≈ lr,
  // rmsprop lr·g/√((1−ρ)g²+ε) ≈ lr/√0.1, sgd with momentum lr·g.
  const g = [0.5, -2, 1];
  const cases: { optimizer: 'adam' | 'rmsprop' | 'sgd'; expectedStep: (lr: number) => number[] }[] = [
    { optimizer: 'adam', expectedStep: (lr) => g.map((x) => lr * Math.sign(x)) },
    { optimizer: 'rmsprop', expectedStep: (lr) => g.map((x) => (lr * x) / Math.sqrt(0.1 * x * x)) },
    { optimizer: 'sgd', expectedStep: (lr) => g.map((x) => lr * x) },
  ];
  for (const { optimizer, expectedStep } of cases) {
    it(optimizer, async () => {
      const baseline = tf.memory().numTensors;
      const spec = readTrainSpec({ optimizer, learning_rate: 0.1, momentum: 0.9 });
      const opt = createOptimizer(spec);
      setLearningRate(opt, 0.003);
      expect(currentLearningRate(opt)).toBe(0.003);
      const w = tf.tidy(() => tf.variable(tf.zeros([3])));
      const gradient = tf.tensor1d(g);
      opt.optimizer.minimize(() => tf.sum(tf.mul(gradient, w)) as tf.Scalar, false, [w]);
      const moved = Array.from(await w.data()).map((x) => -x);
      expectedStep(0.003).forEach((e, i) => expect(moved[i]).toBeCloseTo(e, 5));
      tf.dispose([w, gradient]);
      disposeOptimizer(opt);
      expect(tf.memory().numTensors).toBe(baseline);
    });
  }
});
