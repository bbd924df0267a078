/** Small pieces of text every trial explanation uses: names, budgets, scores and ranks. */
import { formatNumber } from '../../core/format';
import { budgetUnit } from './budget-unit';
import { keptOf } from '../../core/oracles/rungs-arithmetic';
import type { Objective } from '../../core/scoring';
import type { StudySettings, Trial } from '../../core/study';

/** "#7": the number the leaderboard and the charts show (1-based). */
export const trialRef = (t: Pick<Trial, 'number'>): string => `#${t.number + 1}`;

export const trialName = (t: Pick<Trial, 'number'>): string => `Trial ${trialRef(t)}`;

/** Scored and not failed: it takes part in rankings. */
export const isScored = (t: Trial): boolean =>
  t.score !== undefined && Number.isFinite(t.score) && t.state !== 'failed';

/** "val_accuracy 0.9123". */
export const scoreWords = (score: number, objective: Objective): string =>
  `${objective.metric} ${formatNumber(score)}`;

/**
 * A trial's budget in words: "2 epochs", or with a data budget (multi-fidelity tuners only)
 * "33.3 % of the training rows".
 */
export const budgetWords = (
  resource: number,
  settings: Pick<StudySettings, 'budget' | 'tuner'>,
  multiFidelity: boolean,
): string => budgetUnit(settings, multiFidelity).words(resource);

/**
 * 1-based rank of `trial` among the scored trials of `pool` (best first; equal scores in number order),
 * or undefined when it is not scored.
 */
export function rankAmong(trial: Trial, pool: readonly Trial[], objective: Objective): number | undefined {
  if (!isScored(trial)) return undefined;
  const sign = objective.direction === 'min' ? 1 : -1;
  const ahead = pool.filter(
    (t) =>
      t.id !== trial.id &&
      isScored(t) &&
      (sign * (t.score! - trial.score!) < 0 || (t.score === trial.score && t.number < trial.number)),
  );
  return ahead.length + 1;
}

/** The best scored trial of `pool` (equal scores: the lower number). */
export function bestOf(pool: readonly Trial[], objective: Objective): Trial | undefined {
  return pool.find((t) => rankAmong(t, pool, objective) === 1);
}

/** The keep rule of successive halving and ASHA in words: of 9 results at η = 3, "⌊9/3⌋ = 3" go on. */
export const keepRuleWords = (results: number, factor: number): string =>
  `⌊${results}/${factor}⌋ = ${keptOf(results, factor)}`;
