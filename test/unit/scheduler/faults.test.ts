import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTunerSettings } from '../../../src/core/oracles/settings';
import type { SearchSpace } from '../../../src/core/space/types';
import { Study, type StudySettings } from '../../../src/core/study';
import type { EncodedDataset } from '../../../src/data/types';
import { failureReason } from '../../../src/train/failure-reason';
import { trainGroupOrFail } from '../../../src/train/fused/train-group-or-fail';
import { trainTrialOrFail } from '../../../src/train/train-or-fail';
import type { BackendName, TunerEvent } from '../../../src/workers/protocol';
import { Scheduler } from '../../../src/scheduler/scheduler';
import type { TrainerFactory, TrainerHandle } from '../../../src/scheduler/trainer-handle';
import { fakeTrainers } from '../support/fake-trainer';
import { linearDataset } from '../support/train-fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The real cpu trainer, in process: what trainer.worker.ts runs, minus the worker. */
function inProcessTrainers(data: EncodedDataset): TrainerFactory & { created: number } {
  const factory = {
    created: 0,
    async create(): Promise<TrainerHandle> {
      factory.created++;
      let stopped = false;
      return {
        backend: { backend: 'cpu', reason: 'in-process test trainer' },
        train: (request, onEpoch) => trainTrialOrFail(data, request, onEpoch, () => stopped),
        trainGroup: (requests, onEpoch) => trainGroupOrFail(data, requests, onEpoch, () => stopped),
        setPaused: () => {},
        stop: () => void (stopped = true),
        terminate: () => void (stopped = true),
      };
    },
  };
  return factory;
}

function gridStudy(space: SearchSpace, epochs = 3): StudySettings {
  return {
    space,
    tuner: { ...defaultTunerSettings, algorithm: 'grid', maxTrials: 10, epochs },
    objective: { metric: 'val_loss', direction: 'min' },
    scoring: 'best',
    executionsPerTrial: 1,
    seed: 3,
    budget: 'epochs',
  };
}

function collect(): { events: TunerEvent[]; emit: (e: TunerEvent) => void; notices: () => string[] } {
  const events: TunerEvent[] = [];
  return {
    events,
    emit: (e) => events.push(e),
    notices: () => events.flatMap((e) => (e.type === 'notice' ? [e.message] : [])),
  };
}

