/**
 * Where one training step's time goes, in the worker: wall time, tfjs kernel time (tf.profile), kernels
 * (GPU dispatches on webgl/webgpu) and read-backs (backend read/readSync calls) per optimizer step, for
 * trainTrial (the lean loop, tfjs' optimizer) and trainTrialOrFail (what the scheduler runs: on wasm a
 * group of one with the host-side update).
 */
import * as tf from '@tensorflow/tfjs';
import type { EncodedDataset } from '../../../src/data/types';
import { trainTrial, trainTrialOrFail } from '../../../src/train';
import type { TrainRequest } from '../../../src/train/types';

export type StepPath = 'lean' | 'scheduler';

const WALL_ROUNDS = 3;

/**
 * tf.profile's kernels counted and timed by name; `timed` is false when the backend cannot time them.
 * A custom gradient's forward pass (the dense product's) is profiled as a "kernel" named after its
 * scope that runs registered kernels inside it: its time is theirs, so it is left out, or the products
 * would count twice.
 */
export function kernelsByName(
  kernels: readonly { name: string; kernelTimeMs: unknown }[],
  backend = tf.getBackend(),
) {
  const byKernel = new Map<string, { count: number; ms: number }>();
  let timed = true;
  let count = 0;
  for (const k of kernels) {
    if (!tf.getKernel(k.name, backend)) continue;
    count++;
    const entry = byKernel.get(k.name) ?? { count: 0, ms: 0 };
    entry.count++;
    if (typeof k.kernelTimeMs === 'number') entry.ms += k.kernelTimeMs;
    else timed = false;
    byKernel.set(k.name, entry);
  }
  return { byKernel, timed, count };
}

export interface StepProfile {
  path: StepPath;
  steps: number;
  wallMsPerStep: number;
  /** Wall time of the same run under tf.profile (which adds its own cost per kernel). */
  profiledMsPerStep: number;
  kernelMsPerStep?: number;
  kernelsPerStep: number;
  readBacksPerStep: number;
  topKernels: { name: string; perStep: number; msPerStep?: number }[];
}

interface Readable {
  read: (...args: unknown[]) => unknown;
  readSync: (...args: unknown[]) => unknown;
}

/** Counts the backend's read-backs while `run` runs. */
async function countingReads<T>(run: () => Promise<T>): Promise<{ value: T; reads: number }> {
  const backend = tf.backend() as unknown as Readable;
  const { read, readSync } = backend;
  let reads = 0;
  backend.read = (...args) => (reads++, read.apply(backend, args));
  backend.readSync = (...args) => (reads++, readSync.apply(backend, args));
  try {
    return { value: await run(), reads };
  } finally {
    backend.read = read;
    backend.readSync = readSync;
  }
}

export async function profileStep(
  data: EncodedDataset,
  request: TrainRequest,
  path: StepPath,
): Promise<StepProfile> {
  const batch = Number(request.config.batch_size ?? 32);
  const steps = Math.ceil(data.splits.train.length / batch) * request.epochs;
  const run = async () => {
    const result = path === 'lean' ? await trainTrial(data, request) : await trainTrialOrFail(data, request);
    if (result.status !== 'completed')
      throw new Error(`a step-profile trial ${result.status}: ${result.reason}`);
  };
  await run();
  // Best of three, as the matMul ceiling it is compared with is timed (a single trial of a few dozen
  // steps swung by 30% between runs on a shared 2-core machine).
  let wallMs = Infinity;
  let reads = 0;
  for (let round = 0; round < WALL_ROUNDS; round++) {
    const started = performance.now();
    reads = (await countingReads(run)).reads;
    wallMs = Math.min(wallMs, performance.now() - started);
  }
  const profiledStarted = performance.now();
  const info = await tf.profile(run);
  const profiledMs = performance.now() - profiledStarted;
  const { byKernel, timed, count } = kernelsByName(info.kernels);
  const kernelMs = [...byKernel.values()].reduce((sum, e) => sum + e.ms, 0);
  return {
    path,
    steps,
    wallMsPerStep: wallMs / steps,
    profiledMsPerStep: profiledMs / steps,
    kernelMsPerStep: timed ? kernelMs / steps : undefined,
    kernelsPerStep: count / steps,
    readBacksPerStep: reads / steps,
    topKernels: [...byKernel.entries()]
      .map(([name, e]) => ({ name, perStep: e.count / steps, msPerStep: timed ? e.ms / steps : undefined }))
      .sort((a, b) => (b.msPerStep ?? b.perStep) - (a.msPerStep ?? a.perStep))
      .slice(0, 8),
  };
}
