/**
 * Figure 1 (training throughput) and figure 2 (scaling). The lean loop runs in real trainer workers
 * (src/workers spawnTrainer); the naive baseline is model.fit, one trial at a time in one worker. Both
 * train the same sampled configs on the same data for the same epochs, alternately, in this page.
 */
import type { EncodedDataset } from '../../../src/data/types';
import type { BackendName, ProbeShape } from '../../../src/train';
import type { TrainRequest } from '../../../src/train/types';
import { spawnTrainer, type SpawnedTrainer } from '../../../src/workers/worker-trainers';
import { spawnBenchWorker } from '../support/bench-worker';
import { loadDataset, trainRowCount } from '../support/datasets';
import { runOnPool } from '../support/pool';
import { median, round } from '../support/stats';
import { sampleWorkload, trainingFlops, widestLayer, type Workload } from '../support/workload';

export interface ThroughputOptions {
  backends: { backend: BackendName; datasets: string[]; configs: number; epochs: number; reps: number }[];
  poolSize: number;
  ceilingSize: number;
}

export interface Rate {
  ms: number[];
  trialEpochsPerS: number;
  samplesPerS: number;
  gflops: number;
}

function rate(msList: number[], workload: Workload, trainRows: number, flops: number): Rate {
  const seconds = median(msList) / 1000;
  const trialEpochs = workload.configs.length * workload.epochs;
  return {
    ms: msList.map((m) => round(m, 0)),
    trialEpochsPerS: round(trialEpochs / seconds),
    samplesPerS: round((trialEpochs * trainRows) / seconds, 0),
    gflops: round(flops / seconds / 1e9),
  };
}

function requestsFor(workload: Workload, epochs = workload.epochs): TrainRequest[] {
  return workload.configs.map((config, i) => ({ config, seed: 1000 + i, epochs, initialEpoch: 0 }));
}

function probeFor(dataset: EncodedDataset): ProbeShape {
  return { inputs: dataset.features, units: 32, batch: 32 };
}

async function spawnPool(
  dataset: EncodedDataset,
  backend: BackendName,
  size: number,
): Promise<SpawnedTrainer[]> {
  const trainers: SpawnedTrainer[] = [];
  for (let i = 0; i < size; i++) trainers.push(await spawnTrainer(dataset, backend, probeFor(dataset)));
  return trainers;
}

/** One untimed epoch per worker so kernel compilation (WebGL/WebGPU shaders) is not timed. */
async function warmUp(trainers: SpawnedTrainer[], workload: Workload): Promise<void> {
  await Promise.all(
    trainers.map((t) => runOnPool([t], requestsFor({ configs: workload.configs.slice(0, 1), epochs: 1 }))),
  );
}

export async function throughput(options: ThroughputOptions, log: (line: string) => void) {
  const rows = [];
  const ceilings = [];
  const datasets = new Map<string, EncodedDataset>();
  for (const plan of options.backends) {
    let ceilingDone = false;
    for (const id of plan.datasets) {
      if (!datasets.has(id)) datasets.set(id, await loadDataset(id));
      const dataset = datasets.get(id)!;
      const workload = sampleWorkload(plan.configs, plan.epochs);
      const trainRows = trainRowCount(dataset);
      const flops = trainingFlops(workload, dataset.features, trainRows);
      const naiveWorker = await spawnBenchWorker(dataset, plan.backend);
      const pool = await spawnPool(dataset, plan.backend, options.poolSize);
      try {
        const actual = [naiveWorker.backend.backend, ...pool.map((t) => t.backend.backend)];
        if (actual.some((b) => b !== plan.backend)) {
          rows.push({
            backend: plan.backend,
            dataset: id,
            available: false,
            reason: naiveWorker.backend.reason,
          });
          log(`throughput ${plan.backend}: not available (${naiveWorker.backend.reason})`);
          break;
        }
        if (!ceilingDone) {
          const ceiling = await naiveWorker.api.ceiling(options.ceilingSize, {
            m: 32,
            k: widestLayer(workload),
            n: widestLayer(workload),
          });
          ceilings.push({ backend: plan.backend, ...ceiling });
          ceilingDone = true;
          log(
            `ceiling ${plan.backend}: ${ceiling.square.gflops.toFixed(2)} GFLOP/s (square ${ceiling.square.size}), ${ceiling.batch.gflops.toFixed(2)} (batch-shaped)`,
          );
        }
        await naiveWorker.api.naive([{ config: workload.configs[0], seed: 1, epochs: 1 }]);
        await warmUp(pool, workload);
        const naiveMs: number[] = [];
        const leanMs: number[] = [];
        for (let rep = 0; rep < plan.reps; rep++) {
          const naive = await naiveWorker.api.naive(requestsFor(workload));
          naiveMs.push(naive.ms.reduce((a, b) => a + b, 0));
          leanMs.push((await runOnPool(pool, requestsFor(workload))).ms);
        }
        const naive = rate(naiveMs, workload, trainRows, flops);
        const lean = rate(leanMs, workload, trainRows, flops);
        const row = {
          backend: plan.backend,
          dataset: id,
          available: true,
          configs: workload.configs.length,
          epochs: workload.epochs,
          trainRows,
          gflopTotal: round(flops / 1e9),
          poolSize: options.poolSize,
          naive,
          lean,
          ratio: round(lean.trialEpochsPerS / naive.trialEpochsPerS, 2),
        };
        rows.push(row);
        log(
          `throughput ${plan.backend} ${id}: naive ${naive.trialEpochsPerS} vs lean+pool ${lean.trialEpochsPerS} trial-epochs/s (×${row.ratio})`,
        );
      } finally {
        naiveWorker.terminate();
        for (const t of pool) t.terminate();
      }
    }
  }
  return { rows, ceilings };
}

export interface ScalingOptions {
  backend: BackendName;
  dataset: string;
  configs: number;
  epochs: number;
  workers: number[];
}

export async function scaling(options: ScalingOptions, log: (line: string) => void) {
  const dataset = await loadDataset(options.dataset);
  const workload = sampleWorkload(options.configs, options.epochs);
  const trainRows = trainRowCount(dataset);
  const flops = trainingFlops(workload, dataset.features, trainRows);
  const rows = [];
  for (const workers of options.workers) {
    const pool = await spawnPool(dataset, options.backend, workers);
    try {
      await warmUp(pool, workload);
      const { ms } = await runOnPool(pool, requestsFor(workload));
      rows.push({ workers, ...rate([ms], workload, trainRows, flops) });
      log(`scaling ${workers} worker(s): ${rows[rows.length - 1].trialEpochsPerS} trial-epochs/s`);
    } finally {
      for (const t of pool) t.terminate();
    }
  }
  const one = rows[0].trialEpochsPerS;
  return {
    backend: options.backend,
    dataset: options.dataset,
    configs: options.configs,
    epochs: options.epochs,
    rows: rows.map((r) => ({ ...r, speedup: round(r.trialEpochsPerS / one, 2) })),
  };
}
