import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import type { TrainerWorkerApi } from '../../../src/workers/trainer.worker';
import { expectEquivalent, trainAlone } from '../support/fused-compare';
import { xorDataset } from '../support/train-fixtures';

// The worker module exposes its API through Comlink at import: capture it instead.
const exposed = vi.hoisted(() => ({ api: undefined as unknown }));
vi.mock('comlink', () => ({
  expose: (api: unknown) => (exposed.api = api),
  transfer: <T>(value: T) => value,
}));

describe('the trainer worker', () => {
  it('trains a fused group, reporting each epoch with its request position', async () => {
    await import('../../../src/workers/trainer.worker');
    const api = exposed.api as TrainerWorkerApi;
    const data = xorDataset(80, 4);
    await api.init(data, 'cpu', { inputs: 2, units: 8, batch: 16 });
    expect(tf.getBackend()).toBe('cpu');
    const requests = [1, 2, 3].map((seed) => ({
      config: { layers: 1, units_0: 8, learning_rate: 0.01 * seed, batch_size: 16 },
      seed,
      epochs: 2,
      initialEpoch: 0,
      keepCheckpoint: true,
    }));
    const seen: number[] = [];
    const results = await api.trainGroup(requests, (index) => seen.push(index));
    expect(seen.sort()).toEqual([0, 0, 1, 1, 2, 2]);
    const alone = await trainAlone(data, requests);
    results.forEach((r, i) => expectEquivalent(r, alone[i]));
  });

  it('as a spare: warms up without data, and a search that loads its data trains as if it had not', async () => {
    await import('../../../src/workers/trainer.worker');
    const api = exposed.api as TrainerWorkerApi;
    await api.init(undefined, 'cpu', { inputs: 2, units: 8, batch: 16 });
    const warmUp = api.warmUp();
    const data = xorDataset(80, 4);
    // The search's data arrives while the warm-up runs: the warm-up ends at its next epoch.
    api.load(data);
    const request = {
      config: { layers: 1, units_0: 8, learning_rate: 0.02, batch_size: 16 },
      seed: 5,
      epochs: 2,
      initialEpoch: 0,
      keepCheckpoint: true,
    };
    let warmed: number | undefined;
    void warmUp.then((epochs) => (warmed = epochs));
    let warmedAtFirstEpoch: number | undefined;
    const [result] = await api.trainGroup([request], () => (warmedAtFirstEpoch ??= warmed));
    // Cut short at its first epoch's end (it trains 7 uninterrupted), and over before the search's first
    // epoch.
    expect(warmedAtFirstEpoch).toBe(0);
    const [alone] = await trainAlone(data, [request]);
    expectEquivalent(result, alone);
  });

  it('as a spare: stops warming up at its next epoch when the page needs the cores', async () => {
    await import('../../../src/workers/trainer.worker');
    const api = exposed.api as TrainerWorkerApi;
    await api.init(undefined, 'cpu', { inputs: 2, units: 8, batch: 16 });
    const warmUp = api.warmUp();
    api.stopWarmUp();
    expect(await warmUp).toBe(0);
  });

  it('as a spare: a warm-up started after one was stopped waits for it, and does not revive it', async () => {
    await import('../../../src/workers/trainer.worker');
    const api = exposed.api as TrainerWorkerApi;
    await api.init(undefined, 'cpu', { inputs: 2, units: 8, batch: 16 });
    const first = api.warmUp();
    await new Promise((resolve) => setTimeout(resolve, 0));
    api.stopWarmUp();
    const second = api.warmUp();
    let firstEnded = false;
    void first.then(() => (firstEnded = true));
    const secondEpochs = await second;
    expect(firstEnded).toBe(true);
    expect(await first).toBeLessThan(secondEpochs);
    expect(secondEpochs).toBe(7);
  });
});
