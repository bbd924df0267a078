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
  let chosen: { settings: StudySettings; estimate: TimeEstimate } | undefined;
  for (const e of [epochs, ...ladder(epochs)]) {
    const candidate = dataBudget(settings, r, e);
    const estimated = await estimate(candidate);
    if (!estimated) return undefined;
    chosen = { settings: candidate, estimate: estimated };
    if (estimated.ms <= current.ms / 2) break;
  }
  if (!chosen) return undefined;
  return {
    ...chosen,
    rows: rowsPerRung(chosen.settings, trainRows),
    changes: describeChanges(settings, chosen.settings),
  };
}
