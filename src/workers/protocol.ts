/** Messages and results that cross worker boundaries. Plain data only (no class instances, no rune proxies). */
import type { StudySettings, StudyState } from '../core/study';
import type { EncodedDataset } from '../data/types';
import type { EarlyStopping, EpochReport, ModelArtifacts } from '../train/types';
import type { SavedStudy } from '../storage/study-store';
import type {
  BackendInfo,
  EpochEvent,
  Progress,
  RunStatus,
  StartPhase,
  TunerEvent,
} from '../scheduler/events';

import type { BackendName, BackendPreference } from '../core/experiment';
export type { BackendName, BackendPreference };
export type { BackendInfo, EpochEvent, Progress, RunStatus, StartPhase, TunerEvent };

export interface RunSetup {
  studyId: string;
  study: StudySettings;
  dataset: EncodedDataset;
  /** Trainer workers running trials in parallel. */
  workers: number;
  backend: BackendPreference;
  /** The backend the page measured before Start for this preference: the trainers use it without probing. */
  known?: BackendInfo;
  /** When the user pressed Start (Date.now()): the search's clock counts from it. */
  startedAt?: number;
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

/** A backend chosen (or forced) and timed on this machine's training probe. */
export interface Measurement extends BackendInfo {
  probeMs: number;
}

export interface Evaluation {
  split: 'test';
  metrics: Record<string, number>;
  /** Rows are true classes, columns predicted, for classification. */
  confusion?: number[][];
  classNames: string[];
  rows: number;
  /** Standard errors of the loss, and of the MAE or AUC, from the test rows. */
  errors?: Record<string, number>;
}

export type { EarlyStopping, EpochReport, ModelArtifacts };
