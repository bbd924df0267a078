import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../../src/core/space/types';
import type { EncodedDataset } from '../../../../src/data/types';
import { trainGroup } from '../../../../src/train/fused/train-group';
import { trainGroupOrFail } from '../../../../src/train/fused/train-group-or-fail';
import { trainTrial } from '../../../../src/train/train-loop';
import type { EpochReport, TrainRequest, TrainResult } from '../../../../src/train/types';
import { expectCheckpointsClose, expectEquivalent, trainAlone } from '../../support/fused-compare';
import { blobsDataset, linearDataset, xorDataset } from '../../support/train-fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const xor = xorDataset(100, 3);

/** Member i of a K-group: its own rate, decay (staircase for odd i), dropout and seed. */
function memberConfig(optimizer: string, i: number): Config {
  return {
    layers: 2,
    units_0: 8,
    units_1: 6,
    optimizer,
    learning_rate: 0.004 * (1 + i),
    lr_decay_rate: i % 3 === 2 ? 1 : 0.8 - 0.05 * i,
    lr_decay_steps: 2 + i,
    lr_staircase: i % 2 === 1,
    dropout_0: i % 2 === 0 ? 0.1 + 0.05 * i : 0,
    dropout_1: i % 3 === 1 ? 0.2 : 0,
    batch_size: 16,
  };
}

