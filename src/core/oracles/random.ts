import { DistinctSampler, EXHAUSTED, MAX_TRIALS_REACHED } from './distinct-sampler';
import type { Oracle, OracleContext } from './types';

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
