/** Messages and results that cross worker boundaries. Plain data only (no class instances, no rune proxies). */
import type { StudySettings, StudyState, Trial } from '../core/study';
import type { EncodedDataset } from '../data/types';
import type { EarlyStopping, EpochReport, ModelArtifacts } from '../train/types';
import type { SavedStudy } from './study-store';

import type { BackendName, BackendPreference } from '../core/experiment';
export type { BackendName, BackendPreference };

export interface BackendInfo {
  backend: BackendName;
  reason: string;
}

export interface RunSetup {
  studyId: string;
  study: StudySettings;
  dataset: EncodedDataset;
  /** Trainer workers running trials in parallel. */
  workers: number;
  backend: BackendPreference;
  earlyStopping?: EarlyStopping;
  /** A race: one study per tuner on the same pool (instead of `study`). */
  race?: StudySettings[];
  /** Continue a saved study instead of starting a new one. */
  restore?: StudyState;
  /** Start paused (a restored study waits for Resume). */
  paused?: boolean;
  /** What the tuner saves with the study (it is the only writer of saved studies). */
  saved: Pick<SavedStudy, 'createdAt' | 'datasetName' | 'setup' | 'csvFile'>;
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

export type TunerEvent =
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

export interface Evaluation {
  split: 'test';
  metrics: Record<string, number>;
  /** Rows are true classes, columns predicted, for classification. */
  confusion?: number[][];
  classNames: string[];
  rows: number;
}

export type { EarlyStopping, EpochReport, ModelArtifacts };
