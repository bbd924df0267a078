/** The whole experiment setup: what a shared link reproduces and what a report describes. Plain data. */
import { defaultTunerSettings } from './oracles/settings';
import { MAX_RACE_SEEDS, type RaceSetup } from './race';
import type { Direction, Scoring } from './scoring';
import { choiceSetting, realSetting, wholeSetting, type NumberSetting } from './setting-descriptors';
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
  /** Target column; undefined = the catalogue's, or the one the data layer chooses (and explains). */
  target?: string;
  /** Whether the file's first row names the columns; undefined = detected. */
  header?: boolean;
  /** Columns the user leaves out. */
  exclude?: string[];
  /** Columns the user keeps although they look like identifiers or have too many values. */
  include?: string[];
  /** Columns read as categories although they hold numbers. */
  categorical?: string[];
  /** Columns read as numbers (their text cells as missing); on the target: regression. */
  numeric?: string[];
  /** Synthetic sets only. */
  size: number;
  noise: number;
  /** k-fold cross-validation instead of one validation split; 0 = off. */
  folds: number;
}

/** Another dataset: how its file is read and its columns' roles start afresh; size, noise, folds stay. */
export function withSource(dataset: DatasetSetup, source: DatasetSource): DatasetSetup {
  return { source, size: dataset.size, noise: dataset.noise, folds: dataset.folds };
}

/** The same data read differently (header switched): column names change, so their choices go. */
export function withHeader(dataset: DatasetSetup, header: boolean | undefined): DatasetSetup {
  return { ...withSource(dataset, dataset.source), ...(header !== undefined && { header }) };
}

export interface ExperimentSetup {
  dataset: DatasetSetup;
  study: StudySettings;
  workers: number;
  backend: BackendPreference;
  earlyStopping: { enabled: boolean; patience: number };
  /** Two to four tuners raced side by side on the same pool; fewer than two: one tuner. */
  race: RaceSetup;
  /** Whole minutes the search should fit in (isTimeBudget); absent or 0: none, it runs as set. */
  timeBudget?: number;
}

export function defaultSetup(): ExperimentSetup {
  return {
    dataset: { source: { kind: 'catalogue', id: 'spiral' }, size: 1000, noise: 0.2, folds: 0 },
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
    race: { algorithms: [], epochBudget: 0, seeds: 1 },
    timeBudget: 0,
  };
}

export const EXPERIMENT_NUMBERS = {
  executionsPerTrial: wholeSetting(
    'Executions per trial',
    1,
    20,
    'Trains each configuration this often, with different seeds.',
  ),
  seed: wholeSetting('Seed', 0, 2 ** 31 - 1),
  workers: wholeSetting('Workers', 1, 16),
  patience: wholeSetting('Patience (epochs)', 1, 100),
  raceBudget: wholeSetting(
    'Epoch budget per tuner',
    1,
    100_000,
    '0 = what one Hyperband sweep trains at these R and η.',
    { value: 0, means: 'one Hyperband sweep' },
  ),
  raceSeeds: wholeSetting(
    'Repeat over seeds',
    1,
    MAX_RACE_SEEDS,
    'Runs the whole race this many times, each from its own seed, to tell a real lead from luck.',
  ),
  folds: wholeSetting('Folds', 2, 20, undefined, { value: 0, means: 'one validation split' }),
  size: wholeSetting('Rows', 10, 100_000),
  noise: realSetting('Noise', 0, 1, undefined, 0.05),
} satisfies Record<string, NumberSetting>;

export const BACKENDS = choiceSetting<BackendPreference>('Backend', [
  ['auto', 'Auto (measured)'],
  ['webgpu', 'WebGPU'],
  ['webgl', 'WebGL'],
  ['wasm', 'WASM'],
  ['cpu', 'CPU'],
]);

/** "WebGPU", "WASM"… */
export const backendLabel = (name: string): string =>
  BACKENDS.options.find((o) => o.value === name && name !== 'auto')?.label ?? name;

export const SCORINGS = choiceSetting<Scoring>('Trial score', [
  ['best', 'Best epoch', 'As Keras Tuner does; averaged over the executions.'],
  ['last', 'Last epoch', 'Averaged over the executions.'],
]);

export const BUDGET_UNITS = choiceSetting<StudySettings['budget']>('Budget unit', [
  ['epochs', 'Epochs', 'A rung of r trains r epochs.'],
  ['data', 'Fraction of training data', 'A rung of r trains on r/R of the training rows.'],
]);

export const DIRECTIONS = choiceSetting<Direction>('Direction', [
  ['min', 'lower is better'],
  ['max', 'higher is better'],
]);
