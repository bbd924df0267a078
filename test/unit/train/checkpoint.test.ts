import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkpointBuffers } from '../../../src/train/checkpoint';
import { trainTrial } from '../../../src/train/train-loop';
import type { Checkpoint, TensorData, TrainResult } from '../../../src/train/types';
import { xorDataset } from '../support/train-fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const data = xorDataset(160, 21);

function values(list: TensorData[]): number[][] {
  return list.map((d) =>
    Array.from(d.dtype === 'int32' ? new Int32Array(d.buffer) : new Float32Array(d.buffer)),
  );
}

function expectClose(a: number[][], b: number[][]): void {
  expect(a.map((x) => x.length)).toEqual(b.map((x) => x.length));
  a.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - b[i][j])).toBeLessThan(1e-5)));
}

async function straightAndResumed(
  config: Record<string, number | string | boolean>,
): Promise<[TrainResult, TrainResult, Checkpoint]> {
  const straight = await trainTrial(data, {
    config,
    seed: 5,
    epochs: 4,
    initialEpoch: 0,
    keepCheckpoint: true,
  });
  const firstHalf = await trainTrial(data, {
    config,
    seed: 5,
    epochs: 2,
    initialEpoch: 0,
    keepCheckpoint: true,
  });
  const resumed = await trainTrial(data, {
    config,
    seed: 5,
    epochs: 4,
    initialEpoch: 2,
    checkpoint: firstHalf.checkpoint,
    keepCheckpoint: true,
  });
  return [straight, resumed, firstHalf.checkpoint!];
}

describe('resuming from a checkpoint', () => {
  const decay = { lr_decay_rate: 0.7, lr_decay_steps: 3, lr_staircase: false, batch_size: 16 };

  for (const optimizer of ['adam', 'rmsprop', 'sgd'] as const) {
    it(`equals training straight through (${optimizer}, decay on, dropout on)`, async () => {
      const config = {
        layers: 2,
        units_0: 12,
        units_1: 8,
        dropout_0: 0.2,
        optimizer,
        learning_rate: 0.02,
        ...decay,
      };
      const [straight, resumed, half] = await straightAndResumed(config);
      expect(half.epoch).toBe(2);
      expect(half.globalStep).toBe(2 * 7); // 112 training rows / 16
      expect(resumed.history.map((r) => r.epoch)).toEqual([3, 4]);
      expect(resumed.history.map((r) => r.step)).toEqual(straight.history.slice(2).map((r) => r.step));
      expect(resumed.history.map((r) => r.learningRate)).toEqual(
        straight.history.slice(2).map((r) => r.learningRate),
      );
      resumed.history.forEach((r, i) => {
        const s = straight.history[i + 2].metrics;
        for (const [k, v] of Object.entries(r.metrics)) expect(v).toBeCloseTo(s[k], 5);
      });
      expectClose(values(resumed.checkpoint!.weights), values(straight.checkpoint!.weights));
      expectClose(
        values(resumed.checkpoint!.optimizerWeights),
        values(straight.checkpoint!.optimizerWeights),
      );
      expect(resumed.checkpoint!.globalStep).toBe(straight.checkpoint!.globalStep);
    });
  }

  it('carries Adam moments and the iteration count: dropping them changes the result', async () => {
    const config = { layers: 1, units_0: 8, optimizer: 'adam', learning_rate: 0.02, ...decay };
    const [straight, , half] = await straightAndResumed(config);
    const iter = half.optimizerWeights.find((w) => w.name === 'iter')!;
    expect(new Int32Array(iter.buffer)[0]).toBe(14);
    expect(half.optimizerWeights.length).toBe(1 + 2 * half.weights.length);
    const weightsOnly: Checkpoint = { ...half, optimizerWeights: [] };
    const fresh = await trainTrial(data, {
      config,
      seed: 5,
      epochs: 4,
      initialEpoch: 2,
      checkpoint: weightsOnly,
      keepCheckpoint: true,
    });
    const diff = values(fresh.checkpoint!.weights)
      .flat()
      .map((v, i) => Math.abs(v - values(straight.checkpoint!.weights).flat()[i]));
    expect(Math.max(...diff)).toBeGreaterThan(1e-4);
  });

  it('is plain data with one transferable buffer per tensor', async () => {
    const result = await trainTrial(data, {
      config: { layers: 1, units_0: 4 },
      seed: 1,
      epochs: 1,
      initialEpoch: 0,
      keepCheckpoint: true,
    });
    const cp = result.checkpoint!;
    expect(structuredClone(cp)).toEqual(cp);
    const buffers = checkpointBuffers(cp);
    expect(buffers.length).toBe(cp.weights.length + cp.optimizerWeights.length);
    expect(buffers.every((b) => b instanceof ArrayBuffer)).toBe(true);
    expect(cp.weights.map((w) => w.shape)).toEqual([[2, 4], [4], [4, 1], [1]]);
  });

  it('refuses a checkpoint of another optimizer or architecture', async () => {
    const result = await trainTrial(data, {
      config: { layers: 1, units_0: 4 },
      seed: 1,
      epochs: 1,
      initialEpoch: 0,
      keepCheckpoint: true,
    });
    const cp = result.checkpoint!;
    const baseline = tf.memory().numTensors;
    await expect(
      trainTrial(data, {
        config: { layers: 1, units_0: 4, optimizer: 'sgd' },
        seed: 1,
        epochs: 2,
        initialEpoch: 1,
        checkpoint: cp,
      }),
    ).rejects.toThrow(/adam/);
    await expect(
      trainTrial(data, {
        config: { layers: 1, units_0: 5 },
        seed: 1,
        epochs: 2,
        initialEpoch: 1,
        checkpoint: cp,
      }),
    ).rejects.toThrow(/shape/);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
