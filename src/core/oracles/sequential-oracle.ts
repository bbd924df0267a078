import type { Config } from '../space/types';
import { EXHAUSTED, MAX_TRIALS_REACHED } from './distinct-sampler';
import type { Oracle, OracleContext, TrialOrigin } from './types';

/** Proposes `next()`'s configs in turn, each for `epochs`, until max trials or until it runs out. */
export function sequentialOracle(
  ctx: OracleContext,
  next: () => Config | undefined,
  origin: TrialOrigin,
): Oracle {
  let proposed = 0;
  return {
    ask() {
      if (proposed >= ctx.settings.maxTrials) return { kind: 'done', reason: MAX_TRIALS_REACHED };
      const config = next();
      if (!config) return { kind: 'done', reason: EXHAUSTED };
      return {
        kind: 'trial',
        trial: { id: String(proposed++), config, resource: ctx.settings.epochs, origin },
      };
    },
    tell() {},
    canBePromoted: () => false,
  };
}
