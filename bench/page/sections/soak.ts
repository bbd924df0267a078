/**
 * Figure 5 and the soak: a random search of tiny models through the real Scheduler; tf.memory() is read
 * in the worker after every trial and the page's heap (after a forced GC) at chosen trial counts.
 */
import { defaultTunerSettings } from '../../../src/core/oracles/settings';
import type { SearchSpace } from '../../../src/core/space/types';
import { Study } from '../../../src/core/study';
import type { BackendName } from '../../../src/train';
import { Scheduler } from '../../../src/scheduler/scheduler';
import { benchWorkerFactory } from '../support/bench-worker';
import { loadDataset } from '../support/datasets';

const TINY: SearchSpace = {
  params: [
    { kind: 'int', name: 'layers', min: 1, max: 1 },
    { kind: 'int', name: 'units_0', min: 4, max: 16, step: 4 },
    { kind: 'float', name: 'learning_rate', min: 1e-3, max: 1e-1, sampling: 'log' },
    { kind: 'choice', name: 'optimizer', values: ['adam', 'rmsprop', 'sgd'] },
    { kind: 'fixed', name: 'batch_size', value: 128 },
  ],
};

export interface SoakOptions {
  trials: number;
  heapAt: number[];
  backend: BackendName;
  dataset: string;
}

/** `heap` is the runner's probe (CDP: GC, then Runtime.getHeapUsage), awaited between trials. */
export async function soak(
  options: SoakOptions,
  heap: () => Promise<{ usedSize: number }>,
  log: (line: string) => void,
) {
  const dataset = await loadDataset(options.dataset);
  const study = new Study({
    space: TINY,
    tuner: { ...defaultTunerSettings, algorithm: 'random', maxTrials: options.trials, epochs: 1 },
    objective: { metric: 'val_loss', direction: 'min' },
    scoring: 'best',
    executionsPerTrial: 1,
    seed: 3,
    budget: 'epochs',
  });
  const factory = benchWorkerFactory(dataset, options.backend);
  const heapPoints: { trials: number; usedBytes: number }[] = [];
  let finished = 0;
  const started = performance.now();
  const scheduler = new Scheduler(study, factory, {
    workers: 1,
    emit: () => {},
    save: async () => {
      finished = study.trials.filter((t) => t.state !== 'running' && t.state !== 'pending').length;
      if (options.heapAt.includes(finished) && !heapPoints.some((p) => p.trials === finished)) {
        heapPoints.push({ trials: finished, usedBytes: (await heap()).usedSize });
        log(
          `soak: ${finished} trials, page heap ${(heapPoints[heapPoints.length - 1].usedBytes / 1e6).toFixed(2)} MB`,
        );
      }
    },
  });
  await scheduler.run();
  const memory = factory.spawned.flatMap((w) => w.memory);
  const failed = study.trials.filter((t) => t.state !== 'completed').length;
  return {
    trials: options.trials,
    completed: study.trials.length - failed,
    failed,
    seconds: (performance.now() - started) / 1000,
    workerMemory: memory.filter((m) => [1, 50, 200, 300, options.trials].includes(m.trials)),
    workerMemoryAll: memory.map((m) => [m.trials, m.numTensors, m.numBytes]),
    pageHeap: heapPoints,
  };
}
