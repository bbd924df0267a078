/** How much a study will train, before it runs: the budget preview's table and the progress bar's totals. */
import type { PlanRound } from './oracles/hyperband-plan';
import { algorithmInfo } from './oracles/registry';
import type { BudgetPlan, PlanInput } from './oracles/types';
import type { StudySettings } from './study';

export interface PlannedWork {
  trials: number;
  /** Epochs trained over all trials and executions; promoted trials train only the difference. */
  epochs: number;
}

export interface RoundsWork extends PlannedWork {
  /**
   * The cost in epochs over all the training rows. Equal to `epochs` with an epoch budget; with a data
   * budget a round of r trains `tuner.epochs` epochs from scratch on r/R of the rows.
   */
  fullDataEpochs: number;
}

export const budgetPlan = (input: PlanInput): BudgetPlan => algorithmInfo(input.tuner.algorithm).plan(input);

/** One execution's work for a bracket's rounds. */
export function roundsWork(
  rounds: readonly PlanRound[],
  { tuner, budget }: Omit<PlanInput, 'space'>,
): RoundsWork {
  let previous = 0;
  const work: RoundsWork = { trials: 0, epochs: 0, fullDataEpochs: 0 };
  for (const r of rounds) {
    work.trials += r.models;
    if (budget === 'data') {
      work.epochs += r.models * tuner.epochs;
      work.fullDataEpochs += r.models * tuner.epochs * (r.epochs / tuner.maxEpochs);
    } else {
      work.epochs += r.models * (r.epochs - previous);
      work.fullDataEpochs = work.epochs;
    }
    previous = r.epochs;
  }
  return work;
}

/** At most this much: max trials, the grid or the space size can end a study earlier. */
export function plannedWork(settings: StudySettings): PlannedWork {
  const { tuner, executionsPerTrial: executions } = settings;
  const plan = budgetPlan(settings);
  let work: PlannedWork;
  if (plan.kind === 'brackets') {
    work = { trials: 0, epochs: 0 };
    for (const b of plan.brackets) {
      const w = roundsWork(b.rounds, settings);
      work = { trials: work.trials + w.trials, epochs: work.epochs + w.epochs };
    }
  } else {
    // ASHA's total depends on the order results arrive: at most max trials, each to the top rung.
    const perTrial = plan.kind === 'rungs' && settings.budget === 'epochs' ? tuner.maxEpochs : tuner.epochs;
    const trials = plan.kind === 'flat' ? plan.trials : tuner.maxTrials;
    work = { trials, epochs: trials * perTrial };
  }
  if (work.trials > tuner.maxTrials) {
    work = { trials: tuner.maxTrials, epochs: Math.round((work.epochs * tuner.maxTrials) / work.trials) };
  }
  return { trials: work.trials, epochs: work.epochs * executions };
}
