import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/rng';
import type { Activation } from '../../../../src/core/model/spec';
import type { Task } from '../../../../src/data/types';
import { groupGradients, type StepInputs } from '../../../../src/train/fused/group-backward';
import { forward, memberLosses } from '../../../../src/train/fused/fused-model';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ROWS = 6;
const FEATURES = 4;
const HIDDEN = [5, 7];

function random(rng: Rng, shape: number[], sd: number): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Array.from({ length: size }, () => rng.normal(0, sd)),
    shape,
  );
}

interface Case {
  task: Task;
  activation: Activation;
  outputs: number;
  /** Weight scale: large ones saturate the output, so the loss's clip stops some gradients. */
  sd: number;
  /** Member k has sizes[k] real rows (the rest pad the batch), or all ROWS. */
  sizes?: number[];
  dropout?: boolean;
}

function setUp(c: Case, seed: number, K = 3) {
  const rng = new Rng(seed);
  const widths = [FEATURES, ...HIDDEN, c.outputs];
  const views: tf.Tensor[] = [];
  for (let l = 0; l + 1 < widths.length; l++) {
    views.push(random(rng, [K, widths[l], widths[l + 1]], c.sd));
    views.push(random(rng, [K, 1, widths[l + 1]], 0.1));
  }
  const sizes = (c.sizes ?? new Array<number>(K).fill(ROWS)).slice(0, K);
  const x = random(rng, [K, ROWS, FEATURES], 1) as tf.Tensor3D;
  const labels = Array.from({ length: K * ROWS }, () => Math.floor(rng.next() * Math.max(2, c.outputs)));
  const y =
    c.task === 'multiclass'
      ? (tf.oneHot(tf.tensor1d(labels, 'int32'), c.outputs).reshape([K, ROWS, c.outputs]) as tf.Tensor3D)
      : c.task === 'binary'
        ? tf.tensor3d(labels, [K, ROWS, 1])
        : (random(rng, [K, ROWS, 1], 2) as tf.Tensor3D);
  const dropout = HIDDEN.map((width) =>
    c.dropout
      ? tf.tensor3d(
          Array.from({ length: K * ROWS * width }, () => (rng.next() < 0.3 ? 0 : 1 / 0.7)),
          [K, ROWS, width],
        )
      : undefined,
  );
  const scale = new Float32Array(K * ROWS);
  sizes.forEach((s, k) => scale.fill(Math.fround(1 / s), k * ROWS, k * ROWS + s));
  const inputs: StepInputs = { x, y, dropout, rowScale: tf.tensor3d(scale, [K, ROWS, 1]) };
  const uniform = sizes.every((s) => s === ROWS);
  const weights = uniform
    ? undefined
    : {
        weights: tf.tensor2d(
          sizes.flatMap((s) => Array.from({ length: ROWS }, (_, r) => (r < s ? 1 : 0))),
          [K, ROWS],
        ),
        counts: tf.tensor1d(sizes.map((s) => Math.max(1, s))),
      };
  return { views, inputs, weights };
}

/** The tape's gradients of the summed member losses: what the group trained with before. */
function tapeGradients(
  c: Case,
  views: tf.Tensor[],
  inputs: StepInputs,
  weights?: { weights: tf.Tensor2D; counts: tf.Tensor1D },
) {
  return tf.grads((...ws: tf.Tensor[]) => {
    const predictions = forward(ws, inputs.x as tf.Tensor3D, c.activation, c.task, inputs.dropout);
    return tf.sum(memberLosses(c.task, inputs.y, predictions, weights));
  })(views);
}

const cases: Case[] = [
  { task: 'binary', activation: 'relu', outputs: 1, sd: 0.7 },
  { task: 'binary', activation: 'relu', outputs: 1, sd: 6, dropout: true },
  { task: 'binary', activation: 'tanh', outputs: 1, sd: 0.7, sizes: [6, 4, 0] },
  { task: 'multiclass', activation: 'elu', outputs: 3, sd: 0.7 },
  { task: 'multiclass', activation: 'selu', outputs: 4, sd: 8, sizes: [2, 6, 5] },
  { task: 'regression', activation: 'sigmoid', outputs: 1, sd: 0.7, dropout: true },
  { task: 'regression', activation: 'softplus', outputs: 1, sd: 0.7, sizes: [1, 6, 3] },
  { task: 'binary', activation: 'linear', outputs: 1, sd: 0.7 },
];

describe('groupGradients: the tape’s gradients without the tape', () => {
  for (const [i, c] of cases.entries()) {
    const label = `${c.task}, ${c.activation}, weights sd ${c.sd}${c.sizes ? `, member rows ${c.sizes}` : ''}${c.dropout ? ', dropout' : ''}`;
    it(`batched products: the same bits as tf.grads (${label})`, () => {
      tf.tidy(() => {
        const { views, inputs, weights } = setUp(c, 10 + i);
        const reference = tapeGradients(c, views, inputs, weights);
        const { predictions, grads } = groupGradients(views, inputs, c.activation, c.task, false);
        expect(predictions.arraySync()).toEqual(
          forward(views, inputs.x as tf.Tensor3D, c.activation, c.task, inputs.dropout).arraySync(),
        );
        grads.forEach((g, j) => {
          expect(g.shape).toEqual(views[j].shape);
          expect(Array.from(g.dataSync())).toEqual(Array.from(reference[j].dataSync()));
        });
      });
    });

    it(`member by member: the same values to float rounding (${label})`, () => {
      tf.tidy(() => {
        const { views, inputs, weights } = setUp(c, 10 + i);
        const reference = tapeGradients(c, views, inputs, weights);
        const { grads } = groupGradients(views, inputs, c.activation, c.task, true);
        grads.forEach((g, j) => {
          const expected = reference[j].dataSync();
          g.dataSync().forEach((v, n) =>
            expect(Math.abs(v - expected[n])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected[n]))),
          );
        });
      });
    });
  }

  it('a group of one in 2-D: the gradients of the same group with its member axis', () => {
    for (const [i, c] of cases.entries()) {
      for (const perMember of [true, false]) {
        tf.tidy(() => {
          const { views, inputs } = setUp(c, 30 + i, 1);
          const flat = (t: tf.Tensor) => tf.squeeze(t, [0]);
          const flatInputs: StepInputs = {
            x: flat(inputs.x),
            y: flat(inputs.y),
            dropout: inputs.dropout.map((m) => m && flat(m)),
            rowScale: flat(inputs.rowScale),
          };
          const reference = groupGradients(views, inputs, c.activation, c.task, perMember);
          const alone = groupGradients(views.map(flat), flatInputs, c.activation, c.task, perMember);
          expect(alone.predictions.shape).toEqual(reference.predictions.shape.slice(1));
          expect(Array.from(alone.predictions.dataSync())).toEqual(
            Array.from(reference.predictions.dataSync()),
          );
          alone.grads.forEach((g, j) => {
            expect(g.shape).toEqual(views[j].shape.slice(1));
            expect(Array.from(g.dataSync())).toEqual(Array.from(reference.grads[j].dataSync()));
          });
        });
      }
    }
  });

  it('saturated outputs really are clipped in the binary cases (the test covers the clip)', () => {
    tf.tidy(() => {
      const c = cases[1];
      const { views, inputs } = setUp(c, 11);
      const p = forward(views, inputs.x as tf.Tensor3D, c.activation, c.task, inputs.dropout).dataSync();
      expect(Array.from(p).some((v) => v > 1 - 1e-7 || v < 1e-7)).toBe(true);
    });
  });
});
