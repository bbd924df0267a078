/** Model-based tuners start with random trials that seed the model: how many, in words. */
import { formatCount, plural } from '../../core/format';
import { algorithmInfo } from '../../core/oracles/registry';
import type { PlanInput } from '../../core/oracles/types';

/** Random trials before the model proposes (capped by max trials), or 0 for tuners without a model. */
export function seedingCount(input: Pick<PlanInput, 'space' | 'tuner'>): number {
  const initial = algorithmInfo(input.tuner.algorithm).initialRandomTrials?.(input);
  return initial === undefined ? 0 : Math.min(initial, input.tuner.maxTrials);
}

/**
 * "First 10 random, then model-guided: …" for Bayesian optimisation and TPE, or undefined for tuners
 * without a model. Says so when max trials leaves the model nothing to propose.
 */
export function seedingSentence(input: Pick<PlanInput, 'space' | 'tuner'>): string | undefined {
  const info = algorithmInfo(input.tuner.algorithm);
  const initial = info.initialRandomTrials?.(input);
  if (initial === undefined) return undefined;
  const { maxTrials } = input.tuner;
  if (initial >= maxTrials)
    return `All ${plural(maxTrials, 'trial')} will be random: the model starts after ${formatCount(initial)}, so raise max trials above ${formatCount(initial)} to let it propose.`;
  const rest = maxTrials - initial;
  const seeds = initial === 1 ? 'the first trial is' : `the first ${formatCount(initial)} trials are`;
  const guided = rest === 1 ? 'the last one is' : `each of the other ${formatCount(rest)} is`;
  return `First ${formatCount(initial)} random, then model-guided: ${seeds} drawn at random to seed the model, and ${guided} proposed by it.`;
}
