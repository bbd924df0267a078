import { DistinctSampler } from './distinct-sampler';
import { sequentialOracle } from './sequential-oracle';
import { distinctConfigsPlan } from './flat-plan';
import { EPOCHS_PER_TRIAL } from './settings';
import type { AlgorithmDefinition, Oracle, OracleContext } from './types';

/** Random search: independent draws from the space, never the same config twice. */
export function createRandom(ctx: OracleContext): Oracle {
  const sampler = new DistinctSampler(ctx.space, ctx.rng);
  return sequentialOracle(ctx, () => sampler.next(), { kind: 'random' });
}

export const randomSearch: AlgorithmDefinition = {
  id: 'random',
  label: 'Random search',
  explanation: 'Draws each configuration at random from the space; a strong, honest baseline.',
  multiFidelity: false,
  settings: [EPOCHS_PER_TRIAL],
  create: createRandom,
  plan: distinctConfigsPlan,
};
