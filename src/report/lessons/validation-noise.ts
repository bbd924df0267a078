/** With about 100 validation rows, the gap between the best trial and the next score is noise. */
import { formatNumber, plural } from '../../core/format';
import { bestTrial, type Trial } from '../../core/study';
import { explainChoice } from '../explain/best-choice';
import { gapWords, judgeGap, noiseVerdictWords, scoreNoise } from '../explain/noise-judgement';
import { isScored, trialRef } from '../explain/trial-words';
import { judged, notYet, type Lesson, type LessonRun, type Verdict } from './types';

const num = (x: number): string => formatNumber(x);

/** The best trial and the best one with a different (lower) score: the smallest gap the leaderboard shows at its top. */
function topTwo(run: LessonRun): { best?: Trial; next?: Trial } {
  const trials = (run.lanes[0]?.trials ?? []).filter(isScored);
  const best = bestTrial(trials, run.objective.direction);
  const next =
    best &&
    bestTrial(
      trials.filter((t) => t.score !== best.score),
      run.objective.direction,
    );
  return { best, next };
}

function check(run: LessonRun): Verdict {
  if (!run.finished)
    return notYet('The search is still running: the verdict comes when every trial has a score.');
  if (!run.rows) return notYet('The data is not loaded, so its validation rows are unknown.');
  const { best, next } = topTwo(run);
  if (!best || !next) return notYet('The run needs at least two different scores to compare.');
  const judgement = judgeGap(best.score!, next.score!, scoreNoise(best, run.objective.metric, run.rows));
  const because = `the best trial, ${trialRef(best)}, scored ${run.objective.metric} ${num(best.score!)} and the next score, trial ${trialRef(next)}'s, was ${num(next.score!)}: a gap of ${gapWords(judgement)}, ${noiseVerdictWords(judgement)}.`;
  return judged(judgement.verdict === 'within', because);
}

export const validationNoise: Lesson = {
  id: 'validation-noise',
  title: 'A small gap is noise',
  claim: 'With 100 validation rows, a gap of 0.01 or 0.02 between two trials is noise: one or two rows.',
  link: {
    dataset: 'moons',
    size: '667',
    noise: '0.3',
    tuner: 'random',
    epochs: '8',
    maxTrials: '8',
    seed: '42',
  },
  steps: [
    {
      panel: 'leaderboard',
      say: (run) =>
        `The leaderboard ranks the trials by validation accuracy, measured on ${run.rows ? plural(run.rows.validation, 'validation row') : 'the validation rows'}: one row is ${run.rows ? num(1 / run.rows.validation) : 'one over that count'} of accuracy.`,
    },
    {
      panel: 'choice',
      say: (run) => {
        const choice = run.finished
          ? explainChoice({
              trials: run.lanes[0]?.trials ?? [],
              settings: run.lanes[0].settings,
              rows: run.rows,
            })
          : undefined;
        return (
          choice?.sections.find((s) => s.id === 'noise')?.text ??
          'When the search ends, this panel works out the validation noise.'
        );
      },
    },
    { panel: 'leaderboard', say: (run) => check(run).because },
  ],
  check,
};
