/** A high learning rate, constant or decayed: with decay the validation loss settles. */
import { formatNumber } from '../../core/format';
import type { Trial } from '../../core/study';
import { decayReading } from '../explain/decay-reading';
import { trialRef } from '../explain/trial-words';
import { twoLayerSpace } from './two-layer-space';
import { judged, notYet, type Lesson, type LessonRun, type Verdict } from './types';

/** Decay counts as a help when the loss moves at most this share of what it moves at a constant rate. */
const SETTLED = 0.5;

const space = twoLayerSpace(64, [
  { kind: 'fixed', name: 'learning_rate', value: 0.05 },
  { kind: 'choice', name: 'lr_decay_rate', values: [1, 0.9] },
  { kind: 'fixed', name: 'lr_decay_steps', value: 15 },
]);

const history = (t: Trial) => t.executions[0]?.history ?? [];

function pair(run: LessonRun): { constant?: Trial; decayed?: Trial } {
  const trials = (run.lanes[0]?.trials ?? []).filter((t) => t.state === 'completed');
  return {
    constant: trials.find((t) => t.config.lr_decay_rate === 1),
    decayed: trials.find((t) => Number(t.config.lr_decay_rate) < 1),
  };
}

function check(run: LessonRun): Verdict {
  if (!run.finished)
    return notYet('The search is still running: the verdict comes when both runs have trained.');
  const { constant, decayed } = pair(run);
  if (!constant || !decayed)
    return notYet('The run needs one trial with a constant rate and one with decay.');
  const reading = decayReading(history(constant), history(decayed));
  if (!reading) return notYet('The runs are too short to compare their last half.');
  const last = (t: Trial) => formatNumber(history(t).at(-1)?.metrics[reading.metric] ?? NaN);
  const because = `trial ${trialRef(constant)} kept α at 0.05 and trial ${trialRef(decayed)} decayed it; ${reading.words.replace(/:.*$/, '')}, ${formatNumber(reading.decayed / reading.constant, 2)} times as much. The last ${reading.metric}: ${last(constant)} constant, ${last(decayed)} decayed.`;
  return judged(reading.steadier && reading.decayed <= SETTLED * reading.constant, because);
}

export const decay: Lesson = {
  id: 'decay',
  title: 'Exponential decay helps here',
  claim: `Exponential decay helps here: at a high learning rate (0.05) the validation loss keeps bouncing, and decaying the rate settles it (it moves half as much or less).`,
  link: {
    dataset: 'moons',
    size: '667',
    noise: '0.3',
    tuner: 'grid',
    epochs: '30',
    maxTrials: '2',
    seed: '42',
  },
  space,
  steps: [
    {
      panel: 'curves',
      say: () =>
        'Grid search trains the same network twice at α = 0.05: once with a constant rate, once multiplied by 0.9 every 15 steps (about one epoch). Compare the two validation-loss curves in their second half.',
    },
    {
      panel: 'leaderboard',
      say: () =>
        'The leaderboard names the two runs: lr_decay_rate 1 is the constant rate. Decay does not always raise the best score; what it changes is how still the model ends.',
    },
    { panel: 'curves', say: (run) => check(run).because },
  ],
  check,
};
