import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { groupProduct, groupProductGradients, untransposedProduct } from '../../../src/train/dense-product';
import { valuesForImmediateRead } from '../../../src/train/fused/tensor-values';
import { trainGroup } from '../../../src/train/fused/train-group';
import { trainTrial } from '../../../src/train/train-loop';
import { trainTrialOrFail } from '../../../src/train/train-or-fail';
import type { TrainRequest } from '../../../src/train/types';
import { expectEquivalent } from '../support/fused-compare';
import { blobsDataset, linearDataset, xorDataset } from '../support/train-fixtures';

function random(shape: number[], seed: number): tf.Tensor {
  const rng = new Rng(seed);
  return tf.tensor(
    Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal(0, 1)),
    shape,
  );
}

function expectClose(actual: tf.Tensor, expected: tf.Tensor, tolerance = 1e-5): void {
  expect(actual.shape).toEqual(expected.shape);
  const a = actual.dataSync();
  const e = expected.dataSync();
  e.forEach((v, i) => expect(Math.abs(a[i] - v)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(v))));
}

/** The value and both gradients of sum(product(x, w) ⊙ r), r fixed: every entry of dy matters. */
function valueAndGrads(
  product: (x: tf.Tensor, w: tf.Tensor) => tf.Tensor,
  x: tf.Tensor,
  w: tf.Tensor,
  r: tf.Tensor,
): tf.Tensor[] {
  const value = product(x, w);
  const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(product(a, b), r)))([x, w]);
  return [value, ...grads];
}

describe('untransposed products', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('x·w and its gradients equal tfjs’ matMul and its own gradients', () => {
    for (const [rows, n, m] of [
      [32, 4, 16],
      [7, 13, 1],
      [1, 5, 9],
    ]) {
      const x = random([rows, n], 1);
      const w = random([n, m], 2);
      const r = random([rows, m], 3);
      const fast = valueAndGrads((a, b) => untransposedProduct(a as tf.Tensor2D, b as tf.Tensor2D), x, w, r);
      const reference = valueAndGrads((a, b) => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D), x, w, r);
      fast.forEach((t, i) => expectClose(t, reference[i]));
      tf.dispose([x, w, r, ...fast, ...reference]);
    }
  });

  it('a group member by member: the batched value, and tfjs’ own gradients of a batched matMul', () => {
    for (const members of [1, 3]) {
      const x = random([members, 6, 5], 4);
      const w = random([members, 5, 4], 5);
      const r = random([members, 6, 4], 6);
      const reference = valueAndGrads((a, b) => tf.matMul(a as tf.Tensor3D, b as tf.Tensor3D), x, w, r);
      for (const perMember of [true, false]) {
        const value = groupProduct(x as tf.Tensor3D, w as tf.Tensor3D, perMember);
        const { dInput, dWeights } = groupProductGradients(
          x as tf.Tensor3D,
          w as tf.Tensor3D,
          r as tf.Tensor3D,
          perMember,
          true,
        );
        [value, dInput!, dWeights].forEach((t, i) => expectClose(t, reference[i]));
        const withoutInput = groupProductGradients(
          x as tf.Tensor3D,
          w as tf.Tensor3D,
          r as tf.Tensor3D,
          perMember,
          false,
        );
        expect(withoutInput.dInput).toBeUndefined();
        tf.dispose([value, dInput!, dWeights, withoutInput.dWeights]);
      }
      tf.dispose([x, w, r, ...reference]);
    }
  });

  it('rows shared by every member: the batched value', () => {
    const x = random([1, 6, 5], 7);
    const w = random([3, 5, 4], 8);
    const value = groupProduct(x as tf.Tensor3D, w as tf.Tensor3D, true);
    const batched = groupProduct(x as tf.Tensor3D, w as tf.Tensor3D, false);
    expectClose(value, batched);
    tf.dispose([x, w, value, batched]);
  });

  it('a group of one trained member by member equals trainTrial', async () => {
    const cases: [ReturnType<typeof xorDataset>, TrainRequest][] = [
      [
        xorDataset(90, 2),
        {
          config: { layers: 2, units_0: 8, units_1: 6, dropout_0: 0.2, learning_rate: 0.01, batch_size: 16 },
          seed: 3,
          epochs: 3,
          initialEpoch: 0,
          keepCheckpoint: true,
        },
      ],
      [
        blobsDataset(90, 4),
        {
          config: { layers: 3, units_0: 5, optimizer: 'rmsprop', learning_rate: 0.02, batch_size: 8 },
          seed: 5,
          epochs: 2,
          initialEpoch: 0,
          keepCheckpoint: true,
        },
      ],
      [
        linearDataset(80, 6),
        { config: { layers: 2, units_0: 7, batch_size: 32 }, seed: 7, epochs: 2, initialEpoch: 0 },
      ],
    ];
    for (const [data, request] of cases) {
      const [grouped] = await trainGroup(data, [request], undefined, undefined, undefined, {
        perMember: true,
      });
      expectEquivalent(grouped, await trainTrial(data, request));
    }
  });
});

describe('on tfjs-wasm', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  const request: TrainRequest = {
    config: {
      layers: 3,
      units_0: 12,
      units_1: 9,
      units_2: 5,
      dropout_1: 0.1,
      learning_rate: 0.01,
      batch_size: 16,
    },
    seed: 11,
    epochs: 3,
    initialEpoch: 0,
    keepCheckpoint: true,
  };

  it('trainTrial (untransposed gradients) equals trainTrial on the cpu backend', async () => {
    const data = xorDataset(120, 8);
    const wasm = await trainTrial(data, request);
    await tf.setBackend('cpu');
    const cpu = await trainTrial(data, request);
    await tf.setBackend('wasm');
    expectEquivalent(wasm, cpu, 1e-4);
  });

  it('reads a tensor’s values from the heap, as dataSync() gives them', () => {
    const t = tf.tidy(() => tf.add(random([3, 5], 12), 1));
    expect(Array.from(valuesForImmediateRead(t))).toEqual(Array.from(t.dataSync()));
    t.dispose();
  });

  it('the scheduler’s entry trains a trial as a group of one, with trainTrial’s results', async () => {
    const data = blobsDataset(120, 9);
    const before = tf.memory().numTensors;
    const grouped = await trainTrialOrFail(data, request);
    expect(tf.memory().numTensors).toBe(before);
    expectEquivalent(grouped, await trainTrial(data, request));
  });
});
