/**
 * A trial's training spec: the network and optimiser its Config describes, with the defaults of the
 * course's search space for names a space leaves out. The one reading of a config: the trainer, the
 * group planner, the reports, the charts and the generated Python scripts all go through it.
 */
import type { DecaySchedule } from '../schedule';
import type { Config, ParamValue } from '../space/types';

export const MAX_HIDDEN_LAYERS = 6;
export const ACTIVATIONS = ['relu', 'elu', 'selu', 'tanh', 'sigmoid', 'linear', 'softplus'] as const;
export type Activation = (typeof ACTIVATIONS)[number];
export const OPTIMIZERS = ['adam', 'rmsprop', 'sgd'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

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

/** What a config that leaves a name out trains with. */
export const SPEC_DEFAULTS = {
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
    units.push(intAt(config, `units_${i}`, SPEC_DEFAULTS.units, 1));
    const rate = numberAt(config, `dropout_${i}`, SPEC_DEFAULTS.dropout);
    if (rate < 0 || rate >= 1)
      throw new ConfigError(`dropout_${i}`, `expected a rate in [0, 1), got ${rate}`);
    dropouts.push(rate);
  }
  const learningRate = numberAt(config, 'learning_rate', SPEC_DEFAULTS.learningRate);
  if (learningRate <= 0) throw new ConfigError('learning_rate', `must be > 0, got ${learningRate}`);
  const decayRate = numberAt(config, 'lr_decay_rate', SPEC_DEFAULTS.decayRate);
  if (decayRate <= 0) throw new ConfigError('lr_decay_rate', `must be > 0, got ${decayRate}`);
  const staircase = config.lr_staircase ?? SPEC_DEFAULTS.staircase;
  if (typeof staircase !== 'boolean')
    throw new ConfigError('lr_staircase', `expected a boolean, got ${String(staircase)}`);
  const momentum = numberAt(config, 'momentum', SPEC_DEFAULTS.momentum);
  if (momentum < 0 || momentum >= 1) throw new ConfigError('momentum', `expected [0, 1), got ${momentum}`);
  return {
    units,
    dropouts,
    activation: choiceAt(config, 'activation', ACTIVATIONS, SPEC_DEFAULTS.activation),
    optimizer: choiceAt(config, 'optimizer', OPTIMIZERS, SPEC_DEFAULTS.optimizer),
    momentum,
    schedule: {
      initialRate: learningRate,
      decayRate,
      decaySteps: intAt(config, 'lr_decay_steps', SPEC_DEFAULTS.decaySteps, 1),
      staircase,
    },
    batchSize: intAt(config, 'batch_size', SPEC_DEFAULTS.batchSize, 1),
  };
}

/** The spec, or undefined when the config cannot train (for display: a bad imported config shows as such). */
export function trainSpecOrUndefined(config: Config): TrainSpec | undefined {
  try {
    return readTrainSpec(config);
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}
