/**
 * What each simulated trial costs to train, executions included, before fusing trials together: a
 * fresh trial by its own network, a promoted one by the average (and spread) over the configurations
 * its round chooses among. Executions of one trial (and k-fold's folds) train fused where the
 * measured fusion cost model says so, as the scheduler does.
 */
import type { BackendName } from '../experiment';
import { MEASURED_COSTS } from '../fusion/measured-costs';
import { planGroups, type PlannedRequest } from '../fusion/plan-groups';
import { readTrainSpec } from '../model/spec';
import {
  executionMs,
  networkSize,
  type BackendRates,
  type NetworkSize,
  type TrainingShape,
} from './execution-time';
import type { SimulatedTrial } from './simulated-trials';

export interface TrialCost {
  trial: SimulatedTrial;
  /** Expected ms for all its executions trained separately. */
  ms: number;
  /** The variance of that, from not knowing which configuration a promotion picks. */
  variance: number;
  /** Executions fused or one by one: the factor the scheduler's grouping of them gives (≤ 1). */
  executionsFactor: number;
}

/** The training rows of a share of the data (at least one row, as the trainer keeps one per class). */
export const rowsAt = (shape: TrainingShape, fraction: number): TrainingShape => ({
  ...shape,
  trainRows: Math.max(1, Math.round(shape.trainRows * fraction)),
});

/** One request per execution of a trial, as the planner sees them. */
export function executionRequests(trial: SimulatedTrial, executions: number): PlannedRequest[] {
  return Array.from({ length: executions }, () => ({
    config: trial.config,
    epochs: trial.epochs,
    initialEpoch: 0,
    dataFraction: trial.dataFraction,
  }));
}

/** Time of the planned groups relative to training every request one by one (equal members). */
export function groupedFactor(requests: PlannedRequest[], backend: BackendName): number {
  if (requests.length <= 1) return 1;
  const groups = planGroups(requests, backend, MEASURED_COSTS);
  const time = groups.reduce((sum, g) => sum + g.indices.length / (g.fused ? g.predictedSpeedup : 1), 0);
  return time / requests.length;
}

function sizeOf(trial: SimulatedTrial, shape: TrainingShape): NetworkSize | undefined {
  try {
    return networkSize(readTrainSpec(trial.config), shape);
  } catch {
    return undefined;
  }
}

export function trialCosts(
  trials: SimulatedTrial[],
  rates: BackendRates,
  shape: TrainingShape,
  executions: number,
  backend: BackendName,
): TrialCost[] {
  const pools = new Map<string, NetworkSize[]>();
  for (const t of trials) {
    if (t.promoted) continue;
    const size = sizeOf(t, shape);
    if (size) pools.set(t.pool, [...(pools.get(t.pool) ?? []), size]);
  }
  const factors = new Map<string, number>();
  return trials.map((trial) => {
    const rows = rowsAt(shape, trial.dataFraction);
    const own = trial.promoted ? undefined : sizeOf(trial, shape);
    const candidates = own ? [own] : (pools.get(trial.pool) ?? []);
    const times = candidates.map((size) => executionMs(rates, size, rows, trial.epochs) * executions);
    const mean = times.length ? times.reduce((a, b) => a + b, 0) / times.length : 0;
    const variance = times.length ? times.reduce((a, b) => a + (b - mean) ** 2, 0) / times.length : 0;
    const key = `${JSON.stringify(trial.config)}|${trial.epochs}|${trial.dataFraction}`;
    let factor = factors.get(key);
    if (factor === undefined) {
      factor = groupedFactor(executionRequests(trial, executions), backend);
      factors.set(key, factor);
    }
    return { trial, ms: mean, variance, executionsFactor: factor };
  });
}
