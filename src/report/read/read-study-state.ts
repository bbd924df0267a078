/** Reads a saved StudyState from untrusted JSON: every field typed, ids consistent, nothing extra copied. */
import { TUNER_SETTING_KEYS, TUNER_SETTINGS } from '../../core/oracles/settings';
import { ALGORITHMS, type TrialOrigin, type TunerSettings } from '../../core/oracles/types';
import { acceptsNumber, choiceValues, expectedNumber } from '../../core/setting-descriptors';
import { configWithoutTaskOutput, withoutTaskOutput } from '../../core/space';
import type { EpochRecord, Spread } from '../../core/scoring';
import type { Execution, StudySettings, StudyState, Trial, TrialState } from '../../core/study';
import {
  ShapeError,
  optional,
  readEnum,
  readInteger,
  readList,
  readNumber,
  readObject,
  readRecord,
  readString,
} from './json-reader';
import { readParamValue, readSearchSpace } from './read-space';

const TRIAL_STATES: readonly TrialState[] = ['pending', 'running', 'completed', 'stopped', 'failed'];
const EXECUTION_STATES = ['completed', 'failed', 'stopped'] as const;

const special = (v: unknown, p: string) => readNumber(v, p, { special: true });

/** Every tuner setting, each checked against the range TUNER_SETTINGS gives it. */
function readTuner(value: unknown, path: string): TunerSettings {
  const o = readObject(value, path);
  const tuner: Record<string, unknown> = {
    algorithm: readEnum(o.algorithm, `${path}.algorithm`, ALGORITHMS),
  };
  for (const key of TUNER_SETTING_KEYS) {
    const setting = TUNER_SETTINGS[key];
    const where = `${path}.${key}`;
    if (setting.kind === 'choice') tuner[key] = readEnum(o[key], where, choiceValues(setting));
    else {
      const n = readNumber(o[key], where);
      if (!acceptsNumber(setting, n))
        throw new ShapeError(where, `expected ${expectedNumber(setting)}, got ${n}`);
      tuner[key] = n;
    }
  }
  return tuner as unknown as TunerSettings;
}

export function readStudySettings(value: unknown, path: string): StudySettings {
  const o = readObject(value, path);
  const objective = readObject(o.objective, `${path}.objective`);
  const epochBudget = optional(o, 'epochBudget', path, (v, p) => readInteger(v, p, 1));
  return {
    space: readSearchSpace(o.space, `${path}.space`),
    tuner: readTuner(o.tuner, `${path}.tuner`),
    objective: {
      metric: readString(objective.metric, `${path}.objective.metric`, 100),
      direction: readEnum(objective.direction, `${path}.objective.direction`, ['min', 'max'] as const),
    },
    scoring: readEnum(o.scoring, `${path}.scoring`, ['best', 'last'] as const),
    executionsPerTrial: readInteger(o.executionsPerTrial, `${path}.executionsPerTrial`, 1),
    seed: readInteger(o.seed, `${path}.seed`),
    budget: readEnum(o.budget, `${path}.budget`, ['epochs', 'data'] as const),
    ...(epochBudget !== undefined && { epochBudget }),
  };
}

function readEpoch(value: unknown, path: string): EpochRecord {
  const o = readObject(value, path);
  const learningRate = optional(o, 'learningRate', path, special);
  return {
    epoch: readInteger(o.epoch, `${path}.epoch`, 0),
    metrics: readRecord(o.metrics, `${path}.metrics`, special),
    ...(o.errors !== undefined && { errors: readRecord(o.errors, `${path}.errors`, special) }),
    ...(learningRate !== undefined && { learningRate }),
  };
}

function readSpread(value: unknown, path: string): Spread {
  const o = readObject(value, path);
  return {
    std: special(o.std, `${path}.std`),
    min: special(o.min, `${path}.min`),
    max: special(o.max, `${path}.max`),
  };
}

function readExecution(value: unknown, path: string): Execution {
  const o = readObject(value, path);
  const score = optional(o, 'score', path, special);
  const reason = optional(o, 'reason', path, readString);
  return {
    status: readEnum(o.status, `${path}.status`, EXECUTION_STATES),
    history: readList(o.history, `${path}.history`, readEpoch),
    ...(score !== undefined && { score }),
    ...(reason !== undefined && { reason }),
  };
}

