/**
 * What the rungs chart draws, derived from the trials alone: brackets side by side, one column per
 * epoch budget, one point per trial, and a link from each promoted trial to the trial that continued it.
 */
import type { Objective } from '../../core/scoring';
import type { Trial } from '../../core/study';
import { bestValue, type LiveEpochs } from './trial-series';

/**
 * promoted: continued at the next rung; stopped: its bracket moved on without it (or the user stopped it);
 * finished: completed and not (yet) promoted; running: training now; failed.
 */
export type RungStatus = 'promoted' | 'stopped' | 'finished' | 'running' | 'failed';

export interface RungPoint {
  trial: Trial;
  /** Column position: the group's offset plus the budget's index, jittered a little. */
  x: number;
  /** Undefined for failed trials (drawn at the bottom) and for running trials with no epoch yet. */
  y: number | undefined;
  status: RungStatus;
}

export interface RungGroup {
  /** Bracket number, or undefined when the algorithm has no brackets. */
  bracket: number | undefined;
  label: string;
  /** Column index of the group's first budget. */
  offset: number;
  budgets: number[];
}

export interface RungsModel {
  groups: RungGroup[];
  points: RungPoint[];
  /** parent point → child point, `faded` when the child was stopped. */
  links: { from: RungPoint; to: RungPoint; faded: boolean }[];
  /** False for single-fidelity algorithms (random, grid, BO, TPE): every trial has the full budget. */
  multiFidelity: boolean;
  /** Column index → the budget it shows. */
  columnBudget: Map<number, number>;
}

/** A small deterministic horizontal offset so points of one column do not hide each other. */
function jitter(trial: Trial, spread: number): number {
  const h = Math.imul(trial.number + 1, 0x9e3779b1) >>> 0;
  return (h / 4294967296 - 0.5) * spread;
}

export function rungStatus(
  trial: Trial,
  trials: readonly Trial[],
  hasChild: ReadonlySet<string>,
): RungStatus {
  if (trial.state === 'failed') return 'failed';
  if (trial.state === 'running' || trial.state === 'pending') return 'running';
  if (trial.state === 'stopped') return 'stopped';
  if (hasChild.has(trial.id)) return 'promoted';
  const round = trial.round ?? 0;
  const movedOn = trials.some((t) => t.bracket === trial.bracket && (t.round ?? 0) > round);
  return movedOn ? 'stopped' : 'finished';
}

export function rungsModel(trials: readonly Trial[], live: LiveEpochs, objective: Objective): RungsModel {
  const shown = trials.filter((t) => t.state !== 'pending');
  const multiFidelity = shown.some((t) => t.round !== undefined || t.parentId !== undefined);
  const hasChild = new Set(shown.flatMap((t) => (t.parentId !== undefined ? [t.parentId] : [])));

  const brackets = [...new Set(shown.map((t) => t.bracket))].sort((a, b) => (b ?? -1) - (a ?? -1));
  const groups: RungGroup[] = [];
  const columnBudget = new Map<number, number>();
  let offset = 0;
  for (const bracket of brackets) {
    const budgets = [...new Set(shown.filter((t) => t.bracket === bracket).map((t) => t.resource))].sort(
      (a, b) => a - b,
    );
    const label = bracket === undefined ? (multiFidelity ? 'Rungs' : 'All trials') : `Bracket ${bracket}`;
    groups.push({ bracket, label, offset, budgets });
    budgets.forEach((b, i) => columnBudget.set(offset + i, b));
    offset += budgets.length + 1;
  }

  const byId = new Map<string, RungPoint>();
  const points: RungPoint[] = shown.map((trial) => {
    const group = groups.find((g) => g.bracket === trial.bracket)!;
    const column = group.offset + group.budgets.indexOf(trial.resource);
    const status = multiFidelity
      ? rungStatus(trial, shown, hasChild)
      : trial.state === 'failed'
        ? 'failed'
        : trial.state === 'running'
          ? 'running'
          : 'finished';
    const y =
      status === 'failed'
        ? undefined
        : status === 'running'
          ? bestValue(live[trial.id] ?? [], objective.metric, objective.direction)
          : trial.score;
    const point: RungPoint = { trial, x: column + jitter(trial, multiFidelity ? 0.3 : 0.7), y, status };
    byId.set(trial.id, point);
    return point;
  });

  const links = points.flatMap((to) => {
    const from = to.trial.parentId !== undefined ? byId.get(to.trial.parentId) : undefined;
    return from ? [{ from, to, faded: to.status === 'stopped' || to.status === 'failed' }] : [];
  });
  return { groups, points, links, multiFidelity, columnBudget };
}
