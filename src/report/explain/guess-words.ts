/**
 * The best trial against a guess that ignores the inputs (guess-score.ts), in words: what the guess is,
 * what it scores, and whether the best trial clears it by more than the validation noise.
 */
import { formatNumber } from '../../core/format';
import { better, type Objective } from '../../core/scoring';
import type { Trial } from '../../core/study';
import { LOPSIDED_SHARE, type Guess } from './guess-score';
import {
  gapWords,
  judgeGap,
  noiseVerdictWords,
  proportionStandardError,
  TIE_BAND,
  type GapJudgement,
  type Noise,
} from './noise-judgement';
import { isScored, trialName } from './trial-words';

export interface GuessReading {
  guess: Guess;
  judgement: GapJudgement;
  /** The best trial is better than the guess by more than the noise (false: within it, or worse). */
  clears: boolean | undefined;
  text: string;
}

/** A class by its name: “no”, or class 0 when the name is a number. */
const className = (value: string | number | undefined): string =>
  /^-?\d+(\.\d+)?$/.test(String(value)) ? `class ${value}` : `“${value}”`;

const percent = (share: number): string => `${formatNumber(100 * share, 3)} %`;

/** "always answers “no” (the most common class, 88.3 % of the training rows)". */
function guessWhat(guess: Guess, fittedOn: string): string {
  switch (guess.kind) {
    case 'most-common':
      return guess.value === undefined
        ? `always answers the most common class of its ${fittedOn}`
        : `always answers ${className(guess.value)} (the most common class, ${percent(guess.share!)} of the ${fittedOn})`;
    case 'shares':
      return `gives every row the class shares of its ${fittedOn} as probabilities`;
    case 'constant':
      return 'gives every row the same probability (so it ranks no row above another)';
    case 'mean':
      return guess.value === undefined
        ? `always predicts the mean of its ${fittedOn}`
        : `always predicts ${formatNumber(guess.value as number)} (the mean of the ${fittedOn})`;
    case 'median':
      return guess.value === undefined
        ? `always predicts the median of its ${fittedOn}`
        : `always predicts ${formatNumber(guess.value as number)} (the median of the ${fittedOn})`;
  }
}

/**
 * "18 of the 30 trials scored no better than the guess, or within the validation noise of it (up to
 * 0.58): …", the lesson of a search where a bad configuration learns nothing; empty when every trial
 * cleared it. `band` is the noise of a score at the guess's level (TIE_BAND standard errors).
 */
function failedTrialsWords(
  trials: readonly Trial[],
  guess: Guess,
  objective: Objective,
  band: number | undefined,
): string {
  const scored = trials.filter(isScored);
  const sign = objective.direction === 'max' ? 1 : -1;
  const limit = guess.score + sign * (band ?? 0);
  const behind = scored.filter((t) => !better(objective.direction, t.score!, limit)).length;
  if (behind === 0) return '';
  const how = band
    ? `no better than the guess, or within the validation noise of it (${objective.direction === 'max' ? 'up to' : 'down to'} ${formatNumber(limit)})`
    : 'no better than the guess';
  return ` ${behind === scored.length ? `All ${scored.length}` : `${behind} of the ${scored.length}`} trials scored ${how}: those configurations learnt little or nothing from the inputs in the training they had. The settings, not the network alone, decide whether it learns.`;
}

/** The noise of a score at the guess's level: an accuracy's from its rows, else the best trial's. */
function bandAtGuess(guess: Guess, noise: Noise): number | undefined {
  if (noise.kind === 'proportion')
    return TIE_BAND * proportionStandardError(guess.score, noise.rows).standardError;
  return noise.kind === 'unknown' ? undefined : TIE_BAND * noise.standardError;
}

/** Reads the best trial's score against the guess, judged with the best trial's noise. */
export function readGuess(
  best: Trial,
  guess: Guess,
  objective: Objective,
  noise: Noise,
  trials: readonly Trial[] = [best],
): GuessReading {
  const score = best.score!;
  const judgement = judgeGap(score, guess.score, noise);
  const fittedOn = guess.metric.startsWith('val_') ? 'training rows' : 'rows';
  const intro = `A model that ignores its inputs and ${guessWhat(guess, fittedOn)} scores ${guess.metric} ${formatNumber(guess.score)}.`;
  const ahead = better(objective.direction, score, guess.score);
  const clears = judgement.verdict === 'unknown' ? undefined : ahead && judgement.verdict === 'beyond';
  const name = trialName(best);
  const given = guess.kind === 'mean' || guess.kind === 'median' ? 'its one number' : 'the class balance';
  let verdict: string;
  if (!ahead)
    verdict = `${name}, the best, scores ${formatNumber(score)}: no better. No trial learnt anything from the inputs that the guess does not know; check that the inputs can say something about the target, or give the search more epochs.`;
  else if (clears === false)
    verdict = `${name}, the best, is ${gapWords(judgement)} ahead of it: ${noiseVerdictWords(judgement)}. The search found nothing ${given} does not already give${guess.kind === 'most-common' && (guess.share ?? 0) >= LOPSIDED_SHARE ? '; with one class this common, a metric that weighs the rarer one (AUC, or the loss) tells models apart better' : ''}.`;
  else if (clears)
    verdict = `${name}, the best, is ${gapWords(judgement)} ahead of it: ${noiseVerdictWords(judgement)}. The network learnt from the inputs.`;
  else verdict = `${name}, the best, is ${gapWords(judgement)} ahead of it; ${noiseVerdictWords(judgement)}.`;
  const others =
    ahead && clears !== false ? failedTrialsWords(trials, guess, objective, bandAtGuess(guess, noise)) : '';
  return { guess, judgement, clears, text: `${intro} ${verdict}${others}` };
}

/** The guess in a few words: "always “no”", "the class shares". */
export function guessPhrase(guess: Guess): string {
  switch (guess.kind) {
    case 'most-common':
      return guess.value === undefined ? 'the most common class' : `always ${className(guess.value)}`;
    case 'shares':
      return 'the class shares';
    case 'constant':
      return 'a constant';
    case 'mean':
      return 'always the mean';
    case 'median':
      return 'always the median';
  }
}

/** For a chart's legend: "guess: always “no”". */
export const guessLabel = (guess: Guess): string => `guess: ${guessPhrase(guess)}`;

/** Before Start, on a target where one class is most rows: why accuracy is a poor objective there. */
export function lopsidedWords(
  { guess, better }: { guess: Guess; better: string },
  task: 'binary' | 'multiclass',
): { headline: string; text: string } {
  const name = className(guess.value);
  const instead =
    task === 'binary'
      ? `${better} scores how well a model ranks the rows of the rarer class above the others, where a guess scores 0.5.`
      : `${better} (the cross-entropy) rewards confident right answers in every class, not only the common one.`;
  return {
    headline: `${percent(guess.share!)} of the training rows are ${name}.`,
    text: `Always answering ${name}, without looking at the inputs, already scores ${guess.metric} ${formatNumber(guess.score)}, so accuracy barely tells the models apart. ${instead}`,
  };
}
