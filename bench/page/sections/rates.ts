/**
 * The time estimate's rates: single trials of known networks trained in a real trainer worker (called
 * through Comlink and returning their checkpoints, as the scheduler does) on random data of known
 * shapes, each timed from this page; worker start-up and the first trial's extra time; the reference
 * probe as the app times it before Start; and how a pool of 1, 2 or 4 workers scales on sampled
 * course configs.
 * `node bench/runner/estimate-rates.mjs <results.json>` fits src/core/estimate/measured-rates.ts.
 */
import { REFERENCE_PROBE } from '../../../src/core/estimate/reference-probe';
import { defaultSetup } from '../../../src/core/experiment';
import type { SearchSpace } from '../../../src/core/space/types';
import { Study, type StudySettings } from '../../../src/core/study';
import { Scheduler } from '../../../src/scheduler/scheduler';
import { saveStudy, saveStudyProgress } from '../../../src/storage/study-store';
import type { Config } from '../../../src/core/space/types';
import type { BackendName } from '../../../src/train';
import type { TrainRequest } from '../../../src/train/types';
import { measureMachine } from '../../../src/workers/machine-probe';
import {
  spawnTrainer,
  workerTrainerFactory,
  type SpawnedTrainer,
} from '../../../src/workers/worker-trainers';
import { runOnPool } from '../support/pool';
import { shapedDataset, type DataShapeCase } from '../support/shaped-dataset';
import { median, round } from '../support/stats';
import { sampleWorkload } from '../support/workload';

export interface NetworkCase {
  layers: number;
  units: number;
  batch: number;
}

export interface RatesOptions {
  backend: BackendName;
  shapes: DataShapeCase[];
  networks: NetworkCase[];
  epochs: number[];
  reps: number;
  scaling: { shape: DataShapeCase; configs: number; epochs: number; workers: number[]; reps: number };
  /** A search of small trials through the real Scheduler, saving to IndexedDB as the app does. */
  overhead: { shape: DataShapeCase; network: NetworkCase; trials: number };
}

export interface RateRow extends DataShapeCase, NetworkCase {
  outputs: number;
  epochs: number;
  ms: number;
}

function networkConfig({ layers, units, batch }: NetworkCase): Config {
  const config: Config = { layers, optimizer: 'adam', learning_rate: 0.001, batch_size: batch };
  for (let i = 0; i < layers; i++) {
    config[`units_${i}`] = units;
    config[`dropout_${i}`] = 0.1;
  }
  return config;
}

const request = (network: NetworkCase, epochs: number, seed: number): TrainRequest => ({
  config: networkConfig(network),
  seed,
  epochs,
  initialEpoch: 0,
  keepCheckpoint: true,
});

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

async function trainOrThrow(trainer: SpawnedTrainer, req: TrainRequest): Promise<number> {
  const { ms, value } = await timed(() => trainer.train(req, () => {}));
  if (value.status !== 'completed') throw new Error(`a rate trial ended ${value.status}: ${value.reason}`);
  return ms;
}

/**
 * The reference probe as the app times it before Start: in a fresh worker, right after the backend is
 * chosen ('auto' probes every backend first; a forced one only itself), alternately, several times.
 */
async function freshProbes(backend: BackendName, reps: number) {
  const auto: number[] = [];
  const forced: number[] = [];
  for (let i = 0; i < reps; i++) {
    const chosen = await measureMachine('auto');
    if (chosen.backend === backend) auto.push(round(chosen.probeMs, 2));
    forced.push(round((await measureMachine(backend)).probeMs, 2));
  }
  return { auto, forced };
}