/** Trains the requests alone and as a group, with the update on the host and on the device; all agree. */
async function expectGroupEqualsAlone(data: EncodedDataset, requests: TrainRequest[], tolerance = 1e-5) {
  const alone = await trainAlone(data, requests);
  let fused: TrainResult[] = [];
  for (const update of ['host', 'device'] as const) {
    const before = tf.memory().numTensors;
    const reports: [number, EpochReport][] = [];
    fused = await trainGroup(data, requests, (i, r) => reports.push([i, r]), undefined, undefined, {
      update,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(fused).toHaveLength(requests.length);
    fused.forEach((f, i) => {
      expectEquivalent(f, alone[i], tolerance);
      expect(reports.filter(([j]) => j === i).map(([, r]) => r)).toEqual(f.history);
    });
  }
  return { fused, alone };
}

describe('trainGroup equals trainTrial for each member', () => {
  for (const optimizer of ['adam', 'rmsprop']) {
    for (let k = 1; k <= 8; k++) {
      it(`K = ${k}, ${optimizer}, per-member decay (staircase and smooth) and dropout`, async () => {
        const requests = Array.from({ length: k }, (_, i) => ({
          config: memberConfig(optimizer, i),
          seed: 100 * k + i,
          epochs: 3,
          initialEpoch: 0,
          keepCheckpoint: true,
        }));
        await expectGroupEqualsAlone(xor, requests);
      });
    }
  }

  it('resumes each member from its own checkpoint, at different epochs, and its checkpoints resume alone', async () => {
    for (const optimizer of ['adam', 'rmsprop']) {
      const starts = [0, 1, 2, 3];
      const requests: TrainRequest[] = [];
      for (const [i, start] of starts.entries()) {
        const config = memberConfig(optimizer, i);
        const first =
          start === 0
            ? undefined
            : await trainTrial(xor, {
                config,
                seed: 7 + i,
                epochs: start,
                initialEpoch: 0,
                keepCheckpoint: true,
              });
        requests.push({
          config,
          seed: 7 + i,
          epochs: start + 2,
          initialEpoch: start,
          checkpoint: first?.checkpoint,
          keepCheckpoint: true,
        });
      }
      const { fused } = await expectGroupEqualsAlone(xor, requests);

      // A checkpoint written by the group continues alone exactly as the straight run does.
      const config = memberConfig(optimizer, 2);
      const straight = await trainTrial(xor, {
        config,
        seed: 9,
        epochs: 6,
        initialEpoch: 0,
        keepCheckpoint: true,
      });
      const continued = await trainTrial(xor, {
        config,
        seed: 9,
        epochs: 6,
        initialEpoch: 4,
        checkpoint: fused[2].checkpoint,
        keepCheckpoint: true,
      });
      expectCheckpointsClose(continued.checkpoint!, straight.checkpoint!);
      continued.history.forEach((h, i) =>
        expect(h.metrics.val_loss).toBeCloseTo(straight.history[4 + i].metrics.val_loss, 5),
      );
    }
  });

  it('a diverging member fails alone; its NaNs do not reach the healthy members', async () => {
    const data = linearDataset(100, 4, 1000);
    for (const optimizer of ['adam', 'rmsprop']) {
      const config = (lr: number) => ({
        layers: 2,
        units_0: 8,
        units_1: 8,
        optimizer,
        learning_rate: lr,
        batch_size: 8,
      });
      const requests = [1e-3, 1e8, 3e-3, 5e-4].map((lr, i) => ({
        config: config(lr),
        seed: 30 + i,
        epochs: 3,
        initialEpoch: 0,
        keepCheckpoint: true,
      }));
      const { fused } = await expectGroupEqualsAlone(data, requests, 1e-4);
      expect(fused.map((r) => r.status)).toEqual(['completed', 'failed', 'completed', 'completed']);
      expect(fused[1].reason).toBe('diverged at epoch 1');
      expect(fused[1].checkpoint).toBeUndefined();
    }
  });

  it('a member that diverges later (resumed at an absurd rate) fails at that epoch, the others go on', async () => {
    const data = linearDataset(120, 4, 1000);
    const base = { layers: 2, units_0: 8, units_1: 8, optimizer: 'adam', batch_size: 8 };
    const first = await trainTrial(data, {
      config: { ...base, learning_rate: 1e-3 },
      seed: 1,
      epochs: 2,
      initialEpoch: 0,
      keepCheckpoint: true,
    });
    const requests: TrainRequest[] = [
      { config: { ...base, learning_rate: 1e-3 }, seed: 2, epochs: 4, initialEpoch: 0 },
      {
        config: { ...base, learning_rate: 1e6 },
        seed: 1,
        epochs: 5,
        initialEpoch: 2,
        checkpoint: first.checkpoint,
      },
      { config: { ...base, learning_rate: 2e-3 }, seed: 3, epochs: 4, initialEpoch: 0, keepCheckpoint: true },
    ];
    const { fused } = await expectGroupEqualsAlone(data, requests, 1e-4);
    expect(fused[1].reason).toBe('diverged at epoch 3');
  });

  it('stops members early on their own rules and epochs, and stops the ones asked to', async () => {
    const config = memberConfig('adam', 0);
    const requests: TrainRequest[] = [
      {
        config,
        seed: 1,
        epochs: 6,
        initialEpoch: 0,
        earlyStopping: { metric: 'loss', direction: 'max', patience: 2 },
      },
      {
        config,
        seed: 2,
        epochs: 6,
        initialEpoch: 0,
        earlyStopping: { metric: 'val_loss', direction: 'min', patience: 50 },
      },
      { config, seed: 3, epochs: 2, initialEpoch: 0, keepCheckpoint: true },
      { config, seed: 4, epochs: 0, initialEpoch: 0, keepCheckpoint: true },
    ];
    const { fused } = await expectGroupEqualsAlone(xor, requests);
    expect(fused.map((r) => r.epochsTrained)).toEqual([3, 6, 2, 0]);
    expect(fused[0].earlyStopped).toBe(true);

    let boundaries = 0;
    const stopped = await trainGroup(
      xor,
      requests.slice(0, 3).map((r) => ({ ...r, keepCheckpoint: true })),
      undefined,
      (i) => i === 1 && boundaries > 2,
      async () => void boundaries++,
    );
    expect(stopped[1]).toMatchObject({
      status: 'stopped',
      reason: 'stopped before epoch 3',
      epochsTrained: 2,
    });
    expect(stopped[1].checkpoint?.epoch).toBe(2);
    expect(stopped[0].status).toBe('completed');
  });

  it('pads narrower members to the widest (relu, tanh) with the same results', async () => {
    for (const activation of ['relu', 'tanh']) {
      const requests = [
        [4, 10],
        [12, 3],
        [7, 7],
      ].map(([a, b], i) => ({
        config: { ...memberConfig('adam', i), activation, units_0: a, units_1: b },
        seed: 50 + i,
        epochs: 3,
        initialEpoch: 0,
        keepCheckpoint: true,
      }));
      await expectGroupEqualsAlone(xor, requests);
    }
  });

  it('trains members on different folds and data fractions (uneven batches) as they would alone', async () => {
    const n = xor.rows;
    const all = Uint32Array.from({ length: n }, (_, i) => i);
    const folds = [all.slice(0, 33), all.slice(33, 67), all.slice(67)];
    const data: EncodedDataset = { ...xor, splits: { ...xor.splits, folds } };
    const requests: TrainRequest[] = [
      { config: memberConfig('rmsprop', 0), seed: 1, epochs: 3, initialEpoch: 0, foldIndex: 0 },
      {
        config: memberConfig('rmsprop', 1),
        seed: 2,
        epochs: 3,
        initialEpoch: 0,
        foldIndex: 1,
        keepCheckpoint: true,
      },
      { config: memberConfig('rmsprop', 2), seed: 3, epochs: 3, initialEpoch: 0, foldIndex: 2 },
      {
        config: memberConfig('rmsprop', 3),
        seed: 4,
        epochs: 3,
        initialEpoch: 0,
        dataFraction: 0.4,
        keepCheckpoint: true,
      },
    ];
    await expectGroupEqualsAlone(data, requests);
  });

  it('handles SGD with and without momentum, multiclass and regression tasks', async () => {
    const sgd = [0, 0.9, 0.5].map((momentum, i) => ({
      config: { layers: 1, units_0: 6, optimizer: 'sgd', momentum, learning_rate: 0.05, batch_size: 16 },
      seed: 60 + i,
      epochs: 3,
      initialEpoch: 0,
      keepCheckpoint: true,
    }));
    await expectGroupEqualsAlone(blobsDataset(90, 2), sgd);
    const regression = [0.01, 0.003].map((lr, i) => ({
      config: {
        layers: 2,
        units_0: 5,
        units_1: 4,
        optimizer: 'adam',
        learning_rate: lr,
        batch_size: 16,
        dropout_1: 0.1,
      },
      seed: 70 + i,
      epochs: 3,
      initialEpoch: 0,
      keepCheckpoint: true,
    }));
    await expectGroupEqualsAlone(linearDataset(90, 5), regression);
  });

  it('exports each kept model with the weights it trained to', async () => {
    const requests = [0, 1].map((i) => ({
      config: memberConfig('adam', i),
      seed: 80 + i,
      epochs: 2,
      initialEpoch: 0,
      keepModel: true,
    }));
    const alone = await trainAlone(xor, requests);
    const fused = await trainGroup(xor, requests);
    fused.forEach((f, i) => {
      const a = new Float32Array(f.model!.weights);
      const b = new Float32Array(alone[i].model!.weights);
      expect(a.length).toBe(b.length);
      a.forEach((v, j) => expect(Math.abs(v - b[j])).toBeLessThan(1e-5));
    });
  });

  it('refuses members that cannot share the ops, saying why', async () => {
    const request = (config: Config) => ({ config, seed: 1, epochs: 1, initialEpoch: 0 });
    await expect(trainGroup(xor, [request({ layers: 1 }), request({ layers: 2 })])).rejects.toThrow(
      /model 1 cannot join the group/,
    );
    await expect(
      trainGroup(xor, [
        request({ layers: 1, optimizer: 'adam' }),
        request({ layers: 1, optimizer: 'rmsprop' }),
      ]),
    ).rejects.toThrow(/layers\/activation\/optimizer\/batch size/);
    await expect(
      trainGroup(xor, [
        request({ layers: 1, units_0: 4, activation: 'sigmoid' }),
        request({ layers: 1, units_0: 8, activation: 'sigmoid' }),
      ]),
    ).rejects.toThrow(/cannot be padded with sigmoid/);
    expect(tf.memory().numTensors).toBeGreaterThanOrEqual(0);
  });
});

describe('trainGroupOrFail', () => {
  it('fails an invalid request with its reason and trains the others together', async () => {
    const good = (seed: number) => ({ config: memberConfig('adam', 0), seed, epochs: 2, initialEpoch: 0 });
    const reports: number[] = [];
    const results = await trainGroupOrFail(
      xor,
      [
        good(1),
        { config: { ...memberConfig('adam', 0), units_0: -1 }, seed: 2, epochs: 2, initialEpoch: 0 },
        good(3),
      ],
      (i) => reports.push(i),
    );
    expect(results.map((r) => r.status)).toEqual(['completed', 'failed', 'completed']);
    expect(results[1].reason).toMatch(/^invalid configuration: config\.units_0/);
    expect([...new Set(reports)].sort()).toEqual([0, 2]);
    expectEquivalent(results[2], (await trainAlone(xor, [good(3)]))[0]);
  });

  it('fails every member with the reason when the group itself cannot train', async () => {
    const results = await trainGroupOrFail(xor, [
      { config: { layers: 1 }, seed: 1, epochs: 1, initialEpoch: 0 },
      { config: { layers: 2 }, seed: 2, epochs: 1, initialEpoch: 0 },
    ]);
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(results[0].reason).toMatch(/^training failed: model 1 cannot join the group/);
  });
});