function readOrigin(value: unknown, path: string): TrialOrigin {
  const o = readObject(value, path);
  const kind = readEnum(o.kind, `${path}.kind`, ['random', 'grid', 'model', 'promoted'] as const);
  const count = (key: string) => readInteger(o[key], `${path}.${key}`, 0);
  switch (kind) {
    case 'random': {
      const why = optional(o, 'why', path, (v, p) => readEnum(v, p, ['start', 'fallback'] as const));
      return { kind, ...(why && { why }) };
    }
    case 'grid':
      return { kind };
    case 'model': {
      const predicted = optional(o, 'predicted', path, (v, p) => {
        const q = readObject(v, p);
        return { loss: special(q.loss, `${p}.loss`), sd: special(q.sd, `${p}.sd`) };
      });
      return { kind, ...(predicted && { predicted }) };
    }
    case 'promoted':
      return { kind, rank: count('rank'), of: count('of'), keep: count('keep') };
  }
}

function readTrial(value: unknown, path: string): Trial {
  const o = readObject(value, path);
  const at = (key: string) => `${path}.${key}`;
  const parentId = optional(o, 'parentId', path, readString);
  const bracket = optional(o, 'bracket', path, readInteger);
  const round = optional(o, 'round', path, readInteger);
  const origin = optional(o, 'origin', path, readOrigin);
  const reason = optional(o, 'reason', path, readString);
  const score = optional(o, 'score', path, special);
  const spread = optional(o, 'spread', path, readSpread);
  const ended = optional(o, 'ended', path, (v, p) => {
    const e = readObject(v, p);
    const ms = optional(e, 'ms', p, readNumber);
    return { epochs: readInteger(e.epochs, `${p}.epochs`, 0), ...(ms !== undefined && { ms }) };
  });
  return {
    id: readString(o.id, at('id'), 200),
    number: readInteger(o.number, at('number'), 0),
    config: configWithoutTaskOutput(readRecord(o.config, at('config'), readParamValue)),
    resource: readNumber(o.resource, at('resource')),
    ...(parentId !== undefined && { parentId }),
    ...(bracket !== undefined && { bracket }),
    ...(round !== undefined && { round }),
    ...(origin && { origin }),
    state: readEnum(o.state, at('state'), TRIAL_STATES),
    ...(reason !== undefined && { reason }),
    executions: readList(o.executions, at('executions'), readExecution),
    ...(score !== undefined && { score }),
    ...(spread !== undefined && { spread }),
    ...(ended && { ended }),
  };
}

type StudyEvent = StudyState['events'][number];

function readEvent(value: unknown, path: string): StudyEvent {
  const o = readObject(value, path);
  if (typeof o.ask === 'string') return { ask: o.ask };
  if (typeof o.tell === 'string') return { tell: o.tell };
  throw new ShapeError(path, 'expected {"ask": id} or {"tell": id}');
}

export function readStudyState(value: unknown, path: string): StudyState {
  const o = readObject(value, path);
  if (o.version !== 1)
    throw new ShapeError(
      `${path}.version`,
      `this app reads study version 1, got ${JSON.stringify(o.version) ?? 'none'}`,
    );
  const state: StudyState = {
    version: 1,
    settings: readStudySettings(o.settings, `${path}.settings`),
    trials: readList(o.trials, `${path}.trials`, readTrial),
    events: readList(o.events, `${path}.events`, readEvent),
  };
  const done = optional(o, 'done', path, readString);
  if (done !== undefined) state.done = done;
  checkReferences(state, path);
  return state;
}

function checkReferences(state: StudyState, path: string): void {
  const ids = new Set<string>();
  state.trials.forEach((t, i) => {
    if (ids.has(t.id)) throw new ShapeError(`${path}.trials[${i}].id`, `the id "${t.id}" is used twice`);
    if (t.parentId !== undefined && !ids.has(t.parentId))
      throw new ShapeError(`${path}.trials[${i}].parentId`, `no earlier trial has the id "${t.parentId}"`);
    ids.add(t.id);
  });
  state.events.forEach((e, i) => {
    const id = 'ask' in e ? e.ask : e.tell;
    if (!ids.has(id)) throw new ShapeError(`${path}.events[${i}]`, `no trial has the id "${id}"`);
  });
}

/**
 * A study saved by an older version (in this browser) without the task's output activation and loss
 * in its space and configs: they were fixed values the trainer never read. Replays the same trials:
 * fixed values draw nothing from the random stream.
 */
export function studyWithoutTaskOutput(state: StudyState): StudyState {
  return {
    ...state,
    settings: { ...state.settings, space: withoutTaskOutput(state.settings.space) },
    trials: state.trials.map((t) => ({ ...t, config: configWithoutTaskOutput(t.config) })),
  };
}
