/** One network, five learning rates: the too-high ones diverge and score far below the others. */
import { formatNumber, joinAnd } from '../../core/format';
import { better, type Objective } from '../../core/scoring';
import { bestTrial, type Trial } from '../../core/study';
import {
  gapWords,
  judgeGap,
  noiseVerdictWords,
  scoreNoise,
  type SplitRows,
} from '../explain/noise-judgement';
import { isScored, trialRef } from '../explain/trial-words';
import { twoLayerSpace } from './two-layer-space';
import { judged, notYet, type Lesson, type LessonRun, type Verdict } from './types';

/** At or above this a learning rate counts as "too high" for Adam on this network. */
const TOO_HIGH = 1;

const space = twoLayerSpace(32, [
  { kind: 'choice', name: 'learning_rate', values: [0.001, 0.01, 0.1, 1, 3] },
]);

const rate = (t: Trial): number => Number(t.config.learning_rate);
const num = (x: number): string => formatNumber(x);

/** "trial #4 at learning rate 1: val_accuracy 0.5 (a gap of 0.45, more than the validation noise…)". */
function highWords(t: Trial, best: Trial, objective: Objective, rows: SplitRows | undefined): string {
  const at = `trial ${trialRef(t)} at learning rate ${num(rate(t))}`;
  if (!isScored(t)) return `${at} failed (${t.reason ?? 'no score'})`;
  const judgement = judgeGap(best.score!, t.score!, scoreNoise(best, objective.metric, rows));
  return `${at} scored ${objective.metric} ${num(t.score!)}, ${gapWords(judgement)} below the best, ${noiseVerdictWords(judgement)}`;
}

function check(run: LessonRun): Verdict {
  const trials = run.lanes[0]?.trials ?? [];
  if (!run.finished)
    return notYet('The search is still running: the verdict comes when all five rates have trained.');
  const settled = trials.filter((t) => t.state !== 'pending' && t.state !== 'running');
  const high = settled.filter((t) => rate(t) >= TOO_HIGH);
  const best = bestTrial(
    settled.filter((t) => rate(t) < TOO_HIGH),
    run.objective.direction,
  );
  if (high.length === 0 || !best)
    return notYet(
      `The run needs learning rates both below and at or above ${TOO_HIGH}; change the space back to the lesson's.`,
    );
  const noise = scoreNoise(best, run.objective.metric, run.rows);
  const diverged = high.filter(
    (t) =>
      !isScored(t) ||
      (better(run.objective.direction, best.score!, t.score!) &&
        judgeGap(best.score!, t.score!, noise).verdict === 'beyond'),
  );
  const because = `the best of the smaller rates was ${run.objective.metric} ${num(best.score!)} at ${num(rate(best))} (trial ${trialRef(best)}); ${joinAnd(high.map((t) => highWords(t, best, run.objective, run.rows)))}.`;
  return judged(diverged.length === high.length, because);
}

export const learningRate: Lesson = {
  id: 'learning-rate',
  title: 'A learning rate too high',
  claim: 'A learning rate too high diverges: the same network scores far worse at 1 or 3 than at 0.01.',
  link: {
    dataset: 'moons',
    size: '400',
    noise: '0.1',
    tuner: 'grid',
    epochs: '10',
    maxTrials: '5',
    seed: '42',
  },
  space,
  steps: [
    {
      panel: 'history',
      say: () =>
        'Grid search trains one fixed network (two layers of 32 units, Adam) at five learning rates: 0.001, 0.01, 0.1, 1 and 3. Each dot is one rate’s score, in that order.',
    },
    {
      panel: 'curves',
      say: () =>
        'The learning curves: the good rates climb within a few epochs; a rate too high jumps around or stays flat near chance, because each step overshoots the minimum it aims at.',
    },
    { panel: 'leaderboard', say: (run) => check(run).because },
  ],
  check,
};
