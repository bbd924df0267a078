/** Trainer workers behind the TrainerHandle interface: spawning, Comlink wiring and crash detection. */
import * as Comlink from 'comlink';
import type { EncodedDataset } from '../data/types';
import type { ProbeShape } from '../train/backend-probe';
import type { BackendInfo, BackendName, BackendPreference } from './protocol';
import type { TrainerFactory, TrainerHandle } from './trainer-handle';
import type { TrainerWorkerApi } from './trainer.worker';

const FALLBACK: Record<BackendName, BackendPreference> = {
  webgpu: 'webgl',
  webgl: 'wasm',
  wasm: 'cpu',
  cpu: 'cpu',
};

export interface SpawnedTrainer extends TrainerHandle {
  readonly api: Comlink.Remote<TrainerWorkerApi>;
}

/** Spawns one trainer worker; any call in flight rejects if the worker dies (an 'error' event, or its life lock freed). */
export async function spawnTrainer(
  dataset: EncodedDataset,
  preference: BackendPreference,
  probe: ProbeShape,
): Promise<SpawnedTrainer> {
  const worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), {
    type: 'module',
    name: 'trainer',
  });
  const api = Comlink.wrap<TrainerWorkerApi>(worker);
  let crash: (reason: Error) => void = () => {};
  const crashed = new Promise<never>((_, reject) => (crash = reject));
  crashed.catch(() => {});
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    crash(new Error(event.message || 'the trainer worker crashed'));
  });
  let terminated = false;
  const guard = <T>(call: Promise<T>): Promise<T> => Promise.race([call, crashed]);
  if (typeof navigator !== 'undefined' && navigator.locks) {
    const lifeLock = `trainer-life-${crypto.randomUUID()}`;
    await guard(api.holdLifeLock(lifeLock));
    void navigator.locks.request(lifeLock, () => {
      if (!terminated) crash(new Error('the trainer worker stopped unexpectedly'));
    });
  }
  const backend = await guard(api.init(dataset, preference, probe));
  return {
    api,
    backend,
    train: (request, onEpoch) => guard(api.train(request, Comlink.proxy(onEpoch))),
    setPaused: (paused) => void (terminated || api.setPaused(paused)),
    stop: () => void (terminated || api.stop()),
    terminate() {
      terminated = true;
      crash(new Error('the trainer worker was terminated'));
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
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
      if (avoid) wanted = FALLBACK[avoid];
      const trainer = await spawnTrainer(dataset, wanted, probe);
      if (!factory.chosen || avoid) factory.chosen = trainer.backend;
      else if (trainer.backend.backend === factory.chosen.backend)
        return { ...trainer, backend: factory.chosen };
      return trainer;
    },
  };
  return factory;
}
