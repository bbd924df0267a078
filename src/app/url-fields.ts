/** The URL keys of the experiment setup: how each is read, written, validated and when it is shown. */
import {
  BACKENDS,
  BUDGET_UNITS,
  DIRECTIONS,
  EXPERIMENT_NUMBERS,
  SCORINGS,
  type ExperimentSetup,
} from '../core/experiment';
import { algorithms, usesSetting } from '../core/oracles/registry';
import type { Algorithm } from '../core/oracles/types';
import { isRace, MAX_RACERS } from '../core/race';
import { TUNER_SETTING_KEYS, TUNER_SETTINGS, type TunerSettingKey } from '../core/oracles/settings';
import {
  acceptsNumber,
  choiceValues,
  expectedNumber,
  type ChoiceSetting,
  type NumberSetting,
} from '../core/setting-descriptors';
import { MAX_TIME_BUDGET_MINUTES, parseTimeBudget } from '../core/estimate/time-fit';
import { catalogueEntry } from '../data/catalogue';
import { ALL_METRICS } from '../data/types';

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
  setting: NumberSetting,
  get: (s: Setup) => number,
  set: (s: Setup, v: number) => void,
  relevant?: (s: Setup) => boolean,
): Field {
  return {
    key,
    get,
    set: (s, v) => set(s, v as number),
    relevant,
    parse(text) {
      if (!DECIMAL.test(text)) return invalid(`expected ${expectedNumber(setting)}`);
      const n = Number(text);
      return acceptsNumber(setting, n) ? n : invalid(`expected ${expectedNumber(setting)}`);
    },
  };
}

function choiceField<T extends string>(
  key: string,
  allowed: readonly T[] | ChoiceSetting<T>,
  get: (s: Setup) => T,
  set: (s: Setup, v: T) => void,
  relevant?: (s: Setup) => boolean,
): Field {
  return {
    key,
    get,
    set: (s, v) => set(s, v as T),
    relevant,
    parse(text) {
      const values: readonly string[] = 'options' in allowed ? choiceValues(allowed) : allowed;
      return values.includes(text) ? text : invalid(`expected one of ${values.join(', ')}`);
    },
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

/** Column names are joined by commas; a comma or backslash inside a name is escaped with a backslash. */
export function joinColumnNames(names: readonly string[]): string {
  return names.map((name) => name.replace(/[\\,]/g, (c) => `\\${c}`)).join(',');
}

/** The names of `joinColumnNames`, or undefined when a backslash escapes nothing. */
export function splitColumnNames(text: string): string[] | undefined {
  const names: string[] = [];
  let name = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      const next = text[++i];
      if (next !== '\\' && next !== ',') return undefined;
      name += next;
    } else if (c === ',') {
      names.push(name);
      name = '';
    } else name += c;
  }
  names.push(name);
  return names;
}

const MAX_COLUMN_NAMES = 1000;

/** Column names the user set aside for a role (left out, included, read as categories or numbers). */
function columnListField(key: string, list: 'exclude' | 'include' | 'categorical' | 'numeric'): Field {
  return {
    key,
    get: (s) => (s.dataset[list]?.length ? joinColumnNames(s.dataset[list]) : undefined),
    set: (s, v) => (s.dataset[list] = splitColumnNames(v as string)),
    parse(text) {
      const names = splitColumnNames(text);
      if (!names) return invalid('a backslash must be followed by a comma or a backslash');
      if (names.length > MAX_COLUMN_NAMES)
        return invalid(`expected at most ${MAX_COLUMN_NAMES} column names`);
      if (names.some((n) => n === '' || n.length > MAX_TEXT || hasControl(n)))
        return invalid(`expected column names of 1 to ${MAX_TEXT} characters, separated by commas`);
      return text;
    },
  };
}

const isSynthetic = (s: Setup) =>
  s.dataset.source.kind === 'catalogue' && catalogueEntry(s.dataset.source.id)?.kind === 'synthetic';
const N = EXPERIMENT_NUMBERS;

