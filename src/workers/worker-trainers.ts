/** Trainer workers behind the TrainerHandle interface: spawning, Comlink wiring and crash detection. */
import * as Comlink from 'comlink';
import type { EncodedDataset } from '../data/types';
import type { ProbeShape } from '../train/backend-probe';
import { fallbackChain } from '../train/backend-select';
import type { BackendInfo, BackendName, BackendPreference } from './protocol';
import type { TrainerFactory, TrainerHandle } from '../scheduler/trainer-handle';
import type { TrainerWorkerApi } from './trainer.worker';
import { connectWorker } from './worker-client';

export interface SpawnedTrainer extends TrainerHandle {
  readonly api: Comlink.Remote<TrainerWorkerApi>;
}

/** Told as each backend's probe begins, while `auto` measures them. */
export type OnProbe = (name: BackendName, index: number, of: number) => void;

/** Spawns one trainer worker and initialises its backend; any call in flight rejects if the worker dies. */
export async function spawnTrainer(
  dataset: EncodedDataset,
  preference: BackendPreference,
  probe: ProbeShape,
  onProbe?: OnProbe,
): Promise<SpawnedTrainer> {
  const client = connectWorker<TrainerWorkerApi>(
    () => new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' }),
    'the trainer worker',
  );
  const { api } = client;
  const backend = await client.call((w) =>
    w.init(dataset, preference, probe, onProbe && Comlink.proxy(onProbe)),
  );
  return {
    api,
    backend,
    train: (request, onEpoch) => client.call((w) => w.train(request, Comlink.proxy(onEpoch))),
    trainGroup: (requests, onEpoch) => client.call((w) => w.trainGroup(requests, Comlink.proxy(onEpoch))),
    setPaused: (paused) => void (client.alive && api.setPaused(paused)),
    stop: () => void (client.alive && api.stop()),
    terminate: () => client.release(),
  };
}

/**
 * A factory for the scheduler. The backend is chosen once: `known` when the page measured it before
 * Start, else by the first worker (auto probes), while the others wait for its choice rather than
 * probing the same backends at the same time.
 */
export function workerTrainerFactory(
  dataset: EncodedDataset,
  preference: BackendPreference,
  probe: ProbeShape,
  { known, onProbe }: { known?: BackendInfo; onProbe?: OnProbe } = {},
): TrainerFactory & { chosen?: BackendInfo } {
  let choosing: Promise<unknown> | undefined;
  const factory: TrainerFactory & { chosen?: BackendInfo } = {
    chosen: known,
    async create(_index, avoid) {
      if (!factory.chosen && choosing && !avoid) await choosing.catch(() => {});
      let wanted: BackendPreference = factory.chosen?.backend ?? preference;
      if (avoid) wanted = fallbackChain(avoid)[1] ?? 'cpu';
      const spawning = spawnTrainer(dataset, wanted, probe, factory.chosen ? undefined : onProbe);
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
