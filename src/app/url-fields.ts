/** The URL keys of the experiment setup: how each is read, written, validated and when it is shown. */
import type { BackendPreference, ExperimentSetup } from '../core/experiment';
import { ALGORITHMS, type Algorithm } from '../core/oracles/types';
import { isMultiFidelity } from '../core/study';
import { catalogueEntry } from '../data/catalogue';

export const METRICS = [
  'val_accuracy',
  'val_loss',
  'val_auc',
  'val_mae',
  'accuracy',
  'loss',
  'auc',
  'mae',
] as const;
const BACKENDS: readonly BackendPreference[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];
export const MAX_TEXT = 200;

export type Setup = ExperimentSetup;
export type Value = number | string | boolean;

/** One URL key: how to read it from a setup, write it back, validate it, and when to show it. */
export interface Field {
  key: string;
  get: (s: Setup) => Value | undefined;
  set: (s: Setup, v: Value) => void;
  parse: (text: string) => Value | string[];
  /** Shown even when it holds the default: the values a reader of the link wants to see. */
  relevant?: (s: Setup) => boolean;
}

/** A parse failure: the reason, as a one-element list (a valid value is never a list). */
const invalid = (reason: string): string[] => [reason];

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function numberField(
  key: string,
  range: { min: number; max: number; integer: boolean; also?: number },
  get: (s: Setup) => number,
  set: (s: Setup, v: number) => void,
  relevant?: (s: Setup) => boolean,
): Field {
  const what = range.integer ? 'a whole number' : 'a number';
  const expected = `${what} from ${range.min} to ${range.max}${range.also !== undefined ? ` (or ${range.also})` : ''}`;
  return {
    key,
    get,
    set: (s, v) => set(s, v as number),
    relevant,
    parse(text) {
      if (!DECIMAL.test(text)) return invalid(`expected ${expected}`);
      const n = Number(text);
      if (n === range.also) return n;
      if (!Number.isFinite(n) || n < range.min || n > range.max || (range.integer && !Number.isInteger(n)))
        return invalid(`expected ${expected}`);
      return n;
    },
  };
}

function choiceField<T extends string>(
  key: string,
  allowed: readonly T[],
  get: (s: Setup) => T,
  set: (s: Setup, v: T) => void,
  relevant?: (s: Setup) => boolean,
): Field {
  return {
    key,
    get,
    set: (s, v) => set(s, v as T),
    relevant,
    parse: (text) =>
      (allowed as readonly string[]).includes(text) ? text : invalid(`expected one of ${allowed.join(', ')}`),
  };
}

function booleanField(key: string, get: (s: Setup) => boolean, set: (s: Setup, v: boolean) => void): Field {
  return {
    key,
    get,
    set: (s, v) => set(s, v as boolean),
    parse: (text) => (text === 'true' ? true : text === 'false' ? false : invalid('expected true or false')),
  };
}

const uses =
  (...algorithms: Algorithm[]) =>
  (s: Setup) =>
    algorithms.includes(s.study.tuner.algorithm);
const isSynthetic = (s: Setup) =>
  s.dataset.source.kind === 'catalogue' && catalogueEntry(s.dataset.source.id)?.kind === 'synthetic';
const int = (min: number, max: number, also?: number) => ({ min, max, integer: true, also });
const real = (min: number, max: number) => ({ min, max, integer: false });
const t = (s: Setup) => s.study.tuner;

