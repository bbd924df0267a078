import type { TrainerFactory, TrainerHandle } from '../../../src/scheduler/trainer-handle';
import type { EpochReport, TrainRequest, TrainResult } from '../../../src/train/types';
import { syntheticLoss } from './simulate';

export interface FakeOptions {
  /** Throws inside train() when this returns true (a crashed worker). */
  crash?: (request: TrainRequest, attempt: number) => boolean;
  epochDelayMs?: number;
  /**
   * Makes the trial seed matter, as it does in real training: the loss gains seeded noise, and each
   * epoch takes a seeded 0–4 ms, so trials finish in a different order on different pools.
   */
  seeded?: boolean;
}

/** A deterministic number in [0, 1) from a seed and an epoch. */
const hash01 = (seed: number, epoch: number) =>
  (Math.imul(seed ^ Math.imul(epoch + 1, 0x9e3779b1), 0x85ebca6b) >>> 0) / 2 ** 32;

/** In-process trainers that "train" the synthetic objective, epoch by epoch, with real pause/stop hooks. */
export function fakeTrainers(
  options: FakeOptions = {},
): TrainerFactory & { created: number; requests: TrainRequest[]; groups: number[] } {
  let attempts = 0;
  const factory = {
    created: 0,
    requests: [] as TrainRequest[],
    /** The size of every fused group trained. */
    groups: [] as number[],
    async create(): Promise<TrainerHandle> {
      factory.created++;
      let paused = false;
      let stopped = false;
      let release: (() => void) | undefined;
      const handle: TrainerHandle = {
        backend: { backend: 'cpu', reason: 'fake trainer' },
        trainGroup(requests, onEpoch) {
          factory.groups.push(requests.length);
          return Promise.all(requests.map((r, i) => handle.train(r, (report) => onEpoch(i, report))));
        },
        async train(request, onEpoch): Promise<TrainResult> {
          factory.requests.push(request);
          if (options.crash?.(request, attempts++)) throw new Error('worker crashed');
          const history: EpochReport[] = [];
          for (let epoch = request.initialEpoch + 1; epoch <= request.epochs; epoch++) {
            const delay = options.seeded ? Math.floor(hash01(request.seed, -epoch) * 5) : 1;
            await new Promise((r) => setTimeout(r, options.epochDelayMs ?? delay));
            while (paused) await new Promise<void>((r) => (release = r));
            if (stopped)
              return {
                status: 'stopped',
                reason: 'stopped by the user',
                history,
                epochsTrained: history.length,
                ms: 0,
              };
            const report = {
              epoch,
              metrics: {
                val_loss:
                  syntheticLoss(request.config, epoch) +
                  (options.seeded ? 0.05 * hash01(request.seed, epoch) : 0),
              },
              learningRate: 0.001,
              step: epoch * 10,
              ms: 1,
            };
            history.push(report);
            onEpoch(report);
          }
          const checkpoint = {
            weights: [],
            optimizerWeights: [],
            globalStep: request.epochs * 10,
            epoch: request.epochs,
            optimizer: 'adam' as const,
          };
          return { status: 'completed', history, epochsTrained: history.length, ms: 1, checkpoint };
        },
        setPaused(p) {
          paused = p;
          if (!p) release?.();
        },
        stop() {
          stopped = true;
        },
        terminate() {
          stopped = true;
          paused = false;
          release?.();
        },
      };
      return handle;
    },
  };
  return factory;
}
