/**
 * The training loop of one trial: optimizer.minimize per batch inside tf.tidy, no per-batch sync.
 * Batch losses are summed on the device and batch predictions kept, so each epoch reads the backend
 * once for training metrics and once for validation metrics.
 */
import * as tf from '@tensorflow/tfjs';
import { learningRateAt } from '../core/schedule';
import type { EncodedDataset } from '../data/types';
import { captureCheckpoint, restoreCheckpoint } from './checkpoint';
import { readTrainSpec, type TrainSpec } from '../core/model/spec';
import { lossFor, type LossFn } from './losses';
import { taskMetrics } from './metrics';
import { metricsWithErrors } from './metric-errors';
import { buildModel, exportModelArtifacts, forwardTrain, predictInChunks } from './model';
import { createOptimizer, disposeOptimizer, setLearningRate, type ScheduledOptimizer } from './optimizer';
import { epochOrder, trialRows } from './rows';
import { disposeRows, uploadRows, type RowTensors } from './tensors';
import { pageCourtesy } from './page-courtesy';
import {
  disposingOnThrow,
  EarlyStopMonitor,
  earlyStopReason,
  validateRequest,
  yieldToEvents,
} from './trial-control';
import type { EpochReport, TrainRequest, TrainResult } from './types';

interface TrialContext {
  data: EncodedDataset;
  spec: TrainSpec;
  seed: number;
  classes: number;
  model: tf.Sequential;
  variables: tf.Variable[];
  opt: ScheduledOptimizer;
  loss: LossFn;
  train: RowTensors;
  validation: RowTensors;
}

/** Trains one epoch; returns training loss and metrics and the new global step. */
async function trainEpoch(
  ctx: TrialContext,
  epoch: number,
  startStep: number,
): Promise<{ metrics: Record<string, number>; step: number }> {
  const { train, spec, opt } = ctx;
  const order = epochOrder(train.rows, ctx.seed, epoch);
  const orderTensor = tf.tensor1d(order, 'int32');
  let lossSum: tf.Scalar = tf.scalar(0);
  const batchPredictions: tf.Tensor[] = [];
  let step = startStep;
  try {
    for (let start = 0; start < train.rows; start += spec.batchSize) {
      await pageCourtesy.between();
      const size = Math.min(spec.batchSize, train.rows - start);
      setLearningRate(opt, learningRateAt(spec.schedule, step));
      const batchStep = step;
      const nextSum = tf.tidy(() => {
        const index = tf.slice(orderTensor, start, size);
        const xb = tf.gather(train.x, index);
        const yb = tf.gather(train.y, index);
        const cost = opt.optimizer.minimize(
          () => {
            const predictions = tf.keep(forwardTrain(ctx.model, xb, ctx.seed, batchStep));
            batchPredictions.push(predictions);
            return ctx.loss(yb, predictions);
          },
          true,
          ctx.variables,
        )!;
        return tf.add(lossSum, tf.mul(cost, size)) as tf.Scalar;
      });
      lossSum.dispose();
      lossSum = nextSum;
      step++;
    }
    const allPredictions = tf.concat(batchPredictions, 0);
    const [sum, predictions] = await Promise.all([lossSum.data(), allPredictions.data()]);
    allPredictions.dispose();
    const labels = Float32Array.from(order, (i) => train.labels[i]);
    return {
      metrics: {
        loss: sum[0] / train.rows,
        ...taskMetrics(ctx.data.task, '', predictions, labels, ctx.classes),
      },
      step,
    };
  } finally {
    tf.dispose(batchPredictions);
    lossSum.dispose();
    orderTensor.dispose();
  }
}

async function evaluateValidation(
  ctx: TrialContext,
): Promise<{ metrics: Record<string, number>; errors: Record<string, number> }> {
  const { validation } = ctx;
  const [predictions, loss] = tf.tidy(() => {
    const p = predictInChunks(ctx.model, validation.x);
    return [p, ctx.loss(validation.y, p)];
  });
  try {
    const [values, lossValue] = await Promise.all([predictions.data(), loss.data()]);
    return metricsWithErrors(ctx.data.task, 'val_', lossValue[0], values, validation.labels, ctx.classes);
  } finally {
    predictions.dispose();
    loss.dispose();
  }
}

