/**
 * The time left of a search: the estimate made at Start, refined by the trials done. The pace of the
 * finished trials (the time they took over the time the estimate gave them) scales the estimate of
 * the trials to come; early on, when few have finished, the pace is drawn towards the estimate's own
 * (a tenth of the search's estimated time counts as if it had gone as estimated). Before any trial
 * has finished it is the estimate less the time elapsed.
 */
import type { TimeEstimate } from '../../core/estimate';
import type { Trial } from '../../core/study';

export interface TimeLeft {
  ms: number;
  /** Not yet refined by a finished trial. */
  byEstimate: boolean;
}

/** The share of the estimated training that counts as gone at the estimate's pace. */
const PRIOR_SHARE = 0.1;

/**
 * `trainingFromMs`: the search's clock when the first trial began; `elapsedMs`: its clock now. Trials'
 * `ended.ms` are on the same clock.
 */
export function timeLeft(
  expected: TimeEstimate | undefined,
  trials: readonly Trial[],
  elapsedMs: number,
  trainingFromMs: number | undefined,
): TimeLeft | undefined {
  const byTrial = expected?.trialMs;
  if (!expected || !byTrial) return undefined;
  const finished = trials.filter((t) => t.state !== 'running' && t.state !== 'pending');
  const lastEnded = Math.max(...finished.map((t) => t.ended?.ms ?? -Infinity));
  if (finished.length === 0 || trainingFromMs === undefined || !Number.isFinite(lastEnded))
    return { ms: Math.max(0, expected.ms - elapsedMs), byEstimate: true };
  const predicted = Object.values(byTrial);
  const mean = predicted.reduce((a, b) => a + b, 0) / Math.max(1, predicted.length);
  const done = finished.reduce((sum, t) => sum + (byTrial[t.id] ?? mean), 0);
  const training = expected.ms - expected.startupMs;
  const prior = PRIOR_SHARE * training;
  const pace = (Math.max(0, lastEnded - trainingFromMs) + prior) / (done + prior);
  const sinceLast = Math.max(0, elapsedMs - lastEnded);
  return { ms: Math.max(0, (training - done) * pace - sinceLast), byEstimate: false };
}
