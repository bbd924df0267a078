/** Plain-data contracts of the training runtime. Everything here crosses worker boundaries as-is. */
import type { OptimizerName } from '../core/model/spec';
import type { Config } from '../core/space/types';

export interface EarlyStopping {
  /** A key of EpochReport.metrics, e.g. 'val_loss' or 'val_auc'. */
  metric: string;
  direction: 'min' | 'max';
  /** Stop after this many epochs in a row without a strict improvement. */
  patience: number;
}

export interface TrainRequest {
  config: Config;
  /** Trial seed: weight initialisation, shuffling, dropout masks and the data-fraction subset derive from it. */
  seed: number;
  /** Absolute epoch to train up to (inclusive). */
  epochs: number;
  /** Epochs already trained; > 0 only together with `checkpoint` (whose `epoch` must equal it). */
  initialEpoch: number;
  /** Train on a seeded, class-stratified subset of this fraction of the training rows, in (0, 1]. */
  dataFraction?: number;
  /** With splits.folds: validate on fold `foldIndex`, train on the other folds. */
  foldIndex?: number;
  earlyStopping?: EarlyStopping;
  /** Continue from this state (weights, optimizer moments, global step). */
  checkpoint?: Checkpoint;
  /** Return a checkpoint of the final state (for promotion). */
  keepCheckpoint?: boolean;
  /** Return the trained model in the tfjs layers format. */
  keepModel?: boolean;
}

/**
 * One finished epoch. Metrics: always `loss`, `val_loss`; binary adds `accuracy`, `val_accuracy`,
 * `auc`, `val_auc`; multiclass `accuracy`, `val_accuracy`; regression `mae`, `val_mae`.
 * Training-side metrics are accumulated over the epoch's batches in training mode (as Keras reports
 * them); validation metrics are computed on the validation rows in inference mode after the epoch.
 */
export interface EpochReport {
  /** 1-based absolute epoch. */
  epoch: number;
  metrics: Record<string, number>;
  /** Standard errors of validation metrics from the validation rows (metric-errors.ts), keyed as they are. */
  errors?: Record<string, number>;
  /** Learning rate used for the epoch's first batch: learningRateAt(schedule, step at epoch start). */
  learningRate: number;
  /** Global optimizer step (batches trained in all) at the end of the epoch. */
  step: number;
  /** Wall time of the epoch, training and evaluation. */
  ms: number;
}

export type TrainStatus = 'completed' | 'failed' | 'stopped';

export interface TrainResult {
  /** 'stopped': shouldStop() returned true between epochs. Early stopping counts as 'completed'. */
  status: TrainStatus;
  /** Why it failed ('diverged at epoch k') or stopped early; absent for a full normal run. */
  reason?: string;
  earlyStopped?: boolean;
  /** Reports of the epochs trained in this call only. */
  history: EpochReport[];
  /** With keepCheckpoint and status ≠ 'failed': the state after the last completed epoch. */
  checkpoint?: Checkpoint;
  /** With keepModel and status ≠ 'failed'. */
  model?: ModelArtifacts;
  /** Epochs trained in this call. */
  epochsTrained: number;
  ms: number;
}

export interface TensorData {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  buffer: ArrayBuffer;
}

/** Model weights + optimizer state + position in the schedule: enough to continue exactly. */
export interface Checkpoint {
  /** In model.getWeights() order. */
  weights: TensorData[];
  /** optimizer.getWeights(): the iteration counter first, then moments / accumulators. */
  optimizerWeights: TensorData[];
  /** Optimizer steps (batches) trained in all; drives the learning-rate schedule. */
  globalStep: number;
  /** Epochs trained in all. */
  epoch: number;
  /** The optimizer the state belongs to; restoring into another kind is refused. */
  optimizer: OptimizerName;
}

/** A model in the tfjs layers format: model.json text (weights manifest path 'weights.bin') + that file. */
export interface ModelArtifacts {
  modelJson: string;
  weights: ArrayBuffer;
}
