import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTrainSpec } from '../../../src/core/model/spec';
import { buildModel, exportModelArtifacts } from '../../../src/train/model';
import { fractionOfRows, selectRows, epochOrder } from '../../../src/train/rows';
import { blobsDataset, xorDataset } from '../support/train-fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('readTrainSpec', () => {
  it('reads the course search space, conditional keys by layer count', () => {
    const spec = readTrainSpec({
      layers: 3,
      units_0: 64,
      units_1: 32,
      units_2: 16,
      units_3: 999,
      dropout_0: 0.2,
      dropout_1: 0,
      dropout_2: 0.1,
      optimizer: 'sgd',
      learning_rate: 0.01,
      lr_decay_rate: 0.95,
      lr_decay_steps: 100,
      lr_staircase: true,
      batch_size: 64,
      activation: 'relu',
      momentum: 0.8,
    });
    expect(spec.units).toEqual([64, 32, 16]);
    expect(spec.dropouts).toEqual([0.2, 0, 0.1]);
    expect(spec.optimizer).toBe('sgd');
    expect(spec.momentum).toBe(0.8);
    expect(spec.schedule).toEqual({ initialRate: 0.01, decayRate: 0.95, decaySteps: 100, staircase: true });
    expect(spec.batchSize).toBe(64);
  });

  it('fills sensible defaults for missing optional keys', () => {
    const spec = readTrainSpec({ layers: 2, units_0: 8, units_1: 4 });
    expect(spec).toEqual({
      units: [8, 4],
      dropouts: [0, 0],
      activation: 'relu',
      optimizer: 'adam',
      momentum: 0.9,
      schedule: { initialRate: 0.001, decayRate: 1, decaySteps: 1, staircase: false },
      batchSize: 32,
    });
    expect(readTrainSpec({ units_0: 8, units_1: 4 }).units).toEqual([8, 4]);
  });

  it('rejects values of the wrong type or range, naming the key', () => {
    expect(() => readTrainSpec({ layers: 2.5 })).toThrow(/config.layers/);
    expect(() => readTrainSpec({ dropout_0: 1 })).toThrow(/config.dropout_0/);
    expect(() => readTrainSpec({ learning_rate: '0.1' })).toThrow(/config.learning_rate/);
    expect(() => readTrainSpec({ lr_staircase: 1 })).toThrow(/config.lr_staircase/);
    expect(() => readTrainSpec({ activation: 'swish' })).toThrow(/config.activation/);
  });
});

describe('buildModel', () => {
  it('stacks Dense (+ Dropout when > 0) and the task output layer', () => {
    const spec = readTrainSpec({ layers: 2, units_0: 8, units_1: 4, dropout_0: 0.3 });
    const binary = buildModel(spec, { features: 5, task: 'binary', classes: 2 }, 1);
    expect(binary.layers.map((l) => l.getClassName())).toEqual(['Dense', 'Dropout', 'Dense', 'Dense']);
    const cfg = binary.layers.map((l) => l.getConfig() as { units?: number; activation?: string });
    expect(cfg[0]).toMatchObject({ units: 8, activation: 'relu' });
    expect(cfg[3]).toMatchObject({ units: 1, activation: 'sigmoid' });
    expect(binary.inputs[0].shape).toEqual([null, 5]);
    const multi = buildModel(spec, { features: 5, task: 'multiclass', classes: 4 }, 1);
    expect(multi.layers.at(-1)!.getConfig()).toMatchObject({ units: 4, activation: 'softmax' });
    const reg = buildModel(spec, { features: 5, task: 'regression', classes: 1 }, 1);
    expect(reg.layers.at(-1)!.getConfig()).toMatchObject({ units: 1, activation: 'linear' });
    [binary, multi, reg].forEach((m) => m.dispose());
  });

  it('initialises weights from the seed', async () => {
    const spec = readTrainSpec({ layers: 1, units_0: 6 });
    const shape = { features: 3, task: 'binary' as const, classes: 2 };
    const [a, b, c] = [1, 1, 2].map((seed) => buildModel(spec, shape, seed));
    const kernel = (m: tf.Sequential) => Array.from(m.getWeights()[0].dataSync());
    expect(kernel(a)).toEqual(kernel(b));
    expect(kernel(a)).not.toEqual(kernel(c));
    [a, b, c].forEach((m) => m.dispose());
  });

  it('exports model.json + weights that tfjs loads back to the same predictions', async () => {
    const baseline = tf.memory().numTensors;
    const model = buildModel(
      readTrainSpec({ layers: 2, units_0: 5, units_1: 3, dropout_1: 0.5 }),
      { features: 2, task: 'multiclass', classes: 3 },
      9,
    );
    const { modelJson, weights } = await exportModelArtifacts(model);
    const json = JSON.parse(modelJson);
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(weights.byteLength).toBe((2 * 5 + 5 + 5 * 3 + 3 + 3 * 3 + 3) * 4);
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: weights,
      }),
    );
    const x = tf.tensor2d([0.5, -1, 2, 0.25], [2, 2]);
    const [p, q] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expect(Array.from(await q.data())).toEqual(Array.from(await p.data()));
    tf.dispose([x, p, q]);
    model.dispose();
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('rows', () => {
  it('takes a seeded, class-stratified data fraction of the training rows', () => {
    const data = blobsDataset(300, 1); // 210 training rows, 70 per class
    const subset = fractionOfRows(data, data.splits.train, 0.2, 4);
    expect(subset.length).toBe(42);
    const perClass = [0, 1, 2].map((c) => Array.from(subset).filter((r) => data.y[r] === c).length);
    expect(perClass).toEqual([14, 14, 14]);
    expect(new Set(subset).size).toBe(42);
    expect(Array.from(subset).every((r) => r < 210)).toBe(true);
    expect(fractionOfRows(data, data.splits.train, 0.2, 4)).toEqual(subset);
    expect(fractionOfRows(data, data.splits.train, 0.2, 5)).not.toEqual(subset);
    expect(() => fractionOfRows(data, data.splits.train, 0, 4)).toThrow(/dataFraction/);
  });

  it('validates on the chosen fold and trains on the others', () => {
    const data = xorDataset(12, 1);
    const folds = [
      Uint32Array.from([0, 1, 2, 3]),
      Uint32Array.from([4, 5, 6, 7]),
      Uint32Array.from([8, 9, 10, 11]),
    ];
    const rows = selectRows({ ...data, splits: { ...data.splits, folds } }, 1);
    expect(Array.from(rows.validation)).toEqual([4, 5, 6, 7]);
    expect(Array.from(rows.train)).toEqual([0, 1, 2, 3, 8, 9, 10, 11]);
    expect(() => selectRows({ ...data, splits: { ...data.splits, folds } }, 3)).toThrow(/outside/);
  });

  it('shuffles each epoch differently but reproducibly', () => {
    const e1 = epochOrder(50, 3, 1);
    expect(Array.from(e1).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(epochOrder(50, 3, 1)).toEqual(e1);
    expect(epochOrder(50, 3, 2)).not.toEqual(e1);
  });
});
