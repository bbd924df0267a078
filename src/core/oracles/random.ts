import { DistinctSampler, EXHAUSTED, MAX_TRIALS_REACHED } from './distinct-sampler';
import { distinctConfigsPlan } from './flat-plan';
import { EPOCHS_PER_TRIAL } from './settings';
import type { AlgorithmDefinition, Oracle, OracleContext } from './types';

/** Random search: independent draws from the space, never the same config twice. */
export function createRandom(ctx: OracleContext): Oracle {
  const sampler = new DistinctSampler(ctx.space, ctx.rng);
  let proposed = 0;
  return {
    ask() {
      if (proposed >= ctx.settings.maxTrials) return { kind: 'done', reason: MAX_TRIALS_REACHED };
      const config = sampler.next();
      if (!config) return { kind: 'done', reason: EXHAUSTED };
      return { kind: 'trial', trial: { id: String(proposed++), config, resource: ctx.settings.epochs } };
    },
    tell() {},
    canBePromoted: () => false,
  };
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
