/**
 * Issue 12's end-to-end figure: trial-epochs per second of whole searches through the real Scheduler
 * and trainer workers (fused groups where the cost model says so), against naive `model.fit` training
 * the same configs for the same epochs one after another in one worker, alternately, in this page.
 */
import { defaultSetup } from '../../../src/core/experiment';
import { courseSearchSpace } from '../../../src/core/space';
import type { SearchSpace } from '../../../src/core/space/types';
import { Study, type StudySettings } from '../../../src/core/study';
import type { BackendName } from '../../../src/train';
import { Scheduler } from '../../../src/scheduler/scheduler';
import { workerTrainerFactory } from '../../../src/workers/worker-trainers';
import { spawnBenchWorker } from '../support/bench-worker';
import { loadDataset } from '../support/datasets';
import { median, round } from '../support/stats';

export interface SearchThroughputOptions {
  dataset: string;
  backend: BackendName;
  workers: number;
  reps: number;
  /** The default search's R (the app's default is 10). */
  maxEpochs: number;
  /** The learning-rate-only search: trials, epochs each, executions each. */
  lrOnly: { trials: number; epochs: number; executions: number };
}

/** The course's space with everything but the learning rate fixed: a learning-rate-only search. */
export function learningRateOnly(): SearchSpace {
  const fixed: Record<string, number | string | boolean> = {
    layers: 2,
    units_0: 32,
    units_1: 32,
    dropout_0: 0,
    dropout_1: 0,
    optimizer: 'adam',
    lr_decay_rate: 1,
  };
  return {
    params: courseSearchSpace()
      .params.filter((p) => !p.condition || p.condition.parent !== 'layers')
      .filter((p) => p.condition?.parent !== 'lr_decay_rate')
      .map((p) => (p.name in fixed ? { kind: 'fixed' as const, name: p.name, value: fixed[p.name] } : p)),
  };
}

function searches(options: SearchThroughputOptions): { name: string; settings: StudySettings }[] {
  const base = defaultSetup().study;
  return [
    {
      name: 'default search (Hyperband)',
      settings: { ...base, tuner: { ...base.tuner, maxEpochs: options.maxEpochs } },
    },
    {
      name: `learning rate only, ${options.lrOnly.executions} executions`,
      settings: {
        ...base,
        space: learningRateOnly(),
        tuner: {
          ...base.tuner,
          algorithm: 'random',
          maxTrials: options.lrOnly.trials,
          epochs: options.lrOnly.epochs,
        },
        executionsPerTrial: options.lrOnly.executions,
      },
    },
  ];
}

export async function searchThroughput(options: SearchThroughputOptions, log: (line: string) => void) {
  const dataset = await loadDataset(options.dataset);
  const probe = { inputs: dataset.features, units: 32, batch: 32 };
  const naiveWorker = await spawnBenchWorker(dataset, options.backend);
  const rows = [];
  try {
    for (const { name, settings } of searches(options)) {
      const scheduledRates: number[] = [];
      const naiveRates: number[] = [];
      for (let rep = 0; rep < options.reps; rep++) {
        const study = new Study(settings);
        // Workers are started (and their backend initialised) before the clock starts, as model.fit's are.
        const spawner = workerTrainerFactory(dataset, options.backend, probe);
        const ready = await Promise.all(Array.from({ length: options.workers }, (_, i) => spawner.create(i)));
        const factory = {
          create: async (i: number, avoid?: BackendName) =>
            (avoid === undefined && ready.shift()) || spawner.create(i, avoid),
        };
        const started = performance.now();
        await new Scheduler(study, factory, { workers: options.workers, emit: () => {} }).run();
        const seconds = (performance.now() - started) / 1000;
        scheduledRates.push(study.epochsConsumed / seconds);
        // The same configs for the same epochs, each execution trained from scratch by model.fit.
        const naive = study.trials.flatMap((t) =>
          t.executions
            .filter((e) => e.history.length > 0)
            .map((e, i) => ({ config: t.config, seed: 100 + t.number * 10 + i, epochs: e.history.length })),
        );
        const result = await naiveWorker.api.naive(naive);
        const naiveSeconds = result.ms.reduce((a, b) => a + b, 0) / 1000;
        naiveRates.push(naive.reduce((n, r) => n + r.epochs, 0) / naiveSeconds);
        log(
          `search throughput, ${name}, rep ${rep + 1}: scheduler ${round(scheduledRates[rep])} vs naive ${round(naiveRates[rep])} trial-epochs/s (${study.trials.length} trials, ${study.epochsConsumed} epochs)`,
        );
      }
      const ratios = scheduledRates.map((r, i) => r / naiveRates[i]);
      rows.push({
        search: name,
        trialEpochsPerS: { scheduler: round(median(scheduledRates)), naive: round(median(naiveRates)) },
        ratio: {
          median: round(median(ratios), 2),
          min: round(Math.min(...ratios), 2),
          max: round(Math.max(...ratios), 2),
        },
      });
    }
  } finally {
    naiveWorker.terminate();
  }
  return {
    dataset: options.dataset,
    backend: options.backend,
    workers: options.workers,
    reps: options.reps,
    rows,
  };
}
