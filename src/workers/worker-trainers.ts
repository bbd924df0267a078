/** Trainer workers behind the TrainerHandle interface: spawning, Comlink wiring and crash detection. */
import * as Comlink from 'comlink';
import { trainerName } from './page-busy-channel';
import type { EncodedDataset } from '../data/types';
import type { ProbeShape } from '../train/backend-probe';
import { fallbackChain } from '../train/backend-select';
import type { BackendInfo, BackendName, BackendPreference, Measurement } from './protocol';
import type { TrainerFactory, TrainerHandle } from '../scheduler/trainer-handle';
import type { TrainerWorkerApi } from './trainer.worker';
import { connectWorker } from './worker-client';
import type { SpareTrainers } from './spare-trainers';

export interface SpawnedTrainer extends TrainerHandle {
  readonly api: Comlink.Remote<TrainerWorkerApi>;
  /** Gives a trainer spawned without data its copy of the dataset. */
  load(dataset: EncodedDataset): Promise<void>;
  /** Runs the training code on a small generated problem (see warmUpTraining). */
  warmUp(): Promise<number>;
  stopWarmUp(): void;
}

/** Told as each backend's probe begins, while `auto` measures them. */
export type OnProbe = (name: BackendName, index: number, of: number) => void;

let started = 0;

/** Starts a trainer worker; any call in flight rejects if the worker dies. */
function connectTrainer() {
  const name = trainerName(++started);
  const client = connectWorker<TrainerWorkerApi>(
    () => new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name }),
    'the trainer worker',
  );
  const { api } = client;
  const handle = (backend: BackendInfo): SpawnedTrainer => ({
    api,
    backend,
    load: (data) => client.call((w) => w.load(data)),
    warmUp: () => client.call((w) => w.warmUp()),
    stopWarmUp: () => void (client.alive && api.stopWarmUp()),
    train: (request, onEpoch) => client.call((w) => w.train(request, Comlink.proxy(onEpoch))),
    trainGroup: (requests, onEpoch) => client.call((w) => w.trainGroup(requests, Comlink.proxy(onEpoch))),
    setPaused: (paused) => void (client.alive && api.setPaused(paused)),
    stop: () => void (client.alive && api.stop()),
    terminate: () => client.release(),
  });
  return { client, handle };
}

/** Runs `setUp` on a new trainer; the worker is ended if it fails. */
async function spawnWith<T>(
  setUp: (api: Comlink.Remote<TrainerWorkerApi>) => Promise<T>,
): Promise<{ result: T; handle: (backend: BackendInfo) => SpawnedTrainer }> {
  const { client, handle } = connectTrainer();
  try {
    return { result: await client.call(setUp), handle };
  } catch (error) {
    client.release();
    throw error;
  }
}

/** Spawns one trainer worker and initialises its backend (with the dataset, or without it for a spare). */
export async function spawnTrainer(
  dataset: EncodedDataset | undefined,
  preference: BackendPreference,
  probe: ProbeShape,
  onProbe?: OnProbe,
): Promise<SpawnedTrainer> {
  const { result, handle } = await spawnWith((w) =>
    w.init(dataset, preference, probe, onProbe && Comlink.proxy(onProbe)),
  );
  return handle(result);
}

/**
 * Spawns a trainer that measures this machine (chooses the backend as a search would and times
 * `probe` on it); it stays ready on the chosen backend, without data.
 */
export async function spawnMeasuringTrainer(
  preference: BackendPreference,
  probe: ProbeShape,
  onProbe?: OnProbe,
): Promise<{ trainer: SpawnedTrainer; measurement: Measurement }> {
  const { result, handle } = await spawnWith((w) =>
    w.measure(preference, probe, onProbe && Comlink.proxy(onProbe)),
  );
  const { backend, reason } = result;
  return { trainer: handle({ backend, reason }), measurement: result };
}

/**
 * A factory for the scheduler. The backend is chosen once: `known` when the page measured it before
 * Start, else by the first worker (auto probes), while the others wait for its choice rather than
 * probing the same backends at the same time. A spare started before Start on the wanted backend is
 * taken before a new worker is spawned.
 */
export function workerTrainerFactory(
  dataset: EncodedDataset,
  preference: BackendPreference,
  probe: ProbeShape,
  {
    known,
    onProbe,
    spares,
  }: { known?: BackendInfo; onProbe?: OnProbe; spares?: Pick<SpareTrainers, 'take'> } = {},
): TrainerFactory & { chosen?: BackendInfo } {
  let choosing: Promise<unknown> | undefined;
  const factory: TrainerFactory & { chosen?: BackendInfo } = {
    chosen: known,
    async create(_index, avoid) {
      if (!factory.chosen && choosing && !avoid) await choosing.catch(() => {});
      let wanted: BackendPreference = factory.chosen?.backend ?? preference;
      if (avoid) wanted = fallbackChain(avoid)[1] ?? 'cpu';
      const spare = wanted === 'auto' ? undefined : await spares?.take(wanted, dataset);
      const spawning = spare
        ? Promise.resolve(spare)
        : spawnTrainer(dataset, wanted, probe, factory.chosen ? undefined : onProbe);
      if (!factory.chosen) choosing ??= spawning;
      const trainer = await spawning;
      if (!factory.chosen || avoid) factory.chosen = trainer.backend;
      else if (trainer.backend.backend === factory.chosen.backend)
        return { ...trainer, backend: factory.chosen };
      return trainer;
    },
  };
  return factory;
}
