/**
 * The benchmark's own worker: the naive `model.fit` baseline, a matMul ceiling, and the lean loop with
 * tf.memory() read after every trial. Backend selection and the model come from src/train.
 */
import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import type { EncodedDataset } from '../../../src/data/types';
import { chooseBackend, trainTrial, trainTrialOrFail } from '../../../src/train';
import { trainGroup } from '../../../src/train/fused/train-group';
import type { BackendPreference } from '../../../src/train/backend-select';
import { readTrainSpec } from '../../../src/core/model/spec';
import { buildModel } from '../../../src/train/model';
import { createOptimizer } from '../../../src/train/optimizer';
import { selectRows } from '../../../src/train/rows';
import { disposeRows, uploadRows } from '../../../src/train/tensors';
import type { EpochReport, TrainRequest, TrainResult } from '../../../src/train/types';
import type { MemoryPoint, NaiveRequest, NaiveResult, CeilingResult, KernelProfile } from './bench-types';
import { kernelsByName, profileStep, type StepPath } from './step-profile';

const PROBE = { inputs: 8, units: 32, batch: 32 };
let data: EncodedDataset | undefined;
let stopRequested = false;
let trialsDone = 0;

/** tf.memory() once `trials` more trials have finished and cleaned up. */
function memoryAfter(trials: number): MemoryPoint {
  trialsDone += trials;
  const { numTensors, numBytes } = tf.memory();
  return { trials: trialsDone, numTensors, numBytes };
}

function dataset(): EncodedDataset {
  if (!data) throw new Error('call init first');
  return data;
}

function binaryOnly(d: EncodedDataset): void {
  if (d.task !== 'binary') throw new Error(`the naive baseline handles binary tasks, not ${d.task}`);
}

/** One trial the way most tfjs tutorials train: compile, then model.fit with validation data. */
async function naiveTrial(request: NaiveRequest): Promise<number> {
  const d = dataset();
  binaryOnly(d);
  const spec = readTrainSpec(request.config);
  const rows = selectRows(d);
  const train = uploadRows(d, rows.train, 1);
  const validation = uploadRows(d, rows.validation, 1);
  const model = buildModel(spec, { features: d.features, task: d.task, classes: 1 }, request.seed);
  const optimizer = createOptimizer(spec).optimizer;
  try {
    model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });
    const started = performance.now();
    await model.fit(train.x, train.y, {
      epochs: request.epochs,
      batchSize: spec.batchSize,
      shuffle: true,
      validationData: [validation.x, validation.y],
      verbose: 0,
    });
    return performance.now() - started;
  } finally {
    model.dispose();
    optimizer.dispose();
    disposeRows(train);
    disposeRows(validation);
  }
}

async function timeMatMul(m: number, k: number, n: number, reps: number): Promise<number> {
  const a = tf.randomUniform([m, k], -1, 1, 'float32', 1);
  const b = tf.randomUniform([k, n], -1, 1, 'float32', 2);
  try {
    for (let i = 0; i < 2; i++) await tf.tidy(() => tf.matMul(a, b)).data();
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      let last: tf.Tensor | undefined;
      for (let i = 0; i < reps; i++) {
        last?.dispose();
        last = tf.matMul(a, b);
      }
      await last!.data();
      last!.dispose();
      best = Math.min(best, performance.now() - started);
    }
    return (2 * m * k * n * reps) / (best / 1000) / 1e9;
  } finally {
    a.dispose();
    b.dispose();
  }
}