/** A tuner setting, straight from TUNER_SETTINGS: shown in a link when the algorithm uses it. */
function tunerField(key: TunerSettingKey): Field {
  const setting = TUNER_SETTINGS[key];
  const get = (s: Setup) => s.study.tuner[key];
  const set = (s: Setup, v: Value) => ((s.study.tuner as unknown as Record<string, Value>)[key] = v);
  const relevant = (s: Setup) => usesSetting(s.study, key);
  return setting.kind === 'number'
    ? numberField(key, setting, get as (s: Setup) => number, set, relevant)
    : choiceField(key, setting as ChoiceSetting, get as (s: Setup) => string, set, relevant);
}

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
  {
    key: 'header',
    get: (s) => (s.dataset.header === undefined ? undefined : s.dataset.header ? 'yes' : 'no'),
    set: (s, v) => (s.dataset.header = v === 'auto' ? undefined : v === 'yes'),
    parse: (text) => (['auto', 'yes', 'no'].includes(text) ? text : invalid('expected auto, yes or no')),
  },
  columnListField('exclude', 'exclude'),
  columnListField('include', 'include'),
  columnListField('categorical', 'categorical'),
  columnListField('numeric', 'numeric'),
  numberField(
    'size',
    N.size,
    (s) => s.dataset.size,
    (s, v) => (s.dataset.size = v),
    isSynthetic,
  ),
  numberField(
    'noise',
    N.noise,
    (s) => s.dataset.noise,
    (s, v) => (s.dataset.noise = v),
    isSynthetic,
  ),
  numberField(
    'folds',
    N.folds,
    (s) => s.dataset.folds,
    (s, v) => (s.dataset.folds = v),
  ),
  choiceField(
    'tuner',
    algorithms.map((a) => a.id),
    (s) => s.study.tuner.algorithm,
    (s, v) => (s.study.tuner.algorithm = v),
    () => true,
  ),
  ...TUNER_SETTING_KEYS.map(tunerField),
  choiceField(
    'metric',
    ALL_METRICS,
    (s) => s.study.objective.metric,
    (s, v) => (s.study.objective.metric = v),
    () => true,
  ),
  choiceField(
    'direction',
    DIRECTIONS,
    (s) => s.study.objective.direction,
    (s, v) => (s.study.objective.direction = v),
    () => true,
  ),
  choiceField(
    'scoring',
    SCORINGS,
    (s) => s.study.scoring,
    (s, v) => (s.study.scoring = v),
  ),
  numberField(
    'executions',
    N.executionsPerTrial,
    (s) => s.study.executionsPerTrial,
    (s, v) => (s.study.executionsPerTrial = v),
  ),
  numberField(
    'seed',
    N.seed,
    (s) => s.study.seed,
    (s, v) => (s.study.seed = v),
    () => true,
  ),
  choiceField(
    'budget',
    BUDGET_UNITS,
    (s) => s.study.budget,
    (s, v) => (s.study.budget = v),
  ),
  numberField(
    'workers',
    N.workers,
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
    N.patience,
    (s) => s.earlyStopping.patience,
    (s, v) => (s.earlyStopping.patience = v),
    (s) => s.earlyStopping.enabled,
  ),
  {
    key: 'race',
    get: (s) => (s.race.algorithms.length > 0 ? s.race.algorithms.join(',') : undefined),
    set: (s, v) => (s.race.algorithms = String(v).split(',') as Algorithm[]),
    relevant: (s) => isRace(s.race),
    parse(text) {
      const ids = text.split(',');
      const known = algorithms.map((a) => a.id as string);
      const ok =
        ids.length >= 2 &&
        ids.length <= MAX_RACERS &&
        new Set(ids).size === ids.length &&
        ids.every((id) => known.includes(id));
      return ok
        ? text
        : invalid(`expected 2 to ${MAX_RACERS} different tuners of ${known.join(', ')}, separated by commas`);
    },
  },
  {
    key: 'time',
    get: (s) => s.timeBudget ?? 0,
    set: (s, v) => (s.timeBudget = v as number),
    parse: (text) =>
      parseTimeBudget(text) ??
      invalid(`expected whole minutes from 1 to ${MAX_TIME_BUDGET_MINUTES} (0 = no time budget)`),
  },
  numberField(
    'raceBudget',
    N.raceBudget,
    (s) => s.race.epochBudget,
    (s, v) => (s.race.epochBudget = v),
    (s) => isRace(s.race),
  ),
  numberField(
    'raceSeeds',
    N.raceSeeds,
    (s) => s.race.seeds,
    (s, v) => (s.race.seeds = v),
  ),
];

export const FIELD_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));
export const OTHER_KEYS = new Set(['v', 'lesson', 'dataset', 'file', 'space', 'hide', 'presenter', 'theme']);

export function hasControl(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f\u2028\u2029]/.test(text);
}
