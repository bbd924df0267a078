/**
 * "How do we choose the best set? What do we look at?" answered for a finished study: what the score is,
 * the best trial's train–validation gap, how noisy its validation estimate is, whether the runner-up is
 * within that noise, how ties break, and why the test split is used once, for the chosen configuration.
 */
import { formatCount, formatNumber, plural } from '../../core/format';
import { algorithmInfo } from '../../core/oracles/registry';
import { better, type EpochRecord, type Objective, type Scoring } from '../../core/scoring';
import { configKey } from '../../core/space';
import { bestTrial, type StudySettings, type Trial } from '../../core/study';
import {
  baseMetric,
  gapWords,
  judgeGap,
  noiseVerdictWords,
  scoreNoise,
  small,
  TIE_BAND,
  type GapJudgement,
  type Noise,
  type SplitRows,
} from './noise-judgement';
import type { Guess } from './guess-score';
import { readGuess, type GuessReading } from './guess-words';
import { scoreWords, trialName, trialRef } from './trial-words';

export type { SplitRows } from './noise-judgement';

export interface ChoiceInput {
  trials: readonly Trial[];
  settings: Pick<StudySettings, 'objective' | 'scoring' | 'executionsPerTrial' | 'tuner'>;
  /** Unknown (no dataset loaded): the noise from the validation size cannot be worked out. */
  rows?: SplitRows;
  /** What a model that ignores its inputs scores on the objective (guess-score.ts). */
  guess?: Guess;
}

export interface Gap {
  epoch: number;
  trainMetric: string;
  validationMetric: string;
  train: number;
  validation: number;
  /** How much worse the validation value is than the training one (negative: it is better). */
  worse: number;
}

export interface RunnerUp {
  trial: Trial;
  /** |best − runner-up| */
  difference: number;
  /** Within TIE_BAND standard errors of the best score; undefined when the noise is unknown. */
  tied?: boolean;
  judgement: GapJudgement;
}

export interface ChoiceSection {
  id: 'score' | 'guess' | 'gap' | 'noise' | 'runner-up' | 'ties' | 'test';
  title: string;
  text: string;
}

export interface BestChoice {
  best: Trial;
  gap?: Gap;
  noise: Noise;
  runnerUp?: RunnerUp;
  /** The best trial against the guess, when there is one. */
  guess?: GuessReading;
  sections: ChoiceSection[];
}

/** The epoch an execution's score was taken from: the first best one, or the last one. */
export function scoredRecord(
  history: readonly EpochRecord[],
  objective: Objective,
  scoring: Scoring,
): EpochRecord | undefined {
  let chosen: EpochRecord | undefined;
  for (const record of history) {
    const v = record.metrics[objective.metric];
    if (!Number.isFinite(v)) continue;
    if (scoring === 'last' || !chosen || better(objective.direction, v, chosen.metrics[objective.metric]))
      chosen = record;
  }
  return chosen;
}

/** The best trial's training and validation values at its scored epoch, averaged over its executions. */
export function trainValidationGap(trial: Trial, objective: Objective, scoring: Scoring): Gap | undefined {
  const validationMetric = objective.metric.startsWith('val_') ? objective.metric : `val_${objective.metric}`;
  const trainMetric = baseMetric(objective.metric);
  const pairs = trial.executions.flatMap((e) => {
    const record = e.score === undefined ? undefined : scoredRecord(e.history, objective, scoring);
    const train = record?.metrics[trainMetric];
    const validation = record?.metrics[validationMetric];
    return record && Number.isFinite(train) && Number.isFinite(validation)
      ? [{ epoch: record.epoch, train: train!, validation: validation! }]
      : [];
  });
  if (pairs.length === 0) return undefined;
  const train = pairs.reduce((s, p) => s + p.train, 0) / pairs.length;
  const validation = pairs.reduce((s, p) => s + p.validation, 0) / pairs.length;
  return {
    epoch: pairs[0].epoch,
    trainMetric,
    validationMetric,
    train,
    validation,
    worse: objective.direction === 'max' ? train - validation : validation - train,
  };
}

/** The best trial with a different configuration (a promoted copy of the winner is not a rival). */
export function findRunnerUp(best: Trial, trials: readonly Trial[], objective: Objective): Trial | undefined {
  const key = configKey(best.config);
  return bestTrial(
    trials.filter((t) => t.id !== best.id && configKey(t.config) !== key),
    objective.direction,
  );
}

