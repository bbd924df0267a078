/** The throughput workload: configs sampled from the course's default space with a fixed seed, and their FLOPs. */
import { Rng } from '../../../src/core/rng';
import { courseSearchSpace, sampleConfig } from '../../../src/core/space';
import type { Config } from '../../../src/core/space/types';
import { readTrainSpec } from '../../../src/core/model/spec';

export const WORKLOAD_SEED = 2024;

export interface Workload {
  configs: Config[];
  epochs: number;
}

export function sampleWorkload(count: number, epochs: number, seed = WORKLOAD_SEED): Workload {
  const rng = new Rng(seed);
  const space = courseSearchSpace();
  return { configs: Array.from({ length: count }, () => sampleConfig(space, rng)), epochs };
}

/** Weights and biases of the MLP's Dense layers (hidden layers + one output unit). */
export function denseParams(config: Config, features: number): number {
  const widths = [features, ...readTrainSpec(config).units, 1];
  let params = 0;
  for (let i = 1; i < widths.length; i++) params += widths[i - 1] * widths[i] + widths[i];
  return params;
}

/** Forward (2 FLOPs per weight per sample) plus backward (4): ≈ 6 × params × training samples per epoch. */
export function trainingFlops(workload: Workload, features: number, trainRows: number): number {
  return workload.configs.reduce(
    (sum, c) => sum + 6 * denseParams(c, features) * trainRows * workload.epochs,
    0,
  );
}

/** The widest hidden layer of the workload: the batch-shaped matMul ceiling uses it. */
export function widestLayer(workload: Workload): number {
  return Math.max(...workload.configs.flatMap((c) => readTrainSpec(c).units));
}
