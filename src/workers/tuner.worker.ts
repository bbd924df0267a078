/// <reference lib="webworker" />
/** The tuner worker: owns the study and the oracle, schedules trainer workers, streams events. */
import * as Comlink from 'comlink';
import { decayPair } from '../core/model/decay-pair';
import { Study } from '../core/study';
import type { EpochRecord } from '../core/scoring';
import type { Config } from '../core/space/types';
import type { ProbeShape } from '../train/backend-probe';
import { MEASURED_COSTS } from '../core/fusion/measured-costs';
import { planGroups } from '../core/fusion/plan-groups';
import type { Checkpoint, TrainRequest } from '../train/types';
import type { Evaluation, RunSetup, TunerEvent } from './protocol';
import { Scheduler } from '../scheduler/scheduler';
import { saveStudy, saveStudyProgress, storageProblem } from '../storage/study-store';
import { spawnTrainer, workerTrainerFactory, type OnProbe, type SpawnedTrainer } from './worker-trainers';
import { exposeWorker } from './expose-worker';
import { SpareTrainers } from './spare-trainers';
import type { BackendName, BackendPreference } from './protocol';

let scheduler: Scheduler | undefined;
let setup: RunSetup | undefined;
let utility: Promise<SpawnedTrainer> | undefined;
/** The search's trainers: it knows the backend they chose, so the utility trainer need not probe again. */
let trainers: ReturnType<typeof workerTrainerFactory> | undefined;
let storageWarned = false;
const spares = new SpareTrainers();

/** Runs a storage write; the first failure of a search is told once, and the search goes on in memory. */
async function storing(write: () => Promise<void>, what: string, emit: (e: TunerEvent) => void) {
  try {
    await write();
  } catch (error) {
    if (storageWarned) return;
    storageWarned = true;
    emit({
      type: 'notice',
      level: 'warning',
      message: `${what} (${storageProblem(error)}); the search goes on in memory.`,
    });
  }
}

function probeShape(s: RunSetup): ProbeShape {
  return { inputs: s.dataset.features, units: 256, batch: 32, layers: 3 };
}

/** A trainer kept apart from the search for the best model's evaluation, export and plots. */
function utilityTrainer(): Promise<SpawnedTrainer> {
  if (!setup) throw new Error('No search has been started');
  const s = setup;
  utility ??= spawnTrainer(s.dataset, trainers?.chosen?.backend ?? s.backend, probeShape(s));
  return utility;
}

function best(lane: number): { config: Config; checkpoint: Checkpoint } {
  const found = scheduler?.bestCheckpoint(lane);
  if (!found) throw new Error('No finished trial has a model yet');
  return { config: found.trial.config, checkpoint: found.checkpoint };
}

/** A single search's time budget (a race shares an epoch budget instead); undefined: none. */
function timeBudgetMs(runSetup: RunSetup): number | undefined {
  const minutes = runSetup.race ? 0 : (runSetup.saved.setup.timeBudget ?? 0);
  return minutes > 0 ? minutes * 60_000 : undefined;
}

