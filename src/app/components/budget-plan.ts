/** What a setup will cost before it runs: brackets and rounds, rungs, or trials × epochs. */
import type { ExperimentSetup } from '../../core/experiment';
import { ashaRungs } from '../../core/oracles/asha';
import { hyperbandPlan, type PlanRound } from '../../core/oracles/hyperband-plan';
import { successiveHalvingRounds } from '../../core/oracles/successive-halving';
import { gridSize, spaceSize, validateSpace } from '../../core/space';
import { formatCount, formatNumber } from './format';

export interface BracketLine {
  bracket: number;
  /** "12 × 2 ep → 4 × 4 ep → 2 × 10 ep" */
  rounds: string;
  trials: number;
  /** Full-data epochs trained (a promoted trial trains only the difference). */
  epochs: number;
}

export type BudgetPlan =
  | {
      kind: 'brackets';
      brackets: BracketLine[];
      trials: number;
      epochs: number;
      executions: number;
      maxTrials: number;
      dataBudget: boolean;
    }
  | {
      kind: 'rungs';
      rungs: number[];
      maxTrials: number;
      factor: number;
      executions: number;
      dataBudget: boolean;
      maxEpochs: number;
    }
  | { kind: 'flat'; trials: number; epochsPerTrial: number; executions: number; cappedBy?: string }
  | { kind: 'invalid'; message: string };

export function budgetPlan(setup: ExperimentSetup): BudgetPlan {
  try {
    return plan(setup);
  } catch (e) {
    return { kind: 'invalid', message: e instanceof Error ? e.message : String(e) };
  }
}

function plan(setup: ExperimentSetup): BudgetPlan {
  const { tuner, executionsPerTrial: executions, budget } = setup.study;
  const dataBudget = budget === 'data';
  const common = { executions, maxTrials: tuner.maxTrials, dataBudget };
  switch (tuner.algorithm) {
    case 'hyperband': {
      const p = hyperbandPlan(tuner);
      const brackets = p.brackets.map((b) =>
        line(b.bracket, b.rounds, tuner.maxEpochs, dataBudget ? tuner.epochs : 0),
      );
      return { kind: 'brackets', brackets, ...totals(brackets), ...common };
    }
    case 'successive-halving': {
      const rounds = successiveHalvingRounds(tuner);
      const brackets = [line(rounds.length - 1, rounds, tuner.maxEpochs, dataBudget ? tuner.epochs : 0)];
      return { kind: 'brackets', brackets, ...totals(brackets), ...common };
    }
    case 'asha':
      return {
        kind: 'rungs',
        rungs: ashaRungs(tuner),
        factor: tuner.factor,
        maxEpochs: tuner.maxEpochs,
        ...common,
      };
    default:
      return flat(setup);
  }
}

function flat(setup: ExperimentSetup): BudgetPlan {
  const { tuner, space, executionsPerTrial: executions } = setup.study;
  let trials = tuner.maxTrials;
  let cappedBy: string | undefined;
  validateSpace(space);
  const distinct = tuner.algorithm === 'grid' ? gridSize(space, tuner.gridPoints) : spaceSize(space);
  if (distinct !== 'continuous' && distinct < trials) {
    trials = distinct;
    cappedBy =
      tuner.algorithm === 'grid'
        ? `the grid has ${formatCount(distinct)} points`
        : `the space holds only ${formatCount(distinct)} combinations`;
  }
  return { kind: 'flat', trials, epochsPerTrial: tuner.epochs, executions, cappedBy };
}

/**
 * One bracket in words and its cost. With a data budget (`dataEpochs` > 0) a round of r trains
 * `dataEpochs` epochs on r/R of the rows from scratch, which costs dataEpochs · r/R full-data epochs.
 */
function line(bracket: number, rounds: PlanRound[], maxEpochs: number, dataEpochs: number): BracketLine {
  let epochs = 0;
  let previous = 0;
  const parts: string[] = [];
  for (const round of rounds) {
    if (dataEpochs > 0) {
      epochs += round.models * dataEpochs * (round.epochs / maxEpochs);
      parts.push(`${round.models} × ${formatNumber((100 * round.epochs) / maxEpochs, 3)} % data`);
    } else {
      epochs += round.models * (round.epochs - previous);
      parts.push(`${round.models} × ${round.epochs} ep`);
    }
    previous = round.epochs;
  }
  const trials = rounds.reduce((n, r) => n + r.models, 0);
  return { bracket, rounds: parts.join(' → '), trials, epochs };
}

function totals(brackets: BracketLine[]): { trials: number; epochs: number } {
  return {
    trials: brackets.reduce((n, b) => n + b.trials, 0),
    epochs: brackets.reduce((n, b) => n + b.epochs, 0),
  };
}
