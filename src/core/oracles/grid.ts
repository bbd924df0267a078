import { enumerateConfigs } from '../space';
import { EXHAUSTED, MAX_TRIALS_REACHED } from './distinct-sampler';
import { gridPlan } from './flat-plan';
import { EPOCHS_PER_TRIAL } from './settings';
import type { AlgorithmDefinition, Oracle, OracleContext } from './types';

/**
 * Grid search over the exact values of every parameter (continuous floats use their gridPoints or
 * settings.gridPoints values), in order, first parameter slowest. Lazy: a huge grid costs nothing up front.
 */
export function createGrid(ctx: OracleContext): Oracle {
  const configs = enumerateConfigs(ctx.space, ctx.settings.gridPoints);
  let proposed = 0;
  return {
    ask() {
      if (proposed >= ctx.settings.maxTrials) return { kind: 'done', reason: MAX_TRIALS_REACHED };
      const next = configs.next();
      if (next.done) return { kind: 'done', reason: EXHAUSTED };
      return {
        kind: 'trial',
        trial: { id: String(proposed++), config: next.value, resource: ctx.settings.epochs },
      };
    },
    tell() {},
    canBePromoted: () => false,
  };
}

export const gridSearch: AlgorithmDefinition = {
  id: 'grid',
  label: 'Grid search',
  explanation: 'Tries every combination of the listed values in order; exhaustive but grows fast.',
  multiFidelity: false,
  settings: [EPOCHS_PER_TRIAL, { key: 'gridPoints', group: 'algorithm' }],
  create: createGrid,
  plan: gridPlan,
};