describe('faults during a search (real cpu trainer, in process)', () => {
  it('a diverging learning rate fails its trial with the reason; the study goes on and finishes', async () => {
    const space: SearchSpace = {
      params: [
        { kind: 'choice', name: 'learning_rate', values: [1e6, 0.01, 0.001] },
        { kind: 'fixed', name: 'optimizer', value: 'sgd' },
        { kind: 'fixed', name: 'layers', value: 2 },
        { kind: 'fixed', name: 'units_0', value: 32 },
        { kind: 'fixed', name: 'units_1', value: 32 },
        { kind: 'fixed', name: 'batch_size', value: 8 },
      ],
    };
    const log = collect();
    const trainers = inProcessTrainers(linearDataset(100, 4));
    const study = new Study(gridStudy(space));
    await new Scheduler(study, trainers, { workers: 1, emit: log.emit, flushMs: 5 }).run();

    const byRate = new Map(study.trials.map((t) => [t.config.learning_rate, t]));
    expect(byRate.get(1e6)).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/diverged at epoch 1/),
    });
    expect(byRate.get(0.01)?.state).toBe('completed');
    expect(byRate.get(0.001)?.state).toBe('completed');
    expect(log.events.filter((e) => e.type === 'status').at(-1)).toMatchObject({ status: 'done' });
    expect(trainers.created).toBe(1);
    expect(log.notices().some((n) => n.includes('retrying'))).toBe(false);
  });

  it('a model too large for memory fails with a plain-words reason, is not retried, and leaks no tensors', async () => {
    const space: SearchSpace = {
      params: [
        { kind: 'choice', name: 'units_0', values: [1e12, 16] },
        { kind: 'fixed', name: 'layers', value: 4 },
        { kind: 'fixed', name: 'units_1', value: 8 },
        { kind: 'fixed', name: 'units_2', value: 8 },
        { kind: 'fixed', name: 'units_3', value: 8 },
      ],
    };
    const before = tf.memory().numTensors;
    const log = collect();
    const trainers = inProcessTrainers(linearDataset(100, 4, 1000));
    const study = new Study(gridStudy(space, 2));
    await new Scheduler(study, trainers, { workers: 1, emit: log.emit, flushMs: 5 }).run();

    const huge = study.trials.find((t) => t.config.units_0 === 1e12);
    expect(huge?.state).toBe('failed');
    expect(huge?.reason).toMatch(
      /^out of memory: 4 layers × 1000000000000 units on 100 rows × \d+ features is too large for this device/,
    );
    expect(study.trials.find((t) => t.config.units_0 === 16)?.state).toBe('completed');
    expect(trainers.created).toBe(1);
    expect(log.notices()).toEqual([]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('an invalid config fails its trial with the config error, not a crash', async () => {
    const result = await trainTrialOrFail(linearDataset(40, 2, 1), {
      config: { learning_rate: -1 },
      seed: 1,
      epochs: 1,
      initialEpoch: 0,
    });
    expect(result).toMatchObject({
      status: 'failed',
      reason: 'invalid configuration: config.learning_rate: must be > 0, got -1',
    });
  });

  it('a lost GPU device is rethrown, so the scheduler can move to another backend', async () => {
    const lost = new Error('GPUDevice was lost: the device was lost');
    await expect(
      trainTrialOrFail(linearDataset(40, 2, 1), { config: {}, seed: 1, epochs: 1, initialEpoch: 0 }, () => {
        throw lost;
      }),
    ).rejects.toBe(lost);
  });

  it('names WebGL, WebGPU and wasm allocation failures as out of memory', () => {
    const shape = { rows: 1000, features: 20 };
    const config = { layers: 4, units_0: 4096, units_1: 4096, units_2: 4096, units_3: 4096 };
    for (const message of [
      'Array buffer allocation failed',
      'Failed to allocate 1073741824 bytes: out of memory',
      'Requested texture size [70000x1] greater than WebGL maximum on this browser / GPU [16384x16384].',
      'Buffer size (4294967296) exceeds the max buffer size limit (268435456). (maxBufferSize)',
    ]) {
      expect(failureReason(new Error(message), config, shape)).toMatch(
        /^out of memory: 4 layers × 4096 units on 1000 rows × 20 features is too large for this device/,
      );
    }
    expect(failureReason(new Error('something odd'), config, shape)).toBe('training failed: something odd');
  });
});

describe('a lost GPU device (fake trainers)', () => {
  /** Trainers whose backend follows the scheduler's `avoid`; webgpu ones lose their device mid-trial. */
  function gpuTrainers(): TrainerFactory & { avoided: (BackendName | undefined)[] } {
    const inner = fakeTrainers();
    const next: Record<BackendName, BackendName> = {
      webgpu: 'webgl',
      webgl: 'wasm',
      wasm: 'cpu',
      cpu: 'cpu',
    };
    const factory = {
      avoided: [] as (BackendName | undefined)[],
      async create(index: number, avoid?: BackendName): Promise<TrainerHandle> {
        factory.avoided.push(avoid);
        const backend = avoid ? next[avoid] : 'webgpu';
        const trainer = await inner.create(index);
        return {
          ...trainer,
          backend: { backend, reason: 'test' },
          train: (request, onEpoch) =>
            backend === 'webgpu'
              ? Promise.reject(new Error('GPUDevice was lost: device lost (reason: unknown)'))
              : trainer.train(request, onEpoch),
          trainGroup: (requests, onEpoch) =>
            backend === 'webgpu'
              ? Promise.reject(new Error('GPUDevice was lost: device lost (reason: unknown)'))
              : trainer.trainGroup(requests, onEpoch),
        };
      },
    };
    return factory;
  }

  it('falls back to the next backend, says which, and the study completes', async () => {
    const log = collect();
    const trainers = gpuTrainers();
    const study = new Study({
      ...gridStudy({ params: [{ kind: 'choice', name: 'lr', values: [0.001, 0.01, 0.1] }] }, 2),
      tuner: { ...defaultTunerSettings, algorithm: 'random', maxTrials: 3, epochs: 2 },
    });
    await new Scheduler(study, trainers, { workers: 1, emit: log.emit, flushMs: 5 }).run();

    expect(study.trials.every((t) => t.state === 'completed')).toBe(true);
    expect(trainers.avoided).toContain('webgpu');
    // The three small models train as one fused group on WebGPU, so the whole group moves.
    expect(log.notices()).toContain(
      'The GPU device was lost on WebGPU; fell back to WebGL (trials 0, 1 and 2 restart there).',
    );
    const backends = log.events.flatMap((e) => (e.type === 'backend' ? [e.info.backend] : []));
    expect(backends).toEqual(['webgpu', 'webgl']);
  });
});
