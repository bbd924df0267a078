/** What the app does with the best trial's checkpoint: test evaluation, export, decision boundary. */
import * as tf from '@tensorflow/tfjs';
import type { Config } from '../core/space/types';
import type { EncodedDataset } from '../data/types';
import { restoreCheckpoint } from './checkpoint';
import { readTrainSpec } from '../core/model/spec';
import { lossFor } from './losses';
import { buildModel, exportModelArtifacts } from './model';
import { metricsWithErrors } from './metric-errors';
import { createOptimizer, disposeOptimizer } from './optimizer';
import { disposeRows, uploadRows } from './tensors';
import type { Checkpoint, ModelArtifacts } from './types';

export interface TestEvaluation {
  metrics: Record<string, number>;
  /** confusion[true][predicted], for classification. */
  confusion?: number[][];
  classNames: string[];
  rows: number;
  /** Standard errors of the loss, and of the MAE or AUC, from the test rows (metric-errors.ts). */
  errors: Record<string, number>;
}

const classCount = (data: EncodedDataset): number =>
  data.task === 'multiclass' ? data.classNames.length : 1;

/** Builds the trial's model, loads the checkpoint, runs `use`, and disposes everything. */
async function withModel<T>(
  data: EncodedDataset,
  config: Config,
  checkpoint: Checkpoint,
  use: (model: tf.Sequential) => Promise<T>,
): Promise<T> {
  const spec = readTrainSpec(config);
  const model = buildModel(spec, { features: data.features, task: data.task, classes: classCount(data) }, 0);
  const opt = createOptimizer(spec);
  try {
    await restoreCheckpoint(model, opt, checkpoint);
    return await use(model);
  } finally {
    model.dispose();
    disposeOptimizer(opt);
  }
}

/** The best model, evaluated once on the held-out test split. */
export function evaluateOnTest(
  data: EncodedDataset,
  config: Config,
  checkpoint: Checkpoint,
): Promise<TestEvaluation> {
  return withModel(data, config, checkpoint, async (model) => {
    const classes = classCount(data);
    const rows = uploadRows(data, data.splits.test, classes);
    try {
      const predictions = model.predict(rows.x) as tf.Tensor;
      const loss = tf.tidy(() => lossFor(data.task)(rows.y, predictions));
      const [values, lossValue] = await Promise.all([predictions.data(), loss.data()]);
      tf.dispose([predictions, loss]);
      const { metrics, errors } = metricsWithErrors(
        data.task,
        '',
        lossValue[0],
        values,
        rows.labels,
        classes,
      );
      return {
        metrics,
        errors,
        confusion: confusionMatrix(data, values, rows.labels),
        classNames: data.classNames,
        rows: rows.rows,
      };
    } finally {
      disposeRows(rows);
    }
  });
}

function confusionMatrix(
  data: EncodedDataset,
  predictions: ArrayLike<number>,
  labels: Float32Array,
): number[][] | undefined {
  if (data.task === 'regression') return undefined;
  const k = data.task === 'binary' ? 2 : data.classNames.length;
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  labels.forEach((label, i) => {
    let predicted: number;
    if (data.task === 'binary') predicted = predictions[i] >= 0.5 ? 1 : 0;
    else {
      predicted = 0;
      for (let c = 1; c < k; c++) if (predictions[i * k + c] > predictions[i * k + predicted]) predicted = c;
    }
    matrix[label][predicted]++;
  });
  return matrix;
}

export function exportTrainedModel(
  data: EncodedDataset,
  config: Config,
  checkpoint: Checkpoint,
): Promise<ModelArtifacts> {
  return withModel(data, config, checkpoint, (model) => exportModelArtifacts(model));
}

/**
 * Predicted probability of the positive class over a size × size grid of the two RAW features,
 * row-major with y decreasing from the top (as a picture is drawn).
 */
export function predictGrid(
  data: EncodedDataset,
  config: Config,
  checkpoint: Checkpoint,
  grid: { size: number; xRange: [number, number]; yRange: [number, number] },
): Promise<Float32Array> {
  if (data.features !== 2)
    return Promise.reject(new Error('The decision boundary needs exactly two features'));
  return withModel(data, config, checkpoint, async (model) => {
    const { size, xRange, yRange } = grid;
    const inputs = new Float32Array(size * size * 2);
    const [mx, my] = data.scaler.mean;
    const [sx, sy] = data.scaler.std;
    for (let row = 0; row < size; row++) {
      const y = yRange[1] - ((row + 0.5) / size) * (yRange[1] - yRange[0]);
      for (let col = 0; col < size; col++) {
        const x = xRange[0] + ((col + 0.5) / size) * (xRange[1] - xRange[0]);
        const i = (row * size + col) * 2;
        inputs[i] = (x - mx) / sx;
        inputs[i + 1] = (y - my) / sy;
      }
    }
    const out = tf.tidy(() => model.predict(tf.tensor2d(inputs, [size * size, 2])) as tf.Tensor);
    const values = (await out.data()) as Float32Array;
    out.dispose();
    return data.task === 'multiclass' ? values.filter((_, i) => i % data.classNames.length === 1) : values;
  });
}
