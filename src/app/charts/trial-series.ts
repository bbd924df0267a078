/** Plain-data views of trials the charts share: which history to draw, best-so-far values, short config text. */
import { better, type EpochRecord, type Objective } from '../../core/scoring';
import { formatNumber } from '../../core/format';
import type { Config, ParamValue } from '../../core/space';
import { bestTrial, type Trial } from '../../core/study';
import { paramShort } from '../../report/explain/param-names';
import type { EpochReport } from '../../train/types';

export type LiveEpochs = Record<string, EpochReport[]>;

/** The best scored trial's id: the given one when present, else derived from the scores. */
export function resolveBestId(
  trials: readonly Trial[],
  objective: Objective,
  bestId?: string,
): string | undefined {
  if (bestId !== undefined && trials.some((t) => t.id === bestId)) return bestId;
  return bestTrial(trials, objective.direction)?.id;
}

export const trialsById = (trials: readonly Trial[]): ReadonlyMap<string, Trial> =>
  new Map(trials.map((t) => [t.id, t]));

/** A finished trial's history to draw: its best-scoring execution's, else the first one that has epochs. */
export function chosenHistory(trial: Trial, objective: Objective): EpochRecord[] {
  let chosen: { history: EpochRecord[]; score?: number } | undefined;
  for (const e of trial.executions) {
    if (e.history.length === 0) continue;
    if (!chosen) chosen = e;
    else if (
      e.score !== undefined &&
      (chosen.score === undefined || better(objective.direction, e.score, chosen.score))
    )
      chosen = e;
  }
  return chosen?.history ?? [];
}

/** Epochs to draw for a trial: streamed ones while it runs, its chosen history once finished. */
export function trialEpochs(trial: Trial, live: LiveEpochs, objective: Objective): EpochRecord[] {
  if (trial.state === 'running' || trial.state === 'pending') return live[trial.id] ?? [];
  return chosenHistory(trial, objective);
}

/** The best value of `metric` over the epochs (the objective's direction), or undefined. */
export function bestValue(
  epochs: readonly EpochRecord[],
  metric: string,
  direction: Objective['direction'],
): number | undefined {
  let best: number | undefined;
  for (const e of epochs) {
    const v = e.metrics[metric];
    if (Number.isFinite(v) && (best === undefined || better(direction, v, best))) best = v;
  }
  return best;
}

/** Metrics reported so far in histories and live epochs, the objective's first. */
export function reportedMetrics(trials: readonly Trial[], live: LiveEpochs, objective: Objective): string[] {
  const found = new Set<string>([objective.metric]);
  const add = (epochs: readonly EpochRecord[]) => {
    for (const k of Object.keys(epochs[0]?.metrics ?? {})) found.add(k);
  };
  for (const t of trials) for (const e of t.executions) add(e.history);
  for (const epochs of Object.values(live)) add(epochs);
  return [...found];
}

export function shortValue(v: ParamValue): string {
  return typeof v === 'number' ? formatNumber(v, 3) : String(v);
}

/** "layers 3 · units_0 160 · lr 0.0012", in lines of `perLine` settings (for tooltips). */
export function tooltipLines(config: Config, keys: readonly string[], perLine = 4): string[] {
  const parts = keys.filter((k) => k in config).map((k) => `${paramShort(k)} ${shortValue(config[k])}`);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += perLine) lines.push(parts.slice(i, i + perLine).join(' · '));
  return lines;
}
