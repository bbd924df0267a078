/** The algorithms compared, with the settings each one gets for a largest budget R epochs. */
import { hyperbandPlan } from '../../../src/core/oracles/hyperband-plan';
import { defaultTunerSettings } from '../../../src/core/oracles/settings';
import type { TunerSettings } from '../../../src/core/oracles/types';

export interface Variant {
  name: string;
  tuner: TunerSettings;
}

export const FACTOR = 3;

/**
 * Every algorithm at R = maxEpochs. Single-fidelity ones train each trial for R epochs and get as many
 * trials as the budget holds (so a model-based tuner's default random start is a third of them), as in
 * the app's race mode; multi-fidelity ones are capped by the budget alone.
 */
export function variants(maxEpochs: number): Variant[] {
  const base: TunerSettings = {
    ...defaultTunerSettings,
    maxTrials: 10_000,
    epochs: maxEpochs,
    maxEpochs,
    factor: FACTOR,
    minEpochs: 1,
  };
  const single = { ...base, maxTrials: Math.floor(epochBudget(maxEpochs) / maxEpochs) };
  return [
    { name: 'random', tuner: { ...single, algorithm: 'random' } },
    { name: 'grid', tuner: { ...single, algorithm: 'grid' } },
    { name: 'hyperband', tuner: { ...base, algorithm: 'hyperband', variant: 'keras-tuner', iterations: 1 } },
    { name: 'hyperband-paper', tuner: { ...base, algorithm: 'hyperband', variant: 'paper', iterations: 10 } },
    { name: 'successive-halving', tuner: { ...base, algorithm: 'successive-halving' } },
    { name: 'asha', tuner: { ...base, algorithm: 'asha' } },
    { name: 'bayesian', tuner: { ...single, algorithm: 'bayesian' } },
    { name: 'tpe', tuner: { ...single, algorithm: 'tpe' } },
  ];
}

/** The equal epoch budget: one Keras-Tuner Hyperband sweep. */
export function epochBudget(maxEpochs: number): number {
  return hyperbandPlan({ maxEpochs, factor: FACTOR, iterations: 1, variant: 'keras-tuner' }).totalEpochs;
}
