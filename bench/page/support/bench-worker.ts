/** Spawns the benchmark worker and wraps it as a TrainerHandle, so the real Scheduler can drive it. */
import * as Comlink from 'comlink';
import type { EncodedDataset } from '../../../src/data/types';
import type { BackendPreference } from '../../../src/train/backend-select';
import type { TrainerFactory, TrainerHandle } from '../../../src/scheduler/trainer-handle';
import type { BenchWorkerApi } from './bench.worker';
import type { MemoryPoint } from './bench-types';

export interface BenchWorker extends TrainerHandle {
  readonly api: Comlink.Remote<BenchWorkerApi>;
  /** tf.memory() in the worker after each of its trials. */
  readonly memory: MemoryPoint[];
}

export async function spawnBenchWorker(
  dataset: EncodedDataset,
  preference: BackendPreference,
  wasmThreads?: number,
): Promise<BenchWorker> {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'bench' });
  const api = Comlink.wrap<BenchWorkerApi>(worker);
  const backend = await api.init(dataset, preference, wasmThreads);
  const memory: MemoryPoint[] = [];
  return {
    api,
    backend,
    memory,
    async train(request, onEpoch) {
      const { result, memory: point } = await api.train(request, Comlink.proxy(onEpoch));
      memory.push(point);
      return result;
    },
    async trainGroup(requests, onEpoch) {
      const { results, memory: point } = await api.trainGroup(requests, Comlink.proxy(onEpoch));
      memory.push(point);
      return results;
    },
    setPaused: () => {},
    stop: () => void api.stop(),
    terminate() {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/** A factory that remembers what it spawned, so the caller can read each worker's memory log. */
export function benchWorkerFactory(
  dataset: EncodedDataset,
  preference: BackendPreference,
): TrainerFactory & { spawned: BenchWorker[] } {
  const spawned: BenchWorker[] = [];
  return {
    spawned,
    async create() {
      const trainer = await spawnBenchWorker(dataset, preference);
      spawned.push(trainer);
      return trainer;
    },
  };
}
