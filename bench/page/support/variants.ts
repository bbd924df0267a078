/** The algorithms compared, with the settings each one gets for a largest budget R epochs. */
import { hyperbandPlan } from '../../../src/core/oracles/hyperband-plan';
import { defaultTunerSettings } from '../../../src/core/oracles/settings';
import type { TunerSettings } from '../../../src/core/oracles/types';

export interface Variant {
  name: string;
  tuner: TunerSettings;
}

export const FACTOR = 3;

export function variants(maxEpochs: number, seedTrials = 10_000): Variant[] {
  const base: TunerSettings = {
    ...defaultTunerSettings,
    maxTrials: seedTrials,
    epochs: maxEpochs,
    maxEpochs,
    factor: FACTOR,
    minEpochs: 1,
  };
  return [
    { name: 'random', tuner: { ...base, algorithm: 'random' } },
    { name: 'grid', tuner: { ...base, algorithm: 'grid' } },
    { name: 'hyperband', tuner: { ...base, algorithm: 'hyperband', variant: 'keras-tuner', iterations: 1 } },
    { name: 'hyperband-paper', tuner: { ...base, algorithm: 'hyperband', variant: 'paper', iterations: 10 } },
    { name: 'successive-halving', tuner: { ...base, algorithm: 'successive-halving' } },
    { name: 'asha', tuner: { ...base, algorithm: 'asha' } },
    { name: 'bayesian', tuner: { ...base, algorithm: 'bayesian' } },
    { name: 'tpe', tuner: { ...base, algorithm: 'tpe' } },
  ];
}

/** The equal epoch budget: one Keras-Tuner Hyperband sweep. */
export function epochBudget(maxEpochs: number): number {
  return hyperbandPlan({ maxEpochs, factor: FACTOR, iterations: 1, variant: 'keras-tuner' }).totalEpochs;
}
