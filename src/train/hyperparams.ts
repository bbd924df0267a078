/** Reads a trial's Config into a typed training spec, applying the defaults of the course's search space. */
import type { DecaySchedule } from '../core/schedule';
import type { Config, ParamValue } from '../core/space/types';
import type { OptimizerName } from './types';

export const MAX_HIDDEN_LAYERS = 6;
const ACTIVATIONS = ['relu', 'elu', 'selu', 'tanh', 'sigmoid', 'linear', 'softplus'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export interface TrainSpec {
  /** One entry per hidden Dense layer. */
  units: number[];
  /** Dropout rate after each hidden layer (0 = no Dropout layer). */
  dropouts: number[];
  activation: Activation;
  optimizer: OptimizerName;
  /** Used only by sgd. */
  momentum: number;
  schedule: DecaySchedule;
  batchSize: number;
}

export const DEFAULTS = {
  units: 32,
  dropout: 0,
  activation: 'relu' as Activation,
  optimizer: 'adam' as OptimizerName,
  learningRate: 0.001,
  momentum: 0.9,
  decayRate: 1,
  decaySteps: 1,
  staircase: false,
  batchSize: 32,
};

export class ConfigError extends Error {
  constructor(key: string, message: string) {
    super(`config.${key}: ${message}`);
    this.name = 'ConfigError';
  }
}

function numberAt(config: Config, key: string, fallback: number): number {
  const v: ParamValue | undefined = config[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ConfigError(key, `expected a finite number, got ${String(v)}`);
  return v;
}

function intAt(config: Config, key: string, fallback: number, min: number): number {
  const v = numberAt(config, key, fallback);
  if (!Number.isInteger(v) || v < min) throw new ConfigError(key, `expected an integer ≥ ${min}, got ${v}`);
  return v;
}

function choiceAt<T extends string>(config: Config, key: string, allowed: readonly T[], fallback: T): T {
  const v = config[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new ConfigError(key, `expected one of ${allowed.join(', ')}, got ${String(v)}`);
  }
  return v as T;
}

function hiddenLayerCount(config: Config): number {
  if (config.layers !== undefined) return intAt(config, 'layers', 0, 0);
  let n = 0;
  while (n < MAX_HIDDEN_LAYERS && config[`units_${n}`] !== undefined) n++;
  return n > 0 ? n : 1;
}

export function readTrainSpec(config: Config): TrainSpec {
  const layers = hiddenLayerCount(config);
  const units: number[] = [];
  const dropouts: number[] = [];
  for (let i = 0; i < layers; i++) {
    units.push(intAt(config, `units_${i}`, DEFAULTS.units, 1));
    const rate = numberAt(config, `dropout_${i}`, DEFAULTS.dropout);
    if (rate < 0 || rate >= 1)
      throw new ConfigError(`dropout_${i}`, `expected a rate in [0, 1), got ${rate}`);
    dropouts.push(rate);
  }
  const learningRate = numberAt(config, 'learning_rate', DEFAULTS.learningRate);
  if (learningRate <= 0) throw new ConfigError('learning_rate', `must be > 0, got ${learningRate}`);
  const decayRate = numberAt(config, 'lr_decay_rate', DEFAULTS.decayRate);
  if (decayRate <= 0) throw new ConfigError('lr_decay_rate', `must be > 0, got ${decayRate}`);
  const staircase = config.lr_staircase ?? DEFAULTS.staircase;
  if (typeof staircase !== 'boolean')
    throw new ConfigError('lr_staircase', `expected a boolean, got ${String(staircase)}`);
  const momentum = numberAt(config, 'momentum', DEFAULTS.momentum);
  if (momentum < 0 || momentum >= 1) throw new ConfigError('momentum', `expected [0, 1), got ${momentum}`);
  return {
    units,
    dropouts,
    activation: choiceAt(config, 'activation', ACTIVATIONS, DEFAULTS.activation),
    optimizer: choiceAt(config, 'optimizer', ['adam', 'rmsprop', 'sgd'] as const, DEFAULTS.optimizer),
    momentum,
    schedule: {
      initialRate: learningRate,
      decayRate,
      decaySteps: intAt(config, 'lr_decay_steps', DEFAULTS.decaySteps, 1),
      staircase,
    },
    batchSize: intAt(config, 'batch_size', DEFAULTS.batchSize, 1),
  };
}