export async function rates(options: RatesOptions, log: (line: string) => void) {
  const fresh = await freshProbes(options.backend, 3);
  log(
    `rates, fresh probes: auto ${fresh.auto.join(', ')} ms; ${options.backend} ${fresh.forced.join(', ')} ms`,
  );
  const rows: RateRow[] = [];
  const starts: number[] = [];
  const firstExtra: number[] = [];
  for (const shape of options.shapes) {
    const dataset = shapedDataset(shape);
    const spawned = await timed(() => spawnTrainer(dataset, options.backend, REFERENCE_PROBE));
    const trainer = spawned.value;
    starts.push(spawned.ms);
    try {
      const first = options.networks[0];
      const firstMs = await trainOrThrow(trainer, request(first, 1, 1));
      firstExtra.push(firstMs - (await trainOrThrow(trainer, request(first, 1, 1))));
      for (let rep = 0; rep < options.reps; rep++) {
        const cases = options.networks.flatMap((network) =>
          options.epochs.map((epochs) => ({ network, epochs })),
        );
        if (rep % 2) cases.reverse();
        for (const { network, epochs } of cases) {
          const ms = await trainOrThrow(trainer, request(network, epochs, 10 + rep));
          rows.push({ ...shape, ...network, outputs: 1, epochs, ms: round(ms, 1) });
        }
      }
      log(`rates, ${dataset.name}: ${options.networks.length * options.epochs.length * options.reps} trials`);
    } finally {
      trainer.terminate();
    }
  }
  return {
    backend: options.backend,
    probe: REFERENCE_PROBE,
    probeMs: round(median([...fresh.auto, ...fresh.forced]), 2),
    freshProbesMs: fresh,
    workerStartMs: round(median(starts), 0),
    firstTrialExtraMs: round(median(firstExtra), 0),
    rows,
    scaling: await workerScaling(options, log),
    overhead: await schedulerOverhead(options, log),
  };
}

/**
 * What a trial costs beyond its training when the scheduler runs it: proposing, the request and its
 * checkpoint crossing to and from the worker, recording, and saving the study to IndexedDB after each
 * trial. The fit subtracts the training its model predicts for these trials.
 */
async function schedulerOverhead({ backend, overhead }: RatesOptions, log: (line: string) => void) {
  const dataset = shapedDataset(overhead.shape);
  const fixed = networkConfig(overhead.network);
  const space: SearchSpace = {
    params: [
      ...Object.entries(fixed)
        .filter(([name]) => name !== 'learning_rate')
        .map(([name, value]) => ({ kind: 'fixed' as const, name, value })),
      { kind: 'float', name: 'learning_rate', min: 1e-4, max: 1e-2, sampling: 'log' },
    ],
  };
  const setup = defaultSetup();
  const settings: StudySettings = {
    ...setup.study,
    space,
    tuner: { ...setup.study.tuner, algorithm: 'random', maxTrials: overhead.trials, epochs: 1 },
  };
  const id = `bench-overhead-${Date.now()}`;
  await saveStudy({ id, createdAt: Date.now(), updatedAt: Date.now(), datasetName: dataset.name, setup });
  const spawner = workerTrainerFactory(dataset, backend, REFERENCE_PROBE);
  const ready = [await spawner.create(0)];
  const factory = { create: async (i: number) => ready.shift() ?? spawner.create(i) };
  const study = new Study(settings);
  const { ms } = await timed(() =>
    new Scheduler(study, factory, {
      workers: 1,
      emit: () => {},
      save: (lanes) => saveStudyProgress(id, { state: lanes[0].toJSON() }),
    }).run(),
  );
  log(
    `rates, ${overhead.trials} small trials through the scheduler: ${round(ms / overhead.trials, 1)} ms each`,
  );
  return {
    ...overhead,
    epochs: 1,
    ms: round(ms, 0),
    completed: study.trials.filter((t) => t.state === 'completed').length,
  };
}

/** Sampled course configs on pools of 1, 2, 4… workers, alternately: the speed-up over one worker. */
async function workerScaling({ backend, scaling }: RatesOptions, log: (line: string) => void) {
  const dataset = shapedDataset(scaling.shape);
  const { configs } = sampleWorkload(scaling.configs, scaling.epochs);
  const requests = configs.map((config, i) => ({
    config,
    seed: 100 + i,
    epochs: scaling.epochs,
    initialEpoch: 0,
  }));
  const most = Math.max(...scaling.workers);
  const trainers: SpawnedTrainer[] = [];
  for (let i = 0; i < most; i++) trainers.push(await spawnTrainer(dataset, backend, REFERENCE_PROBE));
  const ms: Record<number, number[]> = {};
  try {
    await runOnPool(trainers, requests.slice(0, most));
    for (let rep = 0; rep < scaling.reps; rep++) {
      const order = rep % 2 ? [...scaling.workers].reverse() : scaling.workers;
      for (const workers of order) {
        const run = await runOnPool(trainers.slice(0, workers), requests);
        (ms[workers] ??= []).push(round(run.ms, 0));
      }
    }
  } finally {
    for (const t of trainers) t.terminate();
  }
  const one = median(ms[1] ?? []);
  const speedup = scaling.workers.map((w) => round(one / median(ms[w]), 3));
  log(`rates, worker scaling ${scaling.workers.join('/')}: ×${speedup.join(' / ×')}`);
  return { ...scaling, ms, speedup };
}
