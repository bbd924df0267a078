/** The budget preview in words: the core's plan (brackets, rungs or flat trials) as table rows. */
import type { StudySettings } from '../../core/study';
import type { PlanRound } from '../../core/oracles/hyperband-plan';
import { budgetPlan, roundsWork } from '../../core/planned-work';
import { formatCount, formatNumber } from './format';

export interface BracketLine {
  bracket: number;
  /** "12 × 2 ep → 4 × 4 ep → 2 × 10 ep" */
  rounds: string;
  trials: number;
  /** Full-data epochs trained (a promoted trial trains only the difference). */
  epochs: number;
}

export type BudgetView =
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

export function budgetView(study: StudySettings): BudgetView {
  try {
    return view(study);
  } catch (e) {
    return { kind: 'invalid', message: e instanceof Error ? e.message : String(e) };
  }
}

function view(study: StudySettings): BudgetView {
  const { tuner, executionsPerTrial: executions, budget } = study;
  const dataBudget = budget === 'data';
  const common = { executions, maxTrials: tuner.maxTrials, dataBudget };
  const plan = budgetPlan(study);
  switch (plan.kind) {
    case 'brackets': {
      const brackets = plan.brackets.map((b) => {
        const work = roundsWork(b.rounds, study);
        return {
          bracket: b.bracket,
          rounds: roundsText(b.rounds, tuner.maxEpochs, dataBudget),
          trials: work.trials,
          epochs: work.fullDataEpochs,
        };
      });
      const trials = brackets.reduce((n, b) => n + b.trials, 0);
      const epochs = brackets.reduce((n, b) => n + b.epochs, 0);
      return { kind: 'brackets', brackets, trials, epochs, ...common };
    }
    case 'rungs':
      return {
        kind: 'rungs',
        rungs: plan.rungs,
        factor: tuner.factor,
        maxEpochs: tuner.maxEpochs,
        ...common,
      };
    case 'flat': {
      const { cappedBy } = plan;
      return {
        kind: 'flat',
        trials: plan.trials,
        epochsPerTrial: tuner.epochs,
        executions,
        cappedBy:
          cappedBy &&
          (cappedBy.by === 'grid'
            ? `the grid has ${formatCount(cappedBy.size)} points`
            : `the space holds only ${formatCount(cappedBy.size)} combinations`),
      };
    }
  }
}

/** "12 × 2 ep → 4 × 4 ep", or with a data budget "12 × 22.2 % data → …". */
function roundsText(rounds: readonly PlanRound[], maxEpochs: number, dataBudget: boolean): string {
  return rounds
    .map((r) =>
      dataBudget
        ? `${r.models} × ${formatNumber((100 * r.epochs) / maxEpochs, 3)} % data`
        : `${r.models} × ${r.epochs} ep`,
    )
    .join(' → ');
}
