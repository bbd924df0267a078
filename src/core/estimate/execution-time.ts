/**
 * How long one execution of a trial trains on one backend: a linear model of its work, whose
 * coefficients the bench fits to trials it timed (bench/runner/estimate-rates.mjs writes
 * measured-rates.ts). Per execution: building the model and uploading its rows; per epoch: fixed
 * work, work per row (shuffling, metrics), work per step and layer, the optimiser's update of every
 * weight per step, and the multiply-adds of training and of the validation pass.
 */
import type { BackendName } from '../experiment';
import type { TrainSpec } from '../model/spec';

export interface BackendRates {
  /** ms per execution, and per value (row × feature) of its rows uploaded. */
  execution: number;
  perValue: number;
  /** ms per epoch, and per training or validation row in it. */
  epoch: number;
  epochPerRow: number;
  /** ms per training step and Dense layer, and per weight updated in a step. */
  stepPerLayer: number;
  stepPerWeight: number;
  /** ms per multiply-add per sample trained (forward and backward), and per one validated. */
  perTrainMac: number;
  perValidationMac: number;
  /** The reference probe (REFERENCE_PROBE) timed beside these rates, in ms. */
  probeMs: number;
  /** Spawning a trainer worker with this backend until it is ready, and its first trial's extra time. */
  workerStartMs: number;
  firstTrialExtraMs: number;
  /** A trial's cost beyond training when the scheduler runs it (proposing, messages, saving the study). */
  trialOverheadMs: number;
  /** Pool sizes measured and each one's speed-up over one worker on the machine below. */
  workers: number[];
  workerSpeedup: number[];
  /** Nine in ten timed trials were within this factor of the model. */
  fitError: number;
}

export interface RateTable {
  measured: { date: string; machine: string; cores: number; browser: string; source: string };
  backends: Partial<Record<BackendName, BackendRates>>;
}

/** What one execution trains on. */
export interface TrainingShape {
  trainRows: number;
  validationRows: number;
  features: number;
  /** Units of the output layer: 1, or the classes of a multi-class task. */
  outputs: number;
}

/** The network's size as the model counts it: layers, weights, multiply-adds per sample. */
export interface NetworkSize {
  denseLayers: number;
  weights: number;
  macs: number;
  batchSize: number;
}

export function networkSize(
  spec: TrainSpec,
  shape: Pick<TrainingShape, 'features' | 'outputs'>,
): NetworkSize {
  const widths = [shape.features, ...spec.units, shape.outputs];
  let weights = 0;
  let macs = 0;
  for (let i = 1; i < widths.length; i++) {
    macs += widths[i - 1] * widths[i];
    weights += (widths[i - 1] + 1) * widths[i];
  }
  return { denseLayers: widths.length - 1, weights, macs, batchSize: spec.batchSize };
}

/** Milliseconds for one execution of `epochs` epochs from the start (a resumed one: the epochs it adds). */
export function executionMs(
  rates: BackendRates,
  network: NetworkSize,
  shape: TrainingShape,
  epochs: number,
): number {
  const n = shape.trainRows;
  const v = shape.validationRows;
  const steps = Math.ceil(n / network.batchSize);
  const perStep = rates.stepPerLayer * network.denseLayers + rates.stepPerWeight * network.weights;
  const perEpoch =
    rates.epoch +
    rates.epochPerRow * (n + v) +
    steps * perStep +
    network.macs * (rates.perTrainMac * n + rates.perValidationMac * v);
  return rates.execution + rates.perValue * (n + v) * shape.features + epochs * perEpoch;
}

/** The pool's speed-up over one worker, interpolated between the pool sizes measured (flat beyond them). */
export function workerSpeedup(rates: BackendRates, workers: number): number {
  const { workers: sizes, workerSpeedup: speedups } = rates;
  if (workers <= sizes[0]) return speedups[0] * (workers / sizes[0]);
  for (let i = 1; i < sizes.length; i++) {
    if (workers <= sizes[i]) {
      const t = (workers - sizes[i - 1]) / (sizes[i] - sizes[i - 1]);
      return speedups[i - 1] + t * (speedups[i] - speedups[i - 1]);
    }
  }
  return speedups[speedups.length - 1];
}
