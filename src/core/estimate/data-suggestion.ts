/**
 * For a long search on a large file: the data budget, where the early rungs train on small shares of
 * the rows. R becomes the largest power of η whose first rung still trains on MIN_RUNG_ROWS rows, and
 * each share trains as many epochs as keep the search within half of its time now (at least one).
 */
import { isMultiFidelity } from '../oracles/registry';
import type { StudySettings } from '../study';
import type { TimeEstimate } from './estimate';
import { rowsPerRung } from './rung-rows';
import { dataBudget, describeChanges, ladder, rowsMaxEpochs } from './time-fit';

/** Searches estimated longer than this get the suggestion. */
export const LONG_SEARCH_MS = 5 * 60_000;

export interface DataBudgetSuggestion {
  settings: StudySettings;
  estimate: TimeEstimate;
  /** Rows each rung trains on, smallest first. */
  rows: number[];
  changes: string[];
}

/** `estimate` may be asynchronous, so a page can give each candidate's estimate a task of its own. */
export async function suggestDataBudget(
  settings: StudySettings,
  current: TimeEstimate,
  estimate: (settings: StudySettings) => TimeEstimate | undefined | Promise<TimeEstimate | undefined>,
  trainRows: number,
): Promise<DataBudgetSuggestion | undefined> {
  if (current.ms <= LONG_SEARCH_MS || settings.budget === 'data' || !isMultiFidelity(settings.tuner))
    return undefined;
  const { maxEpochs, epochs, factor } = settings.tuner;
  const r = rowsMaxEpochs(trainRows, factor) ?? maxEpochs;
  const epochsPerShare = [epochs, ...ladder(epochs)];
  const tried = new Map<number, { settings: StudySettings; estimate: TimeEstimate | undefined }>();
  const at = async (i: number) => {
    let candidate = tried.get(i);
    if (!candidate) {
      const candidateSettings = dataBudget(settings, r, epochsPerShare[i]);
      candidate = { settings: candidateSettings, estimate: await estimate(candidateSettings) };
      tried.set(i, candidate);
    }
    return candidate;
  };
  const fits = async (i: number) => {
    const time = (await at(i)).estimate;
    return time && time.ms <= current.ms / 2;
  };
  const index = await firstFitting(epochsPerShare.length, fits);
  const chosen = index === undefined ? undefined : await at(index);
  if (!chosen?.estimate) return undefined;
  return {
    settings: chosen.settings,
    estimate: chosen.estimate,
    rows: rowsPerRung(chosen.settings, trainRows),
    changes: describeChanges(settings, chosen.settings),
  };
}

/**
 * The first of `count` candidates that fits, else the last; undefined when one could not be judged.
 * Fewer epochs per share never take longer, so once one fits all after it do: bisection, after trying
 * the first alone (it often fits).
 */
async function firstFitting(
  count: number,
  fits: (i: number) => Promise<boolean | undefined>,
): Promise<number | undefined> {
  const first = await fits(0);
  if (first !== false) return first === undefined ? undefined : 0;
  let [lo, hi] = [Math.min(1, count - 1), count - 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const fit = await fits(mid);
    if (fit === undefined) return undefined;
    if (fit) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
