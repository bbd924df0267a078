import type { Checkpoint, EpochReport, TrainRequest, TrainResult } from '../train/types';
import type { BackendInfo } from './events';

/**
 * One trainer (a worker in the app, an in-process fake in tests) as the scheduler sees it. A call rejects
 * when the trainer crashed, or with a message matching LOST_DEVICE (core/device-loss) when its GPU
 * device was lost; errors of the trial itself come back as failed results.
 */
export interface TrainerHandle {
  readonly backend: BackendInfo;
  train(request: TrainRequest, onEpoch: (report: EpochReport) => void): Promise<TrainResult>;
  /** Trains compatible requests as one fused model; one result per request, in order. */
  trainGroup(
    requests: TrainRequest[],
    onEpoch: (index: number, report: EpochReport) => void,
  ): Promise<TrainResult[]>;
  /** Hold (true) or release (false) training at the next epoch boundary. */
  setPaused(paused: boolean): void;
  /** End training at the next epoch boundary. */
  stop(): void;
  /** Kill it outright (a stuck or crashed trainer). */
  terminate(): void;
}

export interface TrainerFactory {
  /** A fresh trainer; `avoid` names a backend that just failed (a lost GPU device). */
  create(index: number, avoid?: BackendInfo['backend']): Promise<TrainerHandle>;
}

export type { Checkpoint };