const api = {
  async start(runSetup: RunSetup, onEvent: (event: TunerEvent) => void): Promise<void> {
    scheduler?.stop();
    utility?.then((t) => t.terminate()).catch(() => {});
    utility = undefined;
    setup = runSetup;
    storageWarned = false;
    const studies = runSetup.race
      ? runSetup.race.map((settings) => new Study(settings))
      : [runSetup.restore ? Study.restore(runSetup.restore) : new Study(runSetup.study)];
    const emit = (event: TunerEvent) => void onEvent(event);
    emit({ type: 'phase', phase: { step: 'saving' } });
    const factory = (trainers = workerTrainerFactory(
      runSetup.dataset,
      runSetup.backend,
      probeShape(runSetup),
      {
        known: runSetup.known,
        spares,
        onProbe: (probing, index, of) =>
          emit({ type: 'phase', phase: { step: 'backends', probing, index, of } }),
      },
    ));
    scheduler = new Scheduler(studies, factory, {
      workers: runSetup.workers,
      startedAt: runSetup.startedAt,
      timeBudgetMs: timeBudgetMs(runSetup),
      earlyStopping: runSetup.earlyStopping,
      folds: runSetup.dataset.splits.folds?.length,
      emit,
      save: (lanes) =>
        storing(
          () =>
            saveStudyProgress(
              runSetup.studyId,
              runSetup.race ? { race: lanes.map((s) => s.toJSON()) } : { state: lanes[0].toJSON() },
            ),
          'Progress is not being saved',
          emit,
        ),
    });
    await storing(
      () =>
        saveStudy({
          id: runSetup.studyId,
          ...runSetup.saved,
          updatedAt: Date.now(),
          state: runSetup.restore,
        }),
      'This study will not survive a reload',
      emit,
    );
    for (const trial of studies[0].trials) emit({ type: 'trial', lane: 0, trial: structuredClone(trial) });
    // The backend the factory will ask spares for (see workerTrainerFactory).
    const wanted = factory.chosen?.backend ?? runSetup.backend;
    const waiting = wanted === 'auto' ? 0 : spares.countOn(wanted);
    emit({ type: 'phase', phase: { step: 'workers', of: Math.max(1, runSetup.workers), waiting } });
    void scheduler.run(runSetup.paused).catch((error: unknown) =>
      emit({
        type: 'status',
        status: 'error',
        reason: error instanceof Error ? error.message : String(error),
        progress: scheduler!.progress(),
        bestIds: [],
      }),
    );
  },
  /** This machine's speed, measured in a new trainer that is kept for the next search (SpareTrainers.measure). */
  measureMachine: (preference: BackendPreference, onProbe: OnProbe) =>
    spares.measure(preference, (...a) => void onProbe(...a)),
  /** Keeps `count` trainers started on `backend` for the next search (the page asks while it is idle). */
  warm: (backend: BackendName, count: number) => spares.keep(backend, count),
  /** Ends the kept trainers' warm-ups while the page needs the cores (SpareTrainers.rest). */
  rest: () => spares.rest(),
  /** A lane's study as plain JSON (for exports), or undefined before any search. */
  snapshot: (lane = 0) => scheduler?.studies[lane]?.toJSON(),
  pause: () => scheduler?.pause(),
  resume: () => scheduler?.resume(),
  step: () => scheduler?.step(),
  stop: () => scheduler?.stop(),

  async evaluateBest(lane = 0): Promise<Evaluation> {
    const { config, checkpoint } = best(lane);
    const result = await (await utilityTrainer()).api.evaluate(config, checkpoint);
    return { split: 'test', ...result };
  },

  async exportBestModel(lane = 0) {
    const { config, checkpoint } = best(lane);
    return (await utilityTrainer()).api.exportModel(config, checkpoint);
  },

  async decisionBoundary(
    grid: { size: number; xRange: [number, number]; yRange: [number, number] },
    lane = 0,
  ) {
    const { config, checkpoint } = best(lane);
    return (await utilityTrainer()).api.predictGrid(config, checkpoint, grid);
  },

  /** Trains the best config twice from scratch, with a constant rate and with decay, for the same epochs. */
  async decayExperiment(
    epochs: number,
    lane = 0,
  ): Promise<{ constant: EpochRecord[]; decayed: EpochRecord[]; decay: { rate: number; steps: number } }> {
    const { constant, decayed, decay } = decayPair(best(lane).config);
    const trainer = await utilityTrainer();
    const pair: TrainRequest[] = [constant, decayed].map((config) => ({
      config,
      seed: 7,
      epochs,
      initialEpoch: 0,
    }));
    // The same network twice: one fused model where the cost model says it is faster.
    const [plan] = planGroups(pair, trainer.backend.backend, MEASURED_COSTS);
    const results =
      plan.fused && plan.indices.length === 2
        ? await trainer.api.trainGroup(
            pair,
            Comlink.proxy(() => {}),
          )
        : [
            await trainer.api.train(
              pair[0],
              Comlink.proxy(() => {}),
            ),
            await trainer.api.train(
              pair[1],
              Comlink.proxy(() => {}),
            ),
          ];
    const [constantHistory, decayedHistory] = results.map((result) =>
      result.history.map((r) => ({ epoch: r.epoch, metrics: r.metrics, learningRate: r.learningRate })),
    );
    return { constant: constantHistory, decayed: decayedHistory, decay };
  },
};

export type TunerWorkerApi = typeof api;
exposeWorker(api);