const api = {
  /** `wasmThreads`: XNNPACK threads for the threaded build (only where the page is cross-origin isolated). */
  async init(d: EncodedDataset, preference: BackendPreference, wasmThreads?: number) {
    data = d;
    if (wasmThreads !== undefined)
      (await import('@tensorflow/tfjs-backend-wasm')).setThreadsCount(wasmThreads);
    const choice = await chooseBackend(preference, PROBE);
    return { backend: choice.backend, reason: choice.reason };
  },

  /** Whether this worker is cross-origin isolated and how many threads the wasm backend runs. */
  async wasmThreads(): Promise<{ crossOriginIsolated: boolean; threads?: number }> {
    const isolated = self.crossOriginIsolated;
    if (tf.getBackend() !== 'wasm') return { crossOriginIsolated: isolated };
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    return { crossOriginIsolated: isolated, threads: wasm.getThreadsCount() };
  },

  /** Trials one after another with model.fit; the wall time of each fit call. */
  async naive(requests: NaiveRequest[]): Promise<NaiveResult> {
    const ms: number[] = [];
    for (const r of requests) ms.push(await naiveTrial(r));
    return { ms };
  },

  /** GFLOP/s of a large square matMul and of one shaped like a training batch. */
  async ceiling(square: number, batch: { m: number; k: number; n: number }): Promise<CeilingResult> {
    return {
      square: { size: square, gflops: await timeMatMul(square, square, square, 4) },
      batch: { ...batch, gflops: await timeMatMul(batch.m, batch.k, batch.n, 50) },
    };
  },

  /** The lean loop, as the trainer worker runs it, then tf.memory() once the trial has cleaned up. */
  async train(
    request: TrainRequest,
    onEpoch: (report: EpochReport) => void,
  ): Promise<{ result: TrainResult; memory: MemoryPoint }> {
    stopRequested = false;
    const result = await trainTrial(
      dataset(),
      request,
      (r) => void onEpoch(r),
      () => stopRequested,
    );
    return { result, memory: memoryAfter(1) };
  },

  /** A fused group, as the trainer worker runs it for the scheduler, then tf.memory() as after a trial. */
  async trainGroup(
    requests: TrainRequest[],
    onEpoch: (index: number, report: EpochReport) => void,
  ): Promise<{ results: TrainResult[]; memory: MemoryPoint }> {
    stopRequested = false;
    const results = await trainGroup(
      dataset(),
      requests,
      (i, r) => void onEpoch(i, r),
      () => stopRequested,
    );
    return { results, memory: memoryAfter(requests.length) };
  },

  /**
   * The requests trained one after another as the scheduler trains a request it does not fuse
   * (trainTrialOrFail: on wasm a group of one); the wall time of all of them.
   */
  async separate(requests: TrainRequest[]): Promise<number> {
    const started = performance.now();
    for (const request of requests) {
      const result = await trainTrialOrFail(dataset(), request);
      if (result.status !== 'completed')
        throw new Error(`a benchmark trial ${result.status}: ${result.reason}`);
    }
    return performance.now() - started;
  },

  /** The requests trained as one fused group; its wall time. */
  async fused(requests: TrainRequest[]): Promise<number> {
    const started = performance.now();
    const results = await trainGroup(dataset(), requests);
    const bad = results.find((r) => r.status !== 'completed');
    if (bad) throw new Error(`a fused benchmark trial ${bad.status}: ${bad.reason}`);
    return performance.now() - started;
  },

  /** Kernels run (and their time, where the backend can time them) while training, per optimizer step. */
  async profile(requests: TrainRequest[], mode: 'separate' | 'fused', steps: number): Promise<KernelProfile> {
    const started = performance.now();
    const info = await tf.profile(() => (mode === 'fused' ? api.fused(requests) : api.separate(requests)));
    const wallMs = performance.now() - started;
    const { byKernel, timed, count } = kernelsByName(info.kernels);
    return {
      mode,
      steps,
      wallMs,
      kernelsPerStep: count / steps,
      kernelMsPerStep: timed ? [...byKernel.values()].reduce((a, b) => a + b.ms, 0) / steps : undefined,
      kernels: [...byKernel.entries()]
        .map(([name, e]) => ({ name, perStep: e.count / steps, msPerStep: timed ? e.ms / steps : undefined }))
        .sort((a, b) => (b.msPerStep ?? b.perStep) - (a.msPerStep ?? a.perStep)),
    };
  },

  /** One trial's steps: wall and kernel time, kernels and read-backs per step (step-profile.ts). */
  stepProfile(request: TrainRequest, path: StepPath) {
    return profileStep(dataset(), request, path);
  },

  setPaused(): void {},

  stop(): void {
    stopRequested = true;
  },
};

export type BenchWorkerApi = typeof api;
Comlink.expose(api);
