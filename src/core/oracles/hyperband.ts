import { createBracketOracle } from './bracket-oracle';
import { hyperbandPlan } from './hyperband-plan';
import { EPOCHS_ON_EACH_FRACTION, RUNG_SETTINGS } from './settings';
import type { AlgorithmDefinition, Oracle, OracleContext } from './types';

export const ALL_BRACKETS_FINISHED = 'all brackets finished';

/**
 * Hyperband: the brackets of `hyperbandPlan` (settings.variant picks Keras Tuner's sizes or the paper's),
 * most aggressive first, each a successive-halving run. OracleTrial.bracket is the bracket number b
 * (repeated iterations reuse it) and OracleTrial.round the round within it.
 */
export function createHyperband(ctx: OracleContext): Oracle {
  const { maxEpochs, factor, iterations, variant } = ctx.settings;
  const plan = hyperbandPlan({ maxEpochs, factor, iterations, variant });
  return createBracketOracle(ctx, plan.brackets, ALL_BRACKETS_FINISHED);
}

export const hyperband: AlgorithmDefinition = {
  id: 'hyperband',
  label: 'Hyperband',
  explanation:
    'Runs successive halving in several brackets, trading many cheap trials against few long ones.',
  multiFidelity: true,
  settings: [
    { key: 'variant', group: 'algorithm' },
    ...RUNG_SETTINGS,
    { key: 'iterations', group: 'budget' },
    EPOCHS_ON_EACH_FRACTION,
  ],
  create: createHyperband,
  plan: ({ tuner }) => ({ kind: 'brackets', brackets: hyperbandPlan(tuner).brackets }),
};
