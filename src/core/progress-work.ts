/**
 * A search's work in full-data epochs, the unit its time left is reckoned in: an epoch on a data
 * budget's rung of r counts as r/R of an epoch on all the rows, so small early rungs weigh little.
 */
import { isMultiFidelity } from './oracles/registry';
import { budgetPlan, plannedWork, roundsWork } from './planned-work';
import { epochsTrained, type StudySettings, type Trial } from './study';

/** The share of the training rows a trial trains on. */
export function shareOf(settings: StudySettings, trial: Pick<Trial, 'resource'>): number {
  if (settings.budget !== 'data' || !isMultiFidelity(settings.tuner)) return 1;
  return Math.min(1, trial.resource / settings.tuner.maxEpochs);
}

export const workDone = (settings: StudySettings, trials: readonly Trial[]): number =>
  trials.reduce((sum, t) => sum + epochsTrained(t) * shareOf(settings, t), 0);

/** At most this much (as plannedWork, which max trials can cut short, in proportion). */
export function workPlanned(settings: StudySettings): number {
  const planned = plannedWork(settings);
  const plan = budgetPlan(settings);
  if (plan.kind !== 'brackets' || settings.budget !== 'data') return planned.epochs;
  let trials = 0;
  let work = 0;
  for (const b of plan.brackets) {
    const w = roundsWork(b.rounds, settings);
    trials += w.trials;
    work += w.fullDataEpochs;
  }
  const kept = trials > 0 ? Math.min(1, planned.trials / trials) : 1;
  return work * kept * settings.executionsPerTrial;
}
