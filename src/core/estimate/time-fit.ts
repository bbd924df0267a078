/**
 * Fitting a search to the time you have: the change to the settings that keeps the most of the search
 * and fits, with its words ("to fit 5 minutes: max epochs 10 → 6"). Each way of shrinking a search is a
 * family of settings with one free value, searched from the largest down for the first that fits. Of
 * the families' answers the one with the most trials wins (a search is first the configurations it
 * tries), then the one that uses the most of the time, then the one that changes fewer settings.
 * Multi-fidelity tuners can shorten R, train their rungs on shares of the rows (the data budget) with
 * fewer epochs on each share, or run fewer trials; the others train fewer epochs or fewer trials.
 */
import { formatCount, formatNumber, joinAnd } from '../format';
import { isMultiFidelity } from '../oracles/registry';
import { budgetPlan, plannedWork } from '../planned-work';
import type { StudySettings } from '../study';
import type { TimeEstimate } from './estimate';
import { rungFractions } from './rung-rows';

/** The time budgets offered as choices, in minutes (0: none); any other whole number up to the maximum may be typed. */
export const TIME_BUDGETS = [0, 1, 5, 15] as const;

/** The longest time budget one may type: ten hours. */
export const MAX_TIME_BUDGET_MINUTES = 600;

/** A time budget in minutes: 0 (none) or a whole number of minutes up to the maximum. */
export const isTimeBudget = (minutes: number): boolean =>
  Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_TIME_BUDGET_MINUTES;

/** Minutes written as digits ("7", as in `time=7` or typed), if they are a time budget. */
export const parseTimeBudget = (text: string): number | undefined =>
  /^\d+$/.test(text) && isTimeBudget(Number(text)) ? Number(text) : undefined;

/** A data budget's first rung trains on at least this many rows when it chooses R for the rows. */
export const MIN_RUNG_ROWS = 1000;

export interface TimeFit {
  settings: StudySettings;
  estimate: TimeEstimate;
  /** One phrase per setting changed: "max epochs 10 → 6". Empty when the search fits as it is. */
  changes: string[];
  /** False when even the smallest search tried is over the time. */
  fits: boolean;
  words: string;
}

type Estimator = (settings: StudySettings) => TimeEstimate | undefined;

interface Family {
  /** The settings for each value, largest search first. */
  values: number[];
  at: (value: number) => StudySettings;
}

/** Whole numbers below `from`, about 15% apart, down to 1. */
export function ladder(from: number): number[] {
  const out: number[] = [];
  for (let v = from * 0.85; Math.round(v) >= 1; v *= 0.85) {
    const r = Math.round(v);
    if (r < from && r !== out[out.length - 1]) out.push(r);
    if (r === 1) break;
  }
  if (from > 1 && out[out.length - 1] !== 1) out.push(1);
  return out;
}

/** The largest power of η, at least η, whose first rung still trains on MIN_RUNG_ROWS rows. */
export function rowsMaxEpochs(trainRows: number, factor: number): number | undefined {
  let r: number | undefined;
  for (let k = 1; trainRows / factor ** k >= MIN_RUNG_ROWS; k++) r = factor ** k;
  return r;
}

function withTuner(
  s: StudySettings,
  tuner: Partial<StudySettings['tuner']>,
  budget = s.budget,
): StudySettings {
  return { ...s, budget, tuner: { ...s.tuner, ...tuner } };
}

/** A data budget completes its brackets: max trials rises to the plan's trials when it would cut them short. */
export function dataBudget(s: StudySettings, maxEpochs: number, epochs: number): StudySettings {
  const data = withTuner(s, { maxEpochs, epochs }, 'data');
  if (budgetPlan(data).kind !== 'brackets') return data;
  const planned = plannedWork(withTuner(data, { maxTrials: Number.MAX_SAFE_INTEGER })).trials;
  return planned > s.tuner.maxTrials ? withTuner(data, { maxTrials: planned }) : data;
}

function families(s: StudySettings, trainRows: number): Family[] {
  const { maxEpochs: r0, epochs: e0, factor } = s.tuner;
  const fewerTrials = (base: StudySettings): Family => ({
    values: ladder(base.tuner.maxTrials),
    at: (t) => withTuner(base, { maxTrials: t }),
  });
  if (!isMultiFidelity(s.tuner))
    return [
      { values: ladder(e0), at: (e) => withTuner(s, { epochs: e }) },
      fewerTrials(s),
      fewerTrials(withTuner(s, { epochs: 1 })),
    ];
  if (s.budget === 'data')
    return [
      { values: ladder(e0), at: (e) => withTuner(s, { epochs: e }) },
      { values: ladder(r0), at: (r) => withTuner(s, { maxEpochs: r }) },
      fewerTrials(withTuner(s, { epochs: 1 })),
    ];
  const byRows = rowsMaxEpochs(trainRows, factor);
  const shares = [e0, ...ladder(e0)];
  return [
    { values: ladder(r0), at: (r) => withTuner(s, { maxEpochs: r }) },
    { values: shares, at: (e) => dataBudget(s, r0, e) },
    ...(byRows && byRows !== r0 ? [{ values: shares, at: (e: number) => dataBudget(s, byRows, e) }] : []),
    fewerTrials(dataBudget(s, byRows ?? r0, 1)),
    fewerTrials(s),
  ];
}

