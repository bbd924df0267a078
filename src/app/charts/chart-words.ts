/**
 * Each chart's data in a sentence: its text alternative for screen readers, and the line printed under
 * it on a handout. Plain data in, words out.
 */
import { formatNumber, joinAnd, plural } from '../../core/format';
import type { AnytimePoint } from '../../core/race';
import type { DecaySchedule } from '../../core/schedule';
import { better, type Objective } from '../../core/scoring';
import type { Trial } from '../../core/study';
import { EPOCH_UNIT } from '../../report/explain/budget-unit';
import type { Guess } from '../../report/explain/guess-score';

const scored = (t: Trial) => t.score !== undefined && Number.isFinite(t.score) && t.state !== 'failed';
const value = (x: number) => formatNumber(x, 4);

function bestOf(trials: readonly Trial[], objective: Objective): Trial | undefined {
  let best: Trial | undefined;
  for (const t of trials)
    if (scored(t) && (!best || better(objective.direction, t.score!, best.score!))) best = t;
  return best;
}

const bestText = (t: Trial, objective: Objective, unit = EPOCH_UNIT) =>
  `trial ${t.number + 1}, ${objective.metric} ${value(t.score!)} ${unit.after(t.resource)}`;

/**
 * "12 configurations trained for 1 epoch (4 promoted), 4 for 3 epochs (1 promoted)… Best: trial 5, …";
 * with a data budget "… trained on 11.1 % of the training rows (4 promoted), 4 on 33.3 % of …".
 */
export function rungsWords(
  trials: readonly Trial[],
  objective: Objective,
  unit = EPOCH_UNIT,
  guess?: Guess,
): string {
  const started = trials.filter((t) => t.state !== 'pending');
  if (started.length === 0) return 'No configuration has started yet.';
  const parents = new Set(trials.flatMap((t) => (t.parentId !== undefined ? [t.parentId] : [])));
  const budgets = [...new Set(started.map((t) => t.resource))].sort((a, b) => a - b);
  const rungs = budgets.map((b, i) => {
    const here = started.filter((t) => t.resource === b);
    const promoted = here.filter((t) => parents.has(t.id)).length;
    const what = i === 0 ? `${plural(here.length, 'configuration')} trained` : String(here.length);
    return `${what} ${unit.trained(b)}${promoted ? ` (${promoted} promoted)` : ''}`;
  });
  const best = bestOf(trials, objective);
  return `${rungs.join(', ')}.${best ? ` Best: ${bestText(best, objective, unit)}.` : ''}${guessWords(best && guess)}`;
}

/** The dashed line, in words: " A guess that ignores the inputs scores 0.555." */
const guessWords = (guess: Guess | undefined): string =>
  guess ? ` A guess that ignores the inputs scores ${value(guess.score)}.` : '';

/** "23 finished trials; the best val_accuracy so far, 1, first reached by trial 5." */
export function historyWords(trials: readonly Trial[], objective: Objective, guess?: Guess): string {
  const finished = trials.filter(scored);
  const best = bestOf(finished, objective);
  if (!best) return 'No trial has finished yet.';
  const first = finished
    .filter((t) => t.score === best.score)
    .reduce((a, b) => (b.number < a.number ? b : a));
  return `${plural(finished.length, 'finished trial')}; the best ${objective.metric} so far, ${value(best.score!)}, first reached by trial ${first.number + 1}.${guessWords(guess)}`;
}

/** "Curves of 23 trials. The best: trial 5, val_accuracy 1 after 9 epochs." */
export function curvesWords(trials: readonly Trial[], objective: Objective, unit = EPOCH_UNIT): string {
  const drawn = trials.filter((t) => t.state !== 'pending');
  if (drawn.length === 0) return 'No trial has started yet.';
  const best = bestOf(drawn, objective);
  return `Curves of ${plural(drawn.length, 'trial')}.${best ? ` The best: ${bestText(best, objective, unit)}.` : ''}`;
}

/** "Trial 5: α from 0.001 to 0.00063 over 9 epochs; …". */
export function scheduleWords(
  lines: readonly { label: string; schedule: DecaySchedule; last: number }[],
  epochs: number,
): string {
  if (lines.length === 0) return 'No configuration with a learning rate yet.';
  const each = lines.map(
    (l) =>
      `${l.label}: α from ${formatNumber(l.schedule.initialRate, 3)} to ${formatNumber(l.last, 3)}${l.schedule.decayRate === 1 ? ' (constant)' : ''}`,
  );
  return `Over ${plural(epochs, 'epoch')}: ${each.join('; ')}.`;
}

/** "learning rate explains 41% of the variance, layers 22%, …". */
export function importanceWords(list: readonly { name: string; importance: number }[]): string {
  if (list.length === 0) return 'Not computed yet.';
  const parts = list.map((r) => `${r.name} ${Math.round(r.importance * 100)}%`);
  return `Share of the score’s variance each hyperparameter explains: ${joinAnd(parts)}.`;
}

/** "Random search: best val_accuracy 0.99 after 11 epochs; Hyperband: …". */
export function raceWords(
  lanes: readonly { name: string; curve: readonly AnytimePoint[] }[],
  metric: string,
) {
  const parts = lanes.map((l) => {
    const end = l.curve.at(-1);
    return end
      ? `${l.name}: best ${metric} ${value(end.best)} after ${plural(end.epochs, 'epoch')}`
      : `${l.name}: nothing finished yet`;
  });
  return `${parts.join('; ')}.`;
}

/** "Random search: mean val_accuracy 0.83 over 5 seeds, 0.80 to 0.85, 2 wins; Hyperband: …". */
export function seedsWords(
  tuners: readonly {
    label: string;
    finals: readonly (number | undefined)[];
    mean?: number;
    min?: number;
    max?: number;
    wins: number;
  }[],
  metric: string,
) {
  const parts = tuners.map((t) => {
    const seeds = t.finals.filter((f) => f !== undefined).length;
    if (t.mean === undefined || t.min === undefined || t.max === undefined)
      return `${t.label}: nothing finished yet`;
    return `${t.label}: mean ${metric} ${value(t.mean)} over ${plural(seeds, 'seed')}, ${value(t.min)} to ${value(t.max)}, ${plural(t.wins, 'win')}`;
  });
  return `${parts.join('; ')}.`;
}

/** "Final val_loss: 0.21 with a constant rate, 0.18 with decay (0.95 every 100 steps)." */
export function decayWords(
  metric: string,
  constant: number | undefined,
  decayed: number | undefined,
  decay?: { rate: number; steps: number },
): string {
  const show = (x: number | undefined) => (x === undefined ? 'none' : value(x));
  return `Final ${metric}: ${show(constant)} with a constant learning rate, ${show(decayed)} with decay${decay ? ` (${formatNumber(decay.rate)} every ${plural(decay.steps, 'step')})` : ''}.`;
}

/** "The best model predicts class 1 on 48% of the plane; 400 data points are drawn on it." */
export function boundaryWords(probabilities: Float32Array | undefined, points: number): string {
  if (!probabilities || probabilities.length === 0)
    return `${plural(points, 'data point')}; the best model's boundary is not drawn yet.`;
  let ones = 0;
  for (const p of probabilities) if (p >= 0.5) ones++;
  return `The best model predicts class 1 on ${Math.round((100 * ones) / probabilities.length)}% of the plane and class 0 on the rest; ${plural(points, 'data point')} are drawn on it.`;
}
