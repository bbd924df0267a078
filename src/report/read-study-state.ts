/** Reads a saved StudyState from untrusted JSON: every field typed, ids consistent, nothing extra copied. */
import { ALGORITHMS, type TunerSettings } from '../core/oracles/types';
import type { EpochRecord, Spread } from '../core/scoring';
import type { Execution, StudySettings, StudyState, Trial, TrialState } from '../core/study';
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

function readTuner(value: unknown, path: string): TunerSettings {
  const o = readObject(value, path);
  const n = (key: string) => readNumber(o[key], `${path}.${key}`);
  const i = (key: string, min: number) => readInteger(o[key], `${path}.${key}`, min);
  return {
    algorithm: readEnum(o.algorithm, `${path}.algorithm`, ALGORITHMS),
    maxTrials: i('maxTrials', 1),
    epochs: i('epochs', 1),
    maxEpochs: i('maxEpochs', 1),
    factor: i('factor', 2),
    iterations: i('iterations', 1),
    variant: readEnum(o.variant, `${path}.variant`, ['keras-tuner', 'paper'] as const),
    minEpochs: i('minEpochs', 1),
    initialConfigs: i('initialConfigs', 0),
    gridPoints: i('gridPoints', 1),
    acquisition: readEnum(o.acquisition, `${path}.acquisition`, ['ucb', 'ei'] as const),
    beta: n('beta'),
    alpha: n('alpha'),
    initialPoints: i('initialPoints', 0),
    eiCandidates: i('eiCandidates', 1),
  };
}

export function readStudySettings(value: unknown, path: string): StudySettings {
  const o = readObject(value, path);
  const objective = readObject(o.objective, `${path}.objective`);
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
  };
}

function readEpoch(value: unknown, path: string): EpochRecord {
  const o = readObject(value, path);
  const learningRate = optional(o, 'learningRate', path, special);
  return {
    epoch: readInteger(o.epoch, `${path}.epoch`, 0),
    metrics: readRecord(o.metrics, `${path}.metrics`, special),
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

function readTrial(value: unknown, path: string): Trial {
  const o = readObject(value, path);
  const at = (key: string) => `${path}.${key}`;
  const parentId = optional(o, 'parentId', path, readString);
  const bracket = optional(o, 'bracket', path, readInteger);
  const round = optional(o, 'round', path, readInteger);
  const reason = optional(o, 'reason', path, readString);
  const score = optional(o, 'score', path, special);
  const spread = optional(o, 'spread', path, readSpread);
  return {
    id: readString(o.id, at('id'), 200),
    number: readInteger(o.number, at('number'), 0),
    config: readRecord(o.config, at('config'), readParamValue),
    resource: readNumber(o.resource, at('resource')),
    ...(parentId !== undefined && { parentId }),
    ...(bracket !== undefined && { bracket }),
    ...(round !== undefined && { round }),
    state: readEnum(o.state, at('state'), TRIAL_STATES),
    ...(reason !== undefined && { reason }),
    executions: readList(o.executions, at('executions'), readExecution),
    ...(score !== undefined && { score }),
    ...(spread !== undefined && { spread }),
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
