/** The network a config describes, read the way the trainer reads it (course space names and defaults). */
import { outputFor, type Task } from '../data/types';
import type { Config } from '../core/space/types';

export interface ModelDescription {
  units: number[];
  dropouts: number[];
  activation: string;
  optimizer: string;
  learningRate: number;
  /** 1 = no decay. */
  decayRate: number;
  decaySteps: number;
  staircase: boolean;
  batchSize: number;
  output: { units: number; activation: string; loss: string };
}

/** The trainer's defaults for names a space leaves out (src/train/hyperparams.ts). */
const DEFAULTS = {
  units: 32,
  dropout: 0,
  activation: 'relu',
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 32,
};
const MAX_HIDDEN_LAYERS = 6;

const num = (config: Config, key: string, fallback: number): number =>
  typeof config[key] === 'number' ? (config[key] as number) : fallback;

function layerCount(config: Config): number {
  if (typeof config.layers === 'number') return config.layers;
  let n = 0;
  while (n < MAX_HIDDEN_LAYERS && config[`units_${n}`] !== undefined) n++;
  return n > 0 ? n : 1;
}

export function describeModel(config: Config, task: Task, classes: number): ModelDescription {
  const layers = layerCount(config);
  return {
    units: Array.from({ length: layers }, (_, i) => num(config, `units_${i}`, DEFAULTS.units)),
    dropouts: Array.from({ length: layers }, (_, i) => num(config, `dropout_${i}`, DEFAULTS.dropout)),
    activation: typeof config.activation === 'string' ? config.activation : DEFAULTS.activation,
    optimizer: typeof config.optimizer === 'string' ? config.optimizer : DEFAULTS.optimizer,
    learningRate: num(config, 'learning_rate', DEFAULTS.learningRate),
    decayRate: num(config, 'lr_decay_rate', 1),
    decaySteps: num(config, 'lr_decay_steps', 1),
    staircase: config.lr_staircase === true,
    batchSize: num(config, 'batch_size', DEFAULTS.batchSize),
    output: outputFor(task, classes),
  };
}
