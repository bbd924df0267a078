/**
 * Issue 17's whole-search figures. One default search (the app's default preset: Hyperband, seed 42)
 * through the real Scheduler and trainer workers, timed from Start to the last result, with the
 * configs and epochs every trial trained and the Optuna bundle the app would export for it, so the
 * runner can train the same configs for the same epochs with the bundle's PyTorch trainer.
 */
import { defaultSetup } from '../../../src/core/experiment';
import { executionSeed, Study, type StudySettings } from '../../../src/core/study';
import type { Config } from '../../../src/core/space/types';
import type { EncodedDataset } from '../../../src/data/types';
import { loadCsv } from '../../../src/data';
import { optunaBundle } from '../../../src/report/export/optuna-bundle';
import { Scheduler } from '../../../src/scheduler/scheduler';
import type { BackendName } from '../../../src/train';
import type { TrainerHandle } from '../../../src/scheduler/trainer-handle';
import { workerTrainerFactory } from '../../../src/workers/worker-trainers';
import { bankMarketingCsv } from '../../../test/fixtures/generated';
import { loadDataset } from '../support/datasets';
import { round } from '../support/stats';

export interface WholeSearchOptions {
  /** A built-in dataset id, or `bank-marketing:ROWS` for the generated bank-marketing table. */
  dataset: string;
  backend: BackendName;
  workers: number;
  /** Hyperband's R; the app's default when left out. */
  maxEpochs?: number;
  /** Return the Optuna bundle's files (for the PyTorch baseline). */
  bundle?: boolean;
}

export interface TrainedConfig {
  config: Config;
  epochs: number;
  seed: number;
}

const SPLIT_SEED = 42;

async function datasetFor(id: string): Promise<{ dataset: EncodedDataset; loadMs: number; name: string }> {
  const started = performance.now();
  const generated = /^bank-marketing:(\d+)$/.exec(id);
  if (!generated) return { dataset: await loadDataset(id), loadMs: performance.now() - started, name: id };
  const csv = bankMarketingCsv(Number(generated[1]));
  const loaded = loadCsv(csv, { seed: SPLIT_SEED, target: 'y', fileName: 'bank-marketing.csv' });
  if (!loaded.ok) throw new Error(`bank-marketing: ${loaded.error.message}`);
  return {
    dataset: loaded.value.dataset,
    loadMs: performance.now() - started,
    name: 'bank marketing (generated)',
  };
}

/** Each trial's config, the epochs it trained in all (promotions included) and its first seed. */
function trainedConfigs(study: Study, settings: StudySettings): TrainedConfig[] {
  return study.trials.flatMap((t) =>
    t.executions
      .filter((e) => e.history.length > 0)
      .map((e, i) => ({
        config: t.config,
        epochs: e.history.length,
        seed: executionSeed(settings.seed, t.number, i),
      })),
  );
}

export async function wholeSearch(options: WholeSearchOptions, log: (line: string) => void) {
  const { dataset, loadMs, name } = await datasetFor(options.dataset);
  const base = defaultSetup().study;
  const settings: StudySettings = {
    ...base,
    tuner: { ...base.tuner, ...(options.maxEpochs !== undefined && { maxEpochs: options.maxEpochs }) },
  };
  const study = new Study(settings);
  const probe = { inputs: dataset.features, units: 32, batch: 32 };
  const spawnStarted = performance.now();
  const spawner = workerTrainerFactory(dataset, options.backend, probe);
  const ready = await Promise.all(Array.from({ length: options.workers }, (_, i) => spawner.create(i)));
  const spawnMs = performance.now() - spawnStarted;
  const backends = ready.map((t) => t.backend.backend);
  let trainerMs = 0;
  let resultMs = 0;
  const timed = (trainer: TrainerHandle): TrainerHandle => ({
    ...trainer,
    backend: trainer.backend,
    async train(request, onEpoch) {
      const callStarted = performance.now();
      const result = await trainer.train(request, onEpoch);
      trainerMs += performance.now() - callStarted;
      resultMs += result.ms;
      return result;
    },
    async trainGroup(requests, onEpoch) {
      const callStarted = performance.now();
      const results = await trainer.trainGroup(requests, onEpoch);
      trainerMs += performance.now() - callStarted;
      resultMs += results.reduce((sum, r) => sum + r.ms, 0);
      return results;
    },
    setPaused: (paused) => trainer.setPaused(paused),
    stop: () => trainer.stop(),
    terminate: () => trainer.terminate(),
  });
  const factory = {
    create: async (i: number, avoid?: BackendName) =>
      timed((avoid === undefined && ready.shift()) || (await spawner.create(i, avoid))),
  };
  let firstResultMs: number | undefined;
  let epochsDone = 0;
  const started = performance.now();
  await new Scheduler(study, factory, {
    workers: options.workers,
    emit: (event) => {
      if (event.type !== 'epochs') return;
      firstResultMs ??= performance.now() - started;
      const before = epochsDone;
      epochsDone += event.items.length;
      if (Math.floor(epochsDone / 20) > Math.floor(before / 20))
        log(
          `whole search ${name}: ${epochsDone} trial-epochs after ${round((performance.now() - started) / 1000, 1)} s`,
        );
    },
  }).run();
  const searchMs = performance.now() - started;
  const trials = trainedConfigs(study, settings);
  log(
    `whole search ${name}, ${options.workers} worker(s): ${round(searchMs / 1000, 1)} s, ${study.trials.length} trials, ${study.epochsConsumed} trial-epochs`,
  );
  return {
    dataset: name,
    rows: dataset.rows,
    features: dataset.features,
    trainRows: dataset.splits.train.length,
    validationRows: dataset.splits.validation.length,
    backend: options.backend,
    backends,
    workers: options.workers,
    trials: study.trials.length,
    trialEpochs: study.epochsConsumed,
    phases: {
      dataMs: round(loadMs, 0),
      workersMs: round(spawnMs, 0),
      firstResultMs: firstResultMs === undefined ? undefined : round(firstResultMs, 0),
      searchMs: round(searchMs, 0),
      /** Time inside trainer calls, summed over workers (side by side, so it may exceed searchMs). */
      trainerCallsMs: round(trainerMs, 0),
      /** The trainers' own measure of those calls (building models, uploading rows, training). */
      trainingMs: round(resultMs, 0),
    },
    configs: trials,
    bundle: options.bundle
      ? optunaBundle({
          state: study.toJSON(),
          dataset,
          datasetName: name,
          backend: options.backend,
          createdAt: new Date().toISOString(),
        })
      : undefined,
  };
}
