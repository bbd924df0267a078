/** The plan of a single-fidelity search: max trials, or fewer when the space or the grid runs out first. */
import { gridSize, spaceSize, validateSpace } from '../space';
import type { BudgetPlan, PlanInput } from './types';

function capped(maxTrials: number, size: number | 'continuous', by: 'grid' | 'space'): BudgetPlan {
  return size !== 'continuous' && size < maxTrials
    ? { kind: 'flat', trials: size, cappedBy: { by, size } }
    : { kind: 'flat', trials: maxTrials };
}

/** Random search and the model-based tuners never repeat a config: a small discrete space ends them early. */
export function distinctConfigsPlan({ space, tuner }: PlanInput): BudgetPlan {
  validateSpace(space);
  return capped(tuner.maxTrials, spaceSize(space), 'space');
}

export function gridPlan({ space, tuner }: PlanInput): BudgetPlan {
  validateSpace(space);
  return capped(tuner.maxTrials, gridSize(space, tuner.gridPoints), 'grid');
}
