/** Ranking, sorting and compact hyperparameter text for the leaderboard. */
import type { Objective } from '../../core/scoring';
import type { Config, ParamValue } from '../../core/space';
import type { Trial } from '../../core/study';
import { configKeys, varyingKeys } from '../../core/space';
import { groupLayers, paramShort, valueSpeaks } from '../../report/explain/param-names';
import { formatNumber, formatExact } from './format';

export type SortKey = 'rank' | 'number' | 'state' | 'score' | 'resource' | 'bracket';
export type SortDirection = 'ascending' | 'descending';

/** Rank 1 is the best score; failed and unscored trials have no rank. */
export function ranks(trials: readonly Trial[], objective: Objective): Map<string, number> {
  const scored = trials.filter((t) => t.score !== undefined && t.state !== 'failed');
  scored.sort(
    (a, b) =>
      (objective.direction === 'min' ? a.score! - b.score! : b.score! - a.score!) || a.number - b.number,
  );
  return new Map(scored.map((t, i) => [t.id, i + 1]));
}

const STATE_ORDER = { running: 0, pending: 1, completed: 2, stopped: 3, failed: 4 } as const;

/** Sorted copy; trials without a value for the key always go last. */
export function sortTrials(
  trials: readonly Trial[],
  key: SortKey,
  direction: SortDirection,
  rank: Map<string, number>,
): Trial[] {
  const value = (t: Trial): number | undefined => {
    switch (key) {
      case 'rank':
        return rank.get(t.id);
      case 'number':
        return t.number;
      case 'state':
        return STATE_ORDER[t.state];
      case 'score':
        return t.state === 'failed' ? undefined : t.score;
      case 'resource':
        return t.resource;
      case 'bracket':
        return t.bracket === undefined && t.round === undefined
          ? undefined
          : (t.bracket ?? 0) * 1000 + (t.round ?? 0);
    }
  };
  const sign = direction === 'ascending' ? 1 : -1;
  return [...trials].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined)
      return va === vb ? a.number - b.number : va === undefined ? 1 : -1;
    return sign * (va - vb) || a.number - b.number;
  });
}

/** Hyperparameters whose value differs between trials (all of them while there is only one trial). */
export function leaderboardKeys(trials: readonly Trial[]): string[] {
  const configs = trials.map((t) => t.config);
  return configs.length < 2 ? configKeys(configs) : varyingKeys(configs);
}

/** "layers 3 · units 160/32/416 · dropout 0.1/0/0.2 · adam · lr 0.0031". */
export function compactConfig(config: Config, keys: readonly string[]): string {
  const parts: string[] = [];
  for (const { name: key, layers } of groupLayers(keys, config)) {
    if (layers) {
      if (layers.length) parts.push(`${key} ${layers.map((l) => show(config[l])).join('/')}`);
      continue;
    }
    if (!(key in config)) continue;
    const value = config[key];
    if (key === 'lr_decay_rate' && value === 1) parts.push('no decay');
    else if (key === 'lr_staircase') parts.push(value === true ? 'staircase' : 'smooth');
    else if (typeof value === 'boolean') parts.push(`${key} ${value ? 'on' : 'off'}`);
    else parts.push(valueSpeaks(key) ? show(value) : `${paramShort(key)} ${show(value)}`);
  }
  return parts.join(' · ');
}

const show = (v: ParamValue): string => (typeof v === 'number' ? formatNumber(v, 4) : formatExact(v));

/** "0.9854 ± 0.0031" with several executions, else "0.9854". */
export function scoreText(trial: Trial, executionsPerTrial: number): string {
  if (trial.score === undefined) return '—';
  const base = formatScore(trial.score);
  return executionsPerTrial > 1 && trial.spread ? `${base} ± ${formatScore(trial.spread.std)}` : base;
}

/** Four decimals so a column of scores lines up; large values (a regression error) in full. */
export const formatScore = (x: number): string => (Math.abs(x) >= 1000 ? formatNumber(x, 6) : x.toFixed(4));
