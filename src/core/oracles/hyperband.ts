import { createBracketOracle } from './bracket-oracle';
import { hyperbandPlan } from './hyperband-plan';
import type { Oracle, OracleContext } from './types';

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
