/** Starts the tuner worker (the page has one): it owns the study and the trainer pool. */
import type { TunerWorkerApi } from './tuner.worker';
import { connectWorker, type WorkerClient } from './worker-client';

export const connectTuner = (): WorkerClient<TunerWorkerApi> =>
  connectWorker<TunerWorkerApi>(
    () => new Worker(new URL('./tuner.worker.ts', import.meta.url), { type: 'module', name: 'tuner' }),
    'the tuner',
  );
