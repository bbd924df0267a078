/** How much a study will train, before it runs: the progress bar's denominator and its ETA. */
import { hyperbandPlan, type PlanRound } from './oracles/hyperband-plan';
import { successiveHalvingRounds } from './oracles/successive-halving';
import { gridSize, spaceSize } from './space';
import type { StudySettings } from './study';

export interface PlannedWork {
  trials: number;
  /** Epochs trained over all trials and executions; promoted trials train only the difference. */
  epochs: number;
}

function roundsWork(rounds: PlanRound[]): PlannedWork {
  let previous = 0;
  let trials = 0;
  let epochs = 0;
  for (const r of rounds) {
    trials += r.models;
    epochs += r.models * (r.epochs - previous);
    previous = r.epochs;
  }
  return { trials, epochs };
}

/** At most this much: max trials, the grid or the space size can end a study earlier. */
export function plannedWork(settings: StudySettings): PlannedWork {
  const { tuner, executionsPerTrial: executions, budget } = settings;
  let work: PlannedWork;
  switch (tuner.algorithm) {
    case 'hyperband': {
      const plan = hyperbandPlan(tuner);
      work = { trials: plan.totalTrials, epochs: plan.totalEpochs };
      break;
    }
    case 'successive-halving':
      work = roundsWork(successiveHalvingRounds(tuner));
      break;
    case 'asha':
      work = { trials: tuner.maxTrials, epochs: tuner.maxTrials * tuner.maxEpochs };
      break;
    case 'grid': {
      const trials = Math.min(tuner.maxTrials, gridSize(settings.space, tuner.gridPoints));
      work = { trials, epochs: trials * tuner.epochs };
      break;
    }
    default: {
      const size = spaceSize(settings.space);
      const trials = size === 'continuous' ? tuner.maxTrials : Math.min(tuner.maxTrials, size);
      work = { trials, epochs: trials * tuner.epochs };
    }
  }
  if (work.trials > tuner.maxTrials) {
    work = { trials: tuner.maxTrials, epochs: Math.round((work.epochs * tuner.maxTrials) / work.trials) };
  }
  // A data budget trains every trial for tuner.epochs on its fraction of the rows, without resuming.
  if (budget === 'data') work = { trials: work.trials, epochs: work.trials * tuner.epochs };
  return { trials: work.trials, epochs: work.epochs * executions };
}