export function explainChoice(input: ChoiceInput): BestChoice | undefined {
  const { objective, scoring } = input.settings;
  const best = bestTrial(input.trials, objective.direction);
  if (!best) return undefined;
  const gap = trainValidationGap(best, objective, scoring);
  const noise = scoreNoise(best, objective.metric, input.rows);
  const se = noise.kind === 'unknown' ? undefined : noise.standardError;
  const rival = findRunnerUp(best, input.trials, objective);
  const judgement = rival && judgeGap(best.score!, rival.score!, noise);
  const runnerUp: RunnerUp | undefined = rival &&
    judgement && {
      trial: rival,
      difference: judgement.gap,
      judgement,
      ...(judgement.verdict !== 'unknown' && { tied: judgement.verdict !== 'beyond' }),
    };
  const words = new ChoiceWords(input, best);
  const guess = input.guess && readGuess(best, input.guess, objective, noise, input.trials);
  return {
    best,
    gap,
    noise,
    runnerUp,
    guess,
    sections: [
      { id: 'score', title: 'What is a score?', text: words.score() },
      ...(guess ? [{ id: 'guess' as const, title: 'Better than a guess?', text: guess.text }] : []),
      { id: 'gap', title: 'Training against validation', text: words.gap(gap, se) },
      { id: 'noise', title: 'How noisy is the validation estimate?', text: words.noise(noise) },
      {
        id: 'runner-up',
        title: 'Is the runner-up within that noise?',
        text: words.runnerUp(runnerUp),
      },
      { id: 'ties', title: 'How are ties broken?', text: words.ties(runnerUp) },
      { id: 'test', title: 'Then the test split, once', text: words.test() },
    ],
  };
}

const num = (x: number): string => formatNumber(x);

/** The noise of a validation loss, MAE or AUC, from the spread over the validation rows. */
function rowsNoiseWords(noise: Extract<Noise, { kind: 'rows' }>, score: number): string {
  const rows = noise.rows === undefined ? 'the validation rows' : plural(noise.rows, 'validation row');
  const how =
    baseMetric(noise.metric) === 'auc'
      ? `An AUC measured on ${rows} has a standard error (Hanley and McNeil's formula, from the AUC and the rows of each class) of ${small(noise.fromRows)}`
      : `${noise.metric} is a mean over ${rows}: the spread of its per-row values gives it a standard error (sd/√n) of ${small(noise.fromRows)}`;
  const seeds =
    noise.seedError !== undefined
      ? `; with the spread over executions (${small(noise.seedError)}) it is ${small(noise.standardError)}`
      : '';
  const margin = TIE_BAND * noise.standardError;
  // Losses and errors are never negative; an AUC is at most 1.
  const high = baseMetric(noise.metric) === 'auc' ? Math.min(1, score + margin) : score + margin;
  return `${how}${seeds}: the true value is likely between ${num(Math.max(0, score - margin))} and ${num(high)} (about 95 %).`;
}

/** "no wrong answer among 206 rows", "only 3 wrong answers among 206 rows". */
const fewAnswers = ({ fewer, count }: { fewer: string; count: number }, rows: number): string =>
  `${count === 0 ? `no ${fewer} answer` : `only ${plural(count, `${fewer} answer`)}`} among ${plural(rows, 'row')}`;

class ChoiceWords {
  constructor(
    private readonly input: ChoiceInput,
    private readonly best: Trial,
  ) {}

  private get objective(): Objective {
    return this.input.settings.objective;
  }

  score(): string {
    const { scoring, executionsPerTrial, tuner } = this.input.settings;
    const { metric, direction } = this.objective;
    const epoch = scoring === 'best' ? 'best epoch' : 'last epoch';
    const over =
      executionsPerTrial > 1
        ? `averaged over its ${plural(executionsPerTrial, 'execution')} (training runs with different seeds); the leaderboard shows the mean ± the spread`
        : 'from one execution (one training run)';
    const rungs = algorithmInfo(tuner.algorithm).multiFidelity
      ? ' Trials at every rung compete, though one stopped on a low rung trained for less.'
      : '';
    return `A trial's score is the ${metric} of its ${epoch} (${direction === 'max' ? 'higher' : 'lower'} is better), ${over}. The best score wins: ${trialName(this.best)} with ${scoreWords(this.best.score!, this.objective)}.${rungs}`;
  }

  gap(gap: Gap | undefined, se: number | undefined): string {
    if (!gap)
      return `The training value (${baseMetric(this.objective.metric)}) was not recorded, so the gap cannot be shown.`;
    const values = `At its scored epoch, epoch ${gap.epoch}, ${trialName(this.best)} had ${gap.trainMetric} ${num(gap.train)} on its training rows and ${gap.validationMetric} ${num(gap.validation)} on the validation rows`;
    if (gap.worse <= 0)
      return `${values}: validation is as good or better. Training values are averaged over each epoch while the weights still change (and with dropout on), so this happens; it is no sign of overfitting.`;
    const gapText = `${values}: validation is worse by ${small(gap.worse)}.`;
    if (se === undefined || !this.objective.metric.startsWith('val_'))
      return `${gapText} A large gap means the model fits its training rows better than new ones (overfitting).`;
    return gap.worse > TIE_BAND * se
      ? `${gapText} That is more than the validation noise (${TIE_BAND} × ${small(se)}): the model fits its training rows better than new ones, a sign of overfitting.`
      : `${gapText} That is within the validation noise (${TIE_BAND} × ${small(se)}): no clear sign of overfitting.`;
  }