const percent = (f: number) => `${formatNumber(100 * f, 2)}%`;

/** What changed from `before` to `after`, one phrase per setting. */
export function describeChanges(before: StudySettings, after: StudySettings, trainRows?: number): string[] {
  const out: string[] = [];
  const arrow = (label: string, a: number, b: number) =>
    a !== b ? [`${label} ${formatCount(a)} → ${formatCount(b)}`] : [];
  const multi = isMultiFidelity(after.tuner);
  if (multi) out.push(...arrow('max epochs', before.tuner.maxEpochs, after.tuner.maxEpochs));
  if (after.budget === 'data' && before.budget !== 'data') {
    const shares = rungFractions(after);
    const rows = trainRows ? ` (${formatCount(Math.round(trainRows * shares[0]))} rows first)` : '';
    out.push(`rungs train on ${joinAnd(shares.map(percent))} of the rows${rows}`);
  }
  const epochsLabel = !multi ? 'epochs per trial' : after.budget === 'data' ? 'epochs on each share' : '';
  if (epochsLabel) out.push(...arrow(epochsLabel, before.tuner.epochs, after.tuner.epochs));
  out.push(...arrow('max trials', before.tuner.maxTrials, after.tuner.maxTrials));
  return out;
}

function wordsFor(minutes: number, changes: string[], fits: boolean): string {
  const time = `${minutes} minute${minutes === 1 ? '' : 's'}`;
  if (changes.length === 0) return `The search fits ${time} as it is.`;
  if (!fits) return `Even the smallest search tried (${changes.join(', ')}) needs more than ${time}.`;
  return `To fit ${time}: ${changes.join(', ')}.`;
}

/** Undefined when nothing can be estimated (no rates for the backend). */
export function fitToTime(
  settings: StudySettings,
  minutes: number,
  estimate: Estimator,
  trainRows: number,
): TimeFit | undefined {
  const budgetMs = minutes * 60_000;
  const current = estimate(settings);
  if (!current) return undefined;
  const result = (s: StudySettings, e: TimeEstimate, fits: boolean): TimeFit => {
    const changes = describeChanges(settings, s, trainRows);
    return { settings: s, estimate: e, changes, fits, words: wordsFor(minutes, changes, fits) };
  };
  if (current.ms <= budgetMs) return result(settings, current, true);
  let best: { settings: StudySettings; estimate: TimeEstimate; changes: number } | undefined;
  let smallest: { settings: StudySettings; estimate: TimeEstimate } | undefined;
  for (const family of families(settings, trainRows)) {
    const found = largestFitting(family, estimate, budgetMs);
    if (!found.fit) {
      if (found.last && (!smallest || found.last.estimate.ms < smallest.estimate.ms)) smallest = found.last;
      continue;
    }
    const candidate = { ...found.fit, changes: describeChanges(settings, found.fit.settings).length };
    if (!best || keepsMore(candidate, best)) best = candidate;
  }
  if (best) return result(best.settings, best.estimate, true);
  return smallest ? result(smallest.settings, smallest.estimate, false) : result(settings, current, false);
}

function keepsMore(
  a: { estimate: TimeEstimate; changes: number },
  b: { estimate: TimeEstimate; changes: number },
): boolean {
  if (a.estimate.trials !== b.estimate.trials) return a.estimate.trials > b.estimate.trials;
  if (a.estimate.ms !== b.estimate.ms) return a.estimate.ms > b.estimate.ms;
  return a.changes < b.changes;
}

/** Binary search down a family's values (assumed to cost less as they go) for the first that fits. */
function largestFitting(family: Family, estimate: Estimator, budgetMs: number) {
  type Found = { settings: StudySettings; estimate: TimeEstimate };
  const at = (i: number): Found | undefined => {
    const s = family.at(family.values[i]);
    const e = estimate(s);
    return e && { settings: s, estimate: e };
  };
  let lo = 0;
  let hi = family.values.length - 1;
  let fit: Found | undefined;
  const last = hi >= 0 ? at(hi) : undefined;
  if (!last || last.estimate.ms > budgetMs) return { fit: undefined, last };
  fit = last;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const found = at(mid);
    if (found && found.estimate.ms <= budgetMs) {
      fit = found;
      hi = mid;
    } else lo = mid + 1;
  }
  return { fit, last };
}
