/** A search space of tiny networks on a spiral: sixteen trials do no better than the first four. */
import { formatNumber } from '../../core/format';
import { bestTrial } from '../../core/study';
import { gapWords, judgeGap, noiseVerdictWords, scoreNoise } from '../explain/noise-judgement';
import { trialRef } from '../explain/trial-words';
import { twoLayerSpace } from './two-layer-space';
import { judged, notYet, type Lesson, type LessonRun, type Verdict } from './types';

/** The trials "at first": a quarter of the search. */
const FIRST = 4;

const space = twoLayerSpace(
  [
    { kind: 'int', name: 'units_0', min: 2, max: 4 },
    { kind: 'int', name: 'units_1', min: 2, max: 4 },
  ],
  [{ kind: 'float', name: 'learning_rate', min: 1e-3, max: 1e-2, sampling: 'log' }],
);

const num = (x: number): string => formatNumber(x);

function check(run: LessonRun): Verdict {
  if (!run.finished)
    return notYet('The search is still running: the verdict compares its first trials with all of them.');
  const trials = run.lanes[0]?.trials ?? [];
  const early = bestTrial(
    trials.filter((t) => t.number < FIRST),
    run.objective.direction,
  );
  const final = bestTrial(trials, run.objective.direction);
  if (!early || !final || trials.length <= FIRST)
    return notYet(`The run needs more than ${FIRST} finished trials to compare.`);
  const judgement = judgeGap(final.score!, early.score!, scoreNoise(final, run.objective.metric, run.rows));
  const because = `after the first ${FIRST} trials the best ${run.objective.metric} was ${num(early.score!)} (trial ${trialRef(early)}); after all ${trials.length}, ${num(final.score!)} (trial ${trialRef(final)}): ${judgement.verdict === 'same' ? 'no gain at all' : `a gain of ${gapWords(judgement)}, ${noiseVerdictWords(judgement)}`}.`;
  return judged(judgement.verdict === 'same' || judgement.verdict === 'within', because);
}

export const badSpace: Lesson = {
  id: 'bad-space',
  title: 'More trials do not fix a bad space',
  claim:
    'More trials do not fix a bad search space: networks of 2 to 4 units cannot learn a spiral, however many you try.',
  link: {
    dataset: 'spiral',
    size: '1000',
    noise: '0.2',
    tuner: 'random',
    epochs: '8',
    maxTrials: '16',
    seed: '42',
  },
  space,
  steps: [
    {
      panel: 'history',
      say: () =>
        `The space allows only two layers of 2 to 4 units. Watch the history: after the first ${FIRST} trials, does the best-so-far line still climb?`,
    },
    {
      panel: 'leaderboard',
      say: () =>
        'The leaderboard: all sixteen networks sit close together, far from what a spiral needs (the default demo’s deeper, wider networks reach much higher).',
    },
    { panel: 'history', say: (run) => check(run).because },
  ],
  check,
};
