/// <reference lib="webworker" />
/** A trainer worker: owns one tfjs backend and a copy of the dataset, trains trials on request. */
import * as Comlink from 'comlink';
import type { Config } from '../core/space/types';
import type { EncodedDataset } from '../data/types';
import {
  checkpointBuffers,
  chooseBackend,
  evaluateOnTest,
  exportTrainedModel,
  measureBackend,
  pageCourtesy,
  warmUpTraining,
  predictGrid,
  trainGroupOrFail,
  trainTrialOrFail,
  type OnProbe,
  type ProbeShape,
} from '../train';
import type { Checkpoint, EpochReport, TrainRequest, TrainResult } from '../train/types';
import { exposeWorker } from './expose-worker';
import { makesWayForPage, PAGE_BUSY_CHANNEL } from './page-busy-channel';
import { KeeperClaim, keeperSlots, type Locks } from './keeper-slots';
import type { BackendInfo, BackendPreference, Measurement } from './protocol';

let data: EncodedDataset | undefined;
let stopRequested = false;
let paused = false;
/** The latest warm-up's stop flag: each warm-up has its own, so a new one never revives one stopped. */
let warmUpStop = { requested: false };
/** The warm-up under way: training waits for it, so two never interleave on one backend. */
let warming: Promise<unknown> = Promise.resolve();
let release: (() => void) | undefined;

async function waitWhilePaused(): Promise<void> {
  while (paused && !stopRequested) await new Promise<void>((resolve) => (release = resolve));
}

function dataset(): EncodedDataset {
  if (!data) throw new Error('The trainer has no dataset: call init or load first');
  return data;
}

const api = {
  /** Starts the backend; `dataset` may come later by `load` (a spare trainer started before Start). */
  async init(
    dataset: EncodedDataset | undefined,
    preference: BackendPreference,
    probe: ProbeShape,
    onProbe?: OnProbe,
  ): Promise<BackendInfo> {
    data = dataset;
    const choice = await chooseBackend(preference, probe, onProbe && ((...a) => void onProbe(...a)));
    return { backend: choice.backend, reason: choice.reason };
  },

  /**
   * Chooses the backend as `init` would and times `probe` on it: this machine's speed. The trainer
   * stays ready on that backend (its dataset comes by `load`).
   */
  async measure(preference: BackendPreference, probe: ProbeShape, onProbe?: OnProbe): Promise<Measurement> {
    const choice = await measureBackend(preference, probe, onProbe && ((...a) => void onProbe(...a)));
    return { backend: choice.backend, reason: choice.reason, probeMs: choice.probeMs };
  },

  /**
   * Trains a small generated problem, so this worker's training code is optimised before a search;
   * `load` ends it at the next epoch's end. Resolves with the epochs it trained.
   */
  warmUp(): Promise<number> {
    const stop = { requested: false };
    warmUpStop = stop;
    // After the one before it has ended: two never interleave on the backend.
    const run = warming
      .catch(() => {})
      .then(() => (stop.requested ? 0 : warmUpTraining(() => stop.requested)));
    warming = run;
    return run;
  },

  /** Ends the warm-up at its next epoch's end (the page needs the cores: a file is loading). */
  stopWarmUp(): void {
    warmUpStop.requested = true;
  },

  load(dataset: EncodedDataset): void {
    data = dataset;
    warmUpStop.requested = true;
  },

  async train(request: TrainRequest, onEpoch: (report: EpochReport) => void): Promise<TrainResult> {
    stopRequested = false;
    await warming.catch(() => {});
    const result = await trainTrialOrFail(
      dataset(),
      request,
      (report) => void onEpoch(report),
      () => stopRequested,
      waitWhilePaused,
    );
    return Comlink.transfer(result, result.checkpoint ? checkpointBuffers(result.checkpoint) : []);
  },

  /**
   * Trains the requests as one fused group (see planGroups for which requests to group); one result
   * per request, in order. `onEpoch` gets the request's position with each report.
   */
  async trainGroup(
    requests: TrainRequest[],
    onEpoch: (index: number, report: EpochReport) => void,
  ): Promise<TrainResult[]> {
    stopRequested = false;
    await warming.catch(() => {});
    const results = await trainGroupOrFail(
      dataset(),
      requests,
      (index, report) => void onEpoch(index, report),
      () => stopRequested,
      waitWhilePaused,
    );
    const buffers = results.flatMap((r) => (r.checkpoint ? checkpointBuffers(r.checkpoint) : []));
    return Comlink.transfer(results, [...new Set(buffers)]);
  },

  setPaused(value: boolean): void {
    paused = value;
    if (!value) release?.();
  },

  stop(): void {
    stopRequested = true;
    release?.();
  },

  evaluate: (config: Config, checkpoint: Checkpoint) => evaluateOnTest(dataset(), config, checkpoint),

  async exportModel(config: Config, checkpoint: Checkpoint) {
    const artifacts = await exportTrainedModel(dataset(), config, checkpoint);
    return Comlink.transfer(artifacts, [artifacts.weights]);
  },

  async predictGrid(
    config: Config,
    checkpoint: Checkpoint,
    grid: { size: number; xRange: [number, number]; yRange: [number, number] },
  ) {
    const values = await predictGrid(dataset(), config, checkpoint, grid);
    return Comlink.transfer(values, [values.buffer]);
  },
};

export type TrainerWorkerApi = typeof api;
const workerName = (globalThis as { name?: string }).name ?? '';
const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;
if (typeof BroadcastChannel === 'function')
  pageCourtesy.listen(
    new BroadcastChannel(PAGE_BUSY_CHANNEL),
    locks
      ? new KeeperClaim(locks, keeperSlots(globalThis.navigator.hardwareConcurrency || 2))
      : { keeps: !makesWayForPage(workerName), claim() {} },
  );
exposeWorker(api);
