import { enumerateConfigs } from '../space';
import { sequentialOracle } from './sequential-oracle';
import { gridPlan } from './flat-plan';
import { EPOCHS_PER_TRIAL } from './settings';
import type { AlgorithmDefinition, Oracle, OracleContext } from './types';

/**
 * Grid search over the exact values of every parameter (continuous floats use their gridPoints or
 * settings.gridPoints values), in order, first parameter slowest. Lazy: a huge grid costs nothing up front.
 */
export function createGrid(ctx: OracleContext): Oracle {
  const configs = enumerateConfigs(ctx.space, ctx.settings.gridPoints);
  return sequentialOracle(
    ctx,
    () => {
      const next = configs.next();
      return next.done ? undefined : next.value;
    },
    { kind: 'grid' },
  );
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