  noise(noise: Noise): string {
    const { metric } = this.objective;
    const score = this.best.score!;
    if (noise.kind === 'unknown') {
      if (noise.why === 'no-rows')
        return 'The dataset is not loaded, so the validation size, and with it the noise, is unknown.';
      return metric.startsWith('val_')
        ? `These results hold no standard error of ${metric} from the validation rows (results saved by an earlier version do not), and one execution shows no spread. Set Executions per trial above 1, or use k-fold cross-validation, to measure it.`
        : `${metric} is not a proportion of rows, and one execution shows no spread: its noise cannot be estimated from one execution. Set Executions per trial above 1, or use k-fold cross-validation, to measure it.`;
    }
    if (noise.kind === 'rows') return rowsNoiseWords(noise, score);
    if (noise.kind === 'executions')
      return `Over its ${plural(noise.executions, 'execution')} ${metric} varied with a standard deviation of ${small(noise.sd)}, so the mean has a standard error of ${small(noise.sd)}/√${noise.executions} = ${small(noise.standardError)}: the true value is likely within ${num(score)} ± ${small(TIE_BAND * noise.standardError)}.`;
    const rows = this.input.rows!;
    const where = !metric.startsWith('val_')
      ? `This objective is measured on the ${plural(noise.rows, 'training row')} the model learns from, which rewards overfitting; a validation metric is a fairer judge.`
      : rows.folds && rows.folds.length >= 2
        ? `Its executions validated on ${plural(Math.min(this.input.settings.executionsPerTrial, rows.folds.length), 'fold')} of the cross-validation, ${plural(noise.rows, 'row')} in all.`
        : `The validation split has ${plural(noise.rows, 'row')}.`;
    const { fromRows } = noise;
    const formula = fromRows.adjusted
      ? `With ${fewAnswers(fromRows.adjusted, noise.rows)}, the usual √(p(1−p)/n) would claim too little noise (0 for a perfect score); adding two right and two wrong answers first (Agresti–Coull) gives a standard error of √(p̃(1−p̃)/(n+4)) = √(${num(fromRows.adjusted.p)} × ${num(1 - fromRows.adjusted.p)} / ${formatCount(noise.rows + 4)}) = ${small(fromRows.standardError)}`
      : `An accuracy p measured on n rows has a standard error of √(p(1−p)/n) = √(${num(score)} × ${num(1 - score)} / ${formatCount(noise.rows)}) = ${small(fromRows.standardError)}`;
    const seeds =
      noise.seedError !== undefined
        ? `; with the spread over executions (${small(noise.seedError)}) it is ${small(noise.standardError)}`
        : '';
    const margin = TIE_BAND * noise.standardError;
    return `${where} ${formula}${seeds}: the true accuracy is likely between ${num(Math.max(0, score - margin))} and ${num(Math.min(1, score + margin))} (about 95 %).`;
  }

  runnerUp(runnerUp: RunnerUp | undefined): string {
    if (!runnerUp) return 'No other configuration has a score to compare with.';
    const { judgement } = runnerUp;
    if (judgement.verdict === 'same')
      return `The runner-up, ${trialName(runnerUp.trial)}, has exactly the same score: the two are tied at any validation size.`;
    return `The runner-up, ${trialName(runnerUp.trial)} (${scoreWords(runnerUp.trial.score!, this.objective)}), is ${gapWords(judgement)} behind: ${noiseVerdictWords(judgement)}.`;
  }

  ties(runnerUp: RunnerUp | undefined): string {
    const { scoring } = this.input.settings;
    const exact =
      runnerUp && runnerUp.difference === 0
        ? ` ${trialName(this.best)} and ${trialRef(runnerUp.trial)} score exactly the same: ${trialRef(this.best)} wins because its number is lower.`
        : '';
    const epoch =
      scoring === 'best'
        ? ' Within a trial the score is its best epoch (the first one, if several are equal).'
        : ' Within a trial the score is its last epoch.';
    const statistical =
      runnerUp?.tied === true
        ? ' A statistical tie is not broken by the data: any of the tied configurations is a fair choice, so prefer the simpler or cheaper one.'
        : '';
    return `The tuner takes the best score; an exact tie goes to the lower trial number, the same however many workers ran the study.${exact}${epoch}${statistical}`;
  }

  test(): string {
    const rows = this.input.rows ? `The ${plural(this.input.rows.test, 'test row')}` : 'The test rows';
    return `${rows} took no part in the search. Use them once, for the chosen configuration only: that score estimates how the model does on new data. Choosing between trials by their test score would make the test split a second validation split, and its score optimistic.`;
  }
}
