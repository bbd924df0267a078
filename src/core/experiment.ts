/** The whole experiment setup: what a shared link reproduces and what a report describes. Plain data. */
import { defaultTunerSettings } from './oracles/types';
import { courseSearchSpace } from './space/preset';
import type { StudySettings } from './study';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendPreference = 'auto' | BackendName;

export type DatasetSource =
  /** A catalogue entry: a real CSV shipped with the app, or a synthetic 2-D generator. */
  | { kind: 'catalogue'; id: string }
  /** A file the user dropped: its text stays in the browser (IndexedDB), never in the URL. */
  | { kind: 'csv'; fileName: string };

export interface DatasetSetup {
  source: DatasetSource;
  /** Target column; undefined = the catalogue's, or the last column. */
  target?: string;
  /** Synthetic sets only. */
  size: number;
  noise: number;
  /** k-fold cross-validation instead of one validation split; 0 = off. */
  folds: number;
}

export interface ExperimentSetup {
  dataset: DatasetSetup;
  study: StudySettings;
  workers: number;
  backend: BackendPreference;
  earlyStopping: { enabled: boolean; patience: number };
}

export function defaultSetup(): ExperimentSetup {
  return {
    dataset: { source: { kind: 'catalogue', id: 'banknote' }, size: 500, noise: 0.1, folds: 0 },
    study: {
      space: courseSearchSpace(),
      tuner: { ...defaultTunerSettings },
      objective: { metric: 'val_accuracy', direction: 'max' },
      scoring: 'best',
      executionsPerTrial: 1,
      seed: 42,
      budget: 'epochs',
    },
    workers: 1,
    backend: 'auto',
    earlyStopping: { enabled: false, patience: 3 },
  };
}
