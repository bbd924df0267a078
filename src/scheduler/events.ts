/** What a running search reports, event by event: the page renders these (through the tuner worker). */
import type { BackendName } from '../core/experiment';
import type { Trial } from '../core/study';
import type { EpochReport } from '../train/types';

export interface BackendInfo {
  backend: BackendName;
  reason: string;
}

export type RunStatus = 'idle' | 'running' | 'pausing' | 'paused' | 'stopping' | 'stopped' | 'done' | 'error';

export interface Progress {
  trialsDone: number;
  trialsPlanned: number;
  epochsDone: number;
  epochsPlanned: number;
  elapsedMs: number;
  /** Estimated time left, once an epoch has been timed. */
  etaMs?: number;
}

export interface EpochEvent {
  /** The study it belongs to: 0, or its place in a race. */
  lane: number;
  trialId: string;
  execution: number;
  report: EpochReport;
}

/**
 * What the tuner is doing between Start and the first trial: saving the study, starting the trainer
 * workers (each reports a 'backend' event when ready), measuring the backends when no choice was
 * measured before Start.
 */
export type StartPhase =
  | { step: 'saving' }
  /** `waiting`: trainers started before Start (spares) that the search takes. */
  | { step: 'workers'; of: number; waiting?: number }
  | { step: 'backends'; probing: BackendName; index: number; of: number };

export type TunerEvent =
  | { type: 'phase'; phase: StartPhase }
  | { type: 'backend'; worker: number; info: BackendInfo }
  | { type: 'trial'; lane: number; trial: Trial }
  | { type: 'epochs'; items: EpochEvent[] }
  | {
      type: 'status';
      status: RunStatus;
      reason?: string;
      progress: Progress;
      /** Each lane's best trial. */
      bestIds: (string | undefined)[];
    }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string };
