/**
 * Issue 17's third target: one wide model's training step on each backend, against the batch-shaped
 * matMul ceiling timed in the same worker. At 416 units, 2 and 5 hidden layers, batch 32: the share
 * of the ceiling reached (6 × Dense parameters × batch FLOPs per step ÷ wall time per step), kernel
 * time against wall time per step (the rest is host work between kernels), and the kernels (GPU
 * dispatches) and read-backs per step, for the lean loop and for what the scheduler runs.
 */
import type { Config } from '../../../src/core/space/types';
import type { BackendName } from '../../../src/train';
import { spawnBenchWorker } from '../support/bench-worker';
import { loadDataset } from '../support/datasets';
import { round } from '../support/stats';
import { denseParams } from '../support/workload';
import type { StepPath } from '../support/step-profile';

export interface WideStepOptions {
  dataset: string;
  backends: { backend: BackendName; width: number; layers: number[]; epochs: number }[];
}

function wideConfig(layers: number, width: number): Config {
  const config: Config = { layers, optimizer: 'adam', learning_rate: 0.001, batch_size: 32 };
  for (let l = 0; l < layers; l++) config[`units_${l}`] = width;
  return config;
}

export async function wideStep(options: WideStepOptions, log: (line: string) => void) {
  const dataset = await loadDataset(options.dataset);
  const rows = [];
  for (const plan of options.backends) {
    const worker = await spawnBenchWorker(dataset, plan.backend);
    try {
      if (worker.backend.backend !== plan.backend) {
        rows.push({ backend: plan.backend, available: false, reason: worker.backend.reason });
        log(`wide step ${plan.backend}: not available (${worker.backend.reason})`);
        continue;
      }
      for (const layers of plan.layers) {
        const config = wideConfig(layers, plan.width);
        const flopsPerStep = 6 * denseParams(config, dataset.features) * 32;
        for (const path of ['lean', 'scheduler'] as StepPath[]) {
          const request = { config, seed: 7, epochs: plan.epochs, initialEpoch: 0 };
          // The ceiling right before each run, so both share the machine's load at the time.
          const ceiling = await worker.api.ceiling(512, { m: 32, k: plan.width, n: plan.width });
          const p = await worker.api.stepProfile(request, path);
          const gflops = flopsPerStep / (p.wallMsPerStep / 1000) / 1e9;
          const row = {
            backend: plan.backend,
            available: true,
            layers,
            width: plan.width,
            path,
            ceilingGflops: round(ceiling.batch.gflops),
            gflops: round(gflops),
            shareOfCeiling: round(gflops / ceiling.batch.gflops, 3),
            wallMsPerStep: round(p.wallMsPerStep, 3),
            profiledMsPerStep: round(p.profiledMsPerStep, 3),
            kernelMsPerStep: p.kernelMsPerStep === undefined ? undefined : round(p.kernelMsPerStep, 3),
            kernelsPerStep: round(p.kernelsPerStep, 1),
            readBacksPerStep: round(p.readBacksPerStep, 2),
            topKernels: p.topKernels.map((k) => ({
              name: k.name,
              perStep: round(k.perStep, 1),
              msPerStep: k.msPerStep === undefined ? undefined : round(k.msPerStep, 3),
            })),
          };
          rows.push(row);
          log(
            `wide step ${plan.backend} ${layers}×${plan.width} ${path}: ${row.wallMsPerStep} ms/step (kernels ${row.kernelMsPerStep ?? '–'}), ${row.gflops} GFLOP/s = ${round(100 * row.shareOfCeiling, 1)}% of ${row.ceilingGflops}; ${row.kernelsPerStep} kernels, ${row.readBacksPerStep} read-backs per step`,
          );
        }
      }
    } finally {
      worker.terminate();
    }
  }
  return { dataset: options.dataset, rows };
}