/**
 * Trains one trial from `req.initialEpoch` to `req.epochs` (absolute, 1-based reports).
 * All tensors it creates are disposed before it returns, whatever the outcome.
 */
export async function trainTrial(
  data: EncodedDataset,
  req: TrainRequest,
  onEpoch?: (report: EpochReport) => void,
  shouldStop?: () => boolean,
  /** Awaited at every epoch boundary: a paused search holds here. */
  atEpochBoundary?: () => Promise<void>,
): Promise<TrainResult> {
  const started = performance.now();
  validateRequest(req);
  const spec = readTrainSpec(req.config);
  const rows = trialRows(data, req);
  const trainRows = rows.train;
  const classes = data.task === 'multiclass' ? data.classNames.length : 1;

  const train = uploadRows(data, trainRows, classes);
  const validation = disposingOnThrow(
    () => uploadRows(data, rows.validation, classes),
    () => disposeRows(train),
  );
  // A model too large for memory throws here: the rows already uploaded must not leak.
  const model = disposingOnThrow(
    () => buildModel(spec, { features: data.features, task: data.task, classes }, req.seed),
    () => {
      disposeRows(train);
      disposeRows(validation);
    },
  );
  const opt = createOptimizer(spec);
  const ctx: TrialContext = {
    data,
    spec,
    seed: req.seed,
    classes,
    model,
    variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
    opt,
    loss: lossFor(data.task),
    train,
    validation,
  };
  const history: EpochReport[] = [];
  const finish = async (
    result: Omit<TrainResult, 'history' | 'epochsTrained' | 'ms'>,
    step: number,
  ): Promise<TrainResult> => {
    const ok = result.status !== 'failed';
    const epoch = req.initialEpoch + history.length;
    return {
      ...result,
      history,
      checkpoint: ok && req.keepCheckpoint ? await captureCheckpoint(model, opt, step, epoch) : undefined,
      model: ok && req.keepModel ? await exportModelArtifacts(model) : undefined,
      epochsTrained: history.length,
      ms: performance.now() - started,
    };
  };

  try {
    if (req.checkpoint) await restoreCheckpoint(model, opt, req.checkpoint);
    let step = req.checkpoint?.globalStep ?? 0;
    const monitor = req.earlyStopping ? new EarlyStopMonitor(req.earlyStopping) : undefined;
    for (let epoch = req.initialEpoch + 1; epoch <= req.epochs; epoch++) {
      await atEpochBoundary?.();
      if (shouldStop?.())
        return await finish({ status: 'stopped', reason: `stopped before epoch ${epoch}` }, step);
      const epochStarted = performance.now();
      const learningRate = learningRateAt(spec.schedule, step);
      const trained = await trainEpoch(ctx, epoch, step);
      const { metrics: validationMetrics, errors } = await evaluateValidation(ctx);
      if (!Number.isFinite(trained.metrics.loss) || !Number.isFinite(validationMetrics.val_loss)) {
        return await finish({ status: 'failed', reason: `diverged at epoch ${epoch}` }, trained.step);
      }
      step = trained.step;
      const report: EpochReport = {
        epoch,
        metrics: { ...trained.metrics, ...validationMetrics },
        errors,
        learningRate,
        step,
        ms: performance.now() - epochStarted,
      };
      history.push(report);
      onEpoch?.(report);
      if (monitor?.update(report.metrics) && epoch < req.epochs) {
        return await finish(
          { status: 'completed', earlyStopped: true, reason: earlyStopReason(req.earlyStopping!, epoch) },
          step,
        );
      }
      await yieldToEvents();
    }
    return await finish({ status: 'completed' }, step);
  } finally {
    model.dispose();
    disposeOptimizer(opt);
    disposeRows(train);
    disposeRows(validation);
  }
}
