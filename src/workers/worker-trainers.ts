/** Trainer workers behind the TrainerHandle interface: spawning, Comlink wiring and crash detection. */
import * as Comlink from 'comlink';
import type { EncodedDataset } from '../data/types';
import type { ProbeShape } from '../train/backend-probe';
import { fallbackChain } from '../train/backend-select';
import type { BackendInfo, BackendPreference } from './protocol';
import type { TrainerFactory, TrainerHandle } from '../scheduler/trainer-handle';
import type { TrainerWorkerApi } from './trainer.worker';
import { connectWorker } from './worker-client';

export interface SpawnedTrainer extends TrainerHandle {
  readonly api: Comlink.Remote<TrainerWorkerApi>;
}

/** Spawns one trainer worker and initialises its backend; any call in flight rejects if the worker dies. */
export async function spawnTrainer(
  dataset: EncodedDataset,
  preference: BackendPreference,
  probe: ProbeShape,
): Promise<SpawnedTrainer> {
  const client = connectWorker<TrainerWorkerApi>(
    () => new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' }),
    'the trainer worker',
  );
  const { api } = client;
  const backend = await client.call((w) => w.init(dataset, preference, probe));
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

/** A factory for the scheduler: the first worker measures (auto), the rest reuse its choice. */
export function workerTrainerFactory(
  dataset: EncodedDataset,
  preference: BackendPreference,
  probe: ProbeShape,
): TrainerFactory & { chosen?: BackendInfo } {
  const factory: TrainerFactory & { chosen?: BackendInfo } = {
    async create(_index, avoid) {
      let wanted: BackendPreference = factory.chosen?.backend ?? preference;
      if (avoid) wanted = fallbackChain(avoid)[1] ?? 'cpu';
      const trainer = await spawnTrainer(dataset, wanted, probe);
      if (!factory.chosen || avoid) factory.chosen = trainer.backend;
      else if (trainer.backend.backend === factory.chosen.backend)
        return { ...trainer, backend: factory.chosen };
      return trainer;
    },
  };
  return factory;
}
