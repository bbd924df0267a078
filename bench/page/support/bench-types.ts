/** Plain data the benchmark worker and sections exchange. */
import type { Config } from '../../../src/core/space/types';

export interface NaiveRequest {
  config: Config;
  seed: number;
  epochs: number;
}

export interface NaiveResult {
  /** Wall time of each trial's model.fit. */
  ms: number[];
}

export interface CeilingResult {
  square: { size: number; gflops: number };
  batch: { m: number; k: number; n: number; gflops: number };
}

export interface MemoryPoint {
  /** Trials finished in this worker. */
  trials: number;
  numTensors: number;
  numBytes: number;
}

/** tf.profile of a training run, per optimizer step (kernel times only where the backend can time them). */
export interface KernelProfile {
  mode: 'separate' | 'fused';
  steps: number;
  wallMs: number;
  kernelsPerStep: number;
  kernelMsPerStep?: number;
  kernels: { name: string; perStep: number; msPerStep?: number }[];
}
