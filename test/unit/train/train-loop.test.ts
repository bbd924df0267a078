import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainTrial } from '../../../src/train/train-loop';
import type { EpochReport } from '../../../src/train/types';
import { blobsDataset, linearDataset, xorDataset } from '../support/train-fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const xorConfig = {
  layers: 2,
  units_0: 16,
  units_1: 16,
  optimizer: 'adam',
  learning_rate: 0.02,
  batch_size: 16,
};

describe('trainTrial', () => {
  it('learns XOR and reports the binary metrics every epoch', async () => {
    const reports: EpochReport[] = [];
    const result = await trainTrial(
      xorDataset(300, 1),
      { config: xorConfig, seed: 7, epochs: 25, initialEpoch: 0 },
      (r) => reports.push(r),
    );
    expect(result.status).toBe('completed');
    expect(result.epochsTrained).toBe(25);
    expect(reports).toEqual(result.history);
    expect(reports.map((r) => r.epoch)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const last = result.history[24].metrics;
    expect(Object.keys(last).sort()).toEqual([
      'accuracy',
      'auc',
      'loss',
      'val_accuracy',
      'val_auc',
      'val_loss',
    ]);
    expect(last.val_accuracy).toBeGreaterThanOrEqual(0.9);
    expect(last.val_auc).toBeGreaterThan(0.95);
    expect(last.val_loss).toBeLessThan(result.history[0].metrics.val_loss);
    // 210 training rows in batches of 16 → 14 steps per epoch.
    expect(result.history.map((r) => r.step)).toEqual(result.history.map((r) => r.epoch * 14));
  });

  it('trains multiclass (softmax) and regression (linear, MSE) with their metrics', async () => {
    const multi = await trainTrial(blobsDataset(150, 2), {
      config: { layers: 1, units_0: 8, learning_rate: 0.05, batch_size: 16 },
      seed: 1,
      epochs: 15,
      initialEpoch: 0,
    });
    const m = multi.history.at(-1)!.metrics;
    expect(Object.keys(m).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    expect(m.val_accuracy).toBeGreaterThan(0.8);

    const reg = await trainTrial(linearDataset(200, 3), {
      config: { layers: 1, units_0: 8, optimizer: 'rmsprop', learning_rate: 0.01, batch_size: 16 },
      seed: 1,
      epochs: 20,
      initialEpoch: 0,
    });
    const r = reg.history.at(-1)!.metrics;
    expect(Object.keys(r).sort()).toEqual(['loss', 'mae', 'val_loss', 'val_mae']);
    expect(r.val_mae).toBeLessThan(reg.history[0].metrics.val_mae);
  });

  it('is deterministic for a seed (dropout included)', async () => {
    const req = {
      config: { ...xorConfig, dropout_0: 0.2, dropout_1: 0.1 },
      seed: 11,
      epochs: 3,
      initialEpoch: 0,
    };
    const a = await trainTrial(xorDataset(120, 5), req);
    const b = await trainTrial(xorDataset(120, 5), req);
    expect(a.history.map((h) => h.metrics)).toEqual(b.history.map((h) => h.metrics));
    const c = await trainTrial(xorDataset(120, 5), { ...req, seed: 12 });
    expect(c.history[2].metrics.loss).not.toBe(a.history[2].metrics.loss);
  });

  it('fails with "diverged at epoch k" when the loss becomes NaN or infinite', async () => {
    const result = await trainTrial(linearDataset(100, 4, 1000), {
      config: { layers: 2, units_0: 32, units_1: 32, optimizer: 'sgd', learning_rate: 1e6, batch_size: 8 },
      seed: 1,
      epochs: 5,
      initialEpoch: 0,
      keepCheckpoint: true,
    });
    expect(result.status).toBe('failed');
    expect(result.reason).toBe('diverged at epoch 1');
    expect(result.history).toEqual([]);
    expect(result.checkpoint).toBeUndefined();
  });

  it('reports the epoch that diverged, 1-based and absolute', async () => {
    // Trains fine for 2 epochs at a sane rate, then continues at an absurd one from the checkpoint.
    const data = linearDataset(100, 4, 1000);
    const base = { layers: 1, units_0: 8, optimizer: 'sgd', momentum: 0, batch_size: 8 };
    const first = await trainTrial(data, {
      config: { ...base, learning_rate: 1e-9 },
      seed: 1,
      epochs: 2,
      initialEpoch: 0,
      keepCheckpoint: true,
    });
    expect(first.status).toBe('completed');
    const second = await trainTrial(data, {
      config: { ...base, learning_rate: 1e6 },
      seed: 1,
      epochs: 6,
      initialEpoch: 2,
      checkpoint: first.checkpoint,
    });
    expect(second.reason).toBe('diverged at epoch 3');
  });

  it('stops early when the monitored metric stops improving for `patience` epochs', async () => {
    // The training loss falls every epoch here, so monitoring it for a *rise* never sees an improvement
    // after epoch 1: epochs 2 and 3 exhaust a patience of 2.
    const result = await trainTrial(xorDataset(200, 1), {
      config: xorConfig,
      seed: 3,
      epochs: 20,
      initialEpoch: 0,
      earlyStopping: { metric: 'loss', direction: 'max', patience: 2 },
    });
    expect(result.status).toBe('completed');
    expect(result.earlyStopped).toBe(true);
    expect(result.epochsTrained).toBe(3);
    expect(result.reason).toMatch(/^early stopping at epoch 3/);

    const patient = await trainTrial(xorDataset(200, 1), {
      config: xorConfig,
      seed: 3,
      epochs: 6,
      initialEpoch: 0,
      earlyStopping: { metric: 'loss', direction: 'min', patience: 50 },
    });
    expect(patient.earlyStopped).toBeUndefined();
    expect(patient.epochsTrained).toBe(6);
  });

  it('stops between epochs when asked, returning the state so far', async () => {
    let epochsSeen = 0;
    const result = await trainTrial(
      xorDataset(100, 1),
      { config: xorConfig, seed: 3, epochs: 10, initialEpoch: 0, keepCheckpoint: true },
      () => epochsSeen++,
      () => epochsSeen >= 2,
    );
    expect(result.status).toBe('stopped');
    expect(result.epochsTrained).toBe(2);
    expect(result.checkpoint?.epoch).toBe(2);
  });

  it('trains on a data fraction or on the other folds', async () => {
    const data = xorDataset(200, 9); // 140 training rows
    const quarter = await trainTrial(data, {
      config: { ...xorConfig, batch_size: 5 },
      seed: 1,
      epochs: 1,
      initialEpoch: 0,
      dataFraction: 0.25,
    });
    expect(quarter.history[0].step).toBe(7); // 35 rows / 5

    const all = Uint32Array.from({ length: 200 }, (_, i) => i);
    const folds = [0, 1, 2, 3].map((f) => all.filter((i) => i % 4 === f));
    const withFolds = { ...data, splits: { ...data.splits, folds } };
    const fold = await trainTrial(withFolds, {
      config: { ...xorConfig, batch_size: 10 },
      seed: 1,
      epochs: 1,
      initialEpoch: 0,
      foldIndex: 2,
    });
    expect(fold.history[0].step).toBe(15); // 150 rows of the other three folds / 10
    await expect(
      trainTrial(data, { config: xorConfig, seed: 1, epochs: 1, initialEpoch: 0, foldIndex: 0 }),
    ).rejects.toThrow(/no folds/);
  });

  it('refuses inconsistent budgets', async () => {
    const data = xorDataset(50, 1);
    await expect(
      trainTrial(data, { config: xorConfig, seed: 1, epochs: 3, initialEpoch: 1 }),
    ).rejects.toThrow(/needs a checkpoint/);
    await expect(
      trainTrial(data, { config: xorConfig, seed: 1, epochs: 2, initialEpoch: 3 }),
    ).rejects.toThrow(/initialEpoch/);
    await expect(
      trainTrial(data, {
        config: { ...xorConfig, optimizer: 'adagrad' },
        seed: 1,
        epochs: 1,
        initialEpoch: 0,
      }),
    ).rejects.toThrow(/config.optimizer/);
  });

  it('leaves no tensors behind, whatever the outcome', async () => {
    const baseline = tf.memory().numTensors;
    await trainTrial(xorDataset(80, 1), {
      config: { ...xorConfig, dropout_0: 0.3 },
      seed: 1,
      epochs: 2,
      initialEpoch: 0,
      keepCheckpoint: true,
      keepModel: true,
    });
    expect(tf.memory().numTensors).toBe(baseline);
    for (const optimizer of ['adam', 'rmsprop', 'sgd']) {
      await trainTrial(blobsDataset(60, 1), {
        config: { layers: 1, units_0: 4, optimizer },
        seed: 1,
        epochs: 2,
        initialEpoch: 0,
      });
      expect(tf.memory().numTensors).toBe(baseline);
    }
    await trainTrial(linearDataset(40, 4, 1000), {
      config: { optimizer: 'sgd', learning_rate: 1e6, batch_size: 4 },
      seed: 1,
      epochs: 2,
      initialEpoch: 0,
    });
    expect(tf.memory().numTensors).toBe(baseline);
    const first = await trainTrial(xorDataset(60, 1), {
      config: xorConfig,
      seed: 1,
      epochs: 1,
      initialEpoch: 0,
      keepCheckpoint: true,
    });
    await trainTrial(
      xorDataset(60, 1),
      { config: xorConfig, seed: 1, epochs: 2, initialEpoch: 1, checkpoint: first.checkpoint },
      undefined,
      () => true,
    );
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
