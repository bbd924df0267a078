/**
 * The decay experiment's pair: the best configuration trained once with a constant learning rate and
 * once with exponential decay. A configuration that decays already keeps its own rate and steps; one
 * that does not gets a typical decay (0.9 every 50 steps) to compare against.
 */
import type { Config } from '../space/types';
import { readTrainSpec } from './spec';

export const EXPERIMENT_DECAY = { rate: 0.9, steps: 50 } as const;

export interface DecayPair {
  constant: Config;
  decayed: Config;
  decay: { rate: number; steps: number };
}

export function decayPair(config: Config): DecayPair {
  const { schedule } = readTrainSpec(config);
  const decays = schedule.decayRate < 1;
  const decay = decays ? { rate: schedule.decayRate, steps: schedule.decaySteps } : { ...EXPERIMENT_DECAY };
  return {
    constant: { ...config, lr_decay_rate: 1 },
    decayed: { ...config, lr_decay_rate: decay.rate, lr_decay_steps: decay.steps, lr_staircase: false },
    decay,
  };
}
