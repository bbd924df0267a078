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
});