export const FIELDS: Field[] = [
  {
    key: 'target',
    get: (s) => s.dataset.target,
    set: (s, v) => (s.dataset.target = v as string),
    parse: (text) =>
      text.length > MAX_TEXT || hasControl(text)
        ? invalid(`expected a column name of at most ${MAX_TEXT} characters`)
        : text,
  },
  numberField(
    'size',
    int(10, 100_000),
    (s) => s.dataset.size,
    (s, v) => (s.dataset.size = v),
    isSynthetic,
  ),
  numberField(
    'noise',
    real(0, 1),
    (s) => s.dataset.noise,
    (s, v) => (s.dataset.noise = v),
    isSynthetic,
  ),
  numberField(
    'folds',
    int(2, 20, 0),
    (s) => s.dataset.folds,
    (s, v) => (s.dataset.folds = v),
  ),
  choiceField(
    'tuner',
    ALGORITHMS,
    (s) => t(s).algorithm,
    (s, v) => (t(s).algorithm = v),
    () => true,
  ),
  numberField(
    'maxTrials',
    int(1, 10_000),
    (s) => t(s).maxTrials,
    (s, v) => (t(s).maxTrials = v),
    () => true,
  ),
  numberField(
    'epochs',
    int(1, 1000),
    (s) => t(s).epochs,
    (s, v) => (t(s).epochs = v),
    (s) => !isMultiFidelity(t(s)) || s.study.budget === 'data',
  ),
  numberField(
    'maxEpochs',
    int(1, 1000),
    (s) => t(s).maxEpochs,
    (s, v) => (t(s).maxEpochs = v),
    (s: Setup) => isMultiFidelity(t(s)),
  ),
  numberField(
    'factor',
    int(2, 10),
    (s) => t(s).factor,
    (s, v) => (t(s).factor = v),
    (s: Setup) => isMultiFidelity(t(s)),
  ),
  numberField(
    'iterations',
    int(1, 100),
    (s) => t(s).iterations,
    (s, v) => (t(s).iterations = v),
    uses('hyperband'),
  ),
  choiceField(
    'variant',
    ['keras-tuner', 'paper'] as const,
    (s) => t(s).variant,
    (s, v) => (t(s).variant = v),
    uses('hyperband'),
  ),
  numberField(
    'minEpochs',
    int(1, 1000),
    (s) => t(s).minEpochs,
    (s, v) => (t(s).minEpochs = v),
    uses('successive-halving', 'asha'),
  ),
  numberField(
    'initialConfigs',
    int(0, 10_000),
    (s) => t(s).initialConfigs,
    (s, v) => (t(s).initialConfigs = v),
    uses('successive-halving'),
  ),
  numberField(
    'gridPoints',
    int(1, 100),
    (s) => t(s).gridPoints,
    (s, v) => (t(s).gridPoints = v),
    uses('grid'),
  ),
  choiceField(
    'acquisition',
    ['ucb', 'ei'] as const,
    (s) => t(s).acquisition,
    (s, v) => (t(s).acquisition = v),
    uses('bayesian'),
  ),
  numberField(
    'beta',
    real(0, 100),
    (s) => t(s).beta,
    (s, v) => (t(s).beta = v),
    uses('bayesian'),
  ),
  numberField(
    'alpha',
    real(1e-12, 1),
    (s) => t(s).alpha,
    (s, v) => (t(s).alpha = v),
    uses('bayesian'),
  ),
  numberField(
    'initialPoints',
    int(0, 10_000),
    (s) => t(s).initialPoints,
    (s, v) => (t(s).initialPoints = v),
    uses('bayesian', 'tpe'),
  ),
  numberField(
    'eiCandidates',
    int(1, 10_000),
    (s) => t(s).eiCandidates,
    (s, v) => (t(s).eiCandidates = v),
    uses('tpe'),
  ),
  choiceField(
    'metric',
    METRICS,
    (s) => s.study.objective.metric as (typeof METRICS)[number],
    (s, v) => (s.study.objective.metric = v),
    () => true,
  ),
  choiceField(
    'direction',
    ['min', 'max'] as const,
    (s) => s.study.objective.direction,
    (s, v) => (s.study.objective.direction = v),
    () => true,
  ),
  choiceField(
    'scoring',
    ['best', 'last'] as const,
    (s) => s.study.scoring,
    (s, v) => (s.study.scoring = v),
  ),
  numberField(
    'executions',
    int(1, 20),
    (s) => s.study.executionsPerTrial,
    (s, v) => (s.study.executionsPerTrial = v),
  ),
  numberField(
    'seed',
    int(0, 2 ** 31 - 1),
    (s) => s.study.seed,
    (s, v) => (s.study.seed = v),
    () => true,
  ),
  choiceField(
    'budget',
    ['epochs', 'data'] as const,
    (s) => s.study.budget,
    (s, v) => (s.study.budget = v),
  ),
  numberField(
    'workers',
    int(1, 16),
    (s) => s.workers,
    (s, v) => (s.workers = v),
  ),
  choiceField(
    'backend',
    BACKENDS,
    (s) => s.backend,
    (s, v) => (s.backend = v),
  ),
  booleanField(
    'earlyStopping',
    (s) => s.earlyStopping.enabled,
    (s, v) => (s.earlyStopping.enabled = v),
  ),
  numberField(
    'patience',
    int(1, 1000),
    (s) => s.earlyStopping.patience,
    (s, v) => (s.earlyStopping.patience = v),
    (s) => s.earlyStopping.enabled,
  ),
];

export const FIELD_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));
export const OTHER_KEYS = new Set(['v', 'dataset', 'file', 'space', 'hide', 'presenter', 'theme']);

export function hasControl(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f\u2028\u2029]/.test(text);
}
