/**
 * planGroups: which requests to train together as fused groups, by the measured cost model. Pure
 * (no tfjs), so the tuner worker can call it. Requests can share a group when they share depth,
 * activation, optimizer kind, batch size, epochs to train and data fraction; among those, a run of
 * similar widths is fused (padded to its widest) only when the model predicts it beats training the
 * same requests one by one by a margin.
 */
import type { BackendName } from '../experiment';
import { readTrainSpec, type TrainSpec } from '../model/spec';
import type { Config } from '../space/types';
import {
  effectiveWidth,
  separateCostAt,
  speedupAt,
  type BackendCosts,
  type FusionCostModel,
} from './cost-model';
import { fusionKey, paddable } from './compatibility';

/** What the planner reads of a training request (the trainer's TrainRequest has these fields). */
export interface PlannedRequest {
  config: Config;
  epochs: number;
  initialEpoch: number;
  dataFraction?: number;
}

export interface PlannedGroup {
  /** Positions in the request list; train them with trainGroup when `fused`, else with trainTrial. */
  indices: number[];
  fused: boolean;
  /** Predicted time of this group fused (or separate) ÷ the same requests trained one by one. */
  predictedSpeedup: number;
  /** Hidden widths of the group (padded to the widest per layer when members differ). */
  units?: number[];
}

export interface PlanOptions {
  /** Largest group (the cost tables go to 16). */
  maxGroup?: number;
  /**
   * Fuse only when predicted at least this much faster than separate. The default 1.3 covers the
   * run-to-run spread of the measured medians on a shared machine (up to about ±35%).
   */
  minSpeedup?: number;
}

interface Candidate {
  index: number;
  spec: TrainSpec;
  width: number;
}

function bucketKey(request: PlannedRequest, spec: TrainSpec): string {
  return [fusionKey(spec), request.epochs - request.initialEpoch, request.dataFraction ?? 1].join('|');
}

/** Whether two requests could ever share a fused group: one bucket, and equal widths unless paddable. */
export function canShareGroup(a: PlannedRequest, b: PlannedRequest): boolean {
  try {
    const [sa, sb] = [readTrainSpec(a.config), readTrainSpec(b.config)];
    if (bucketKey(a, sa) !== bucketKey(b, sb)) return false;
    return paddable(sa.activation) || sa.units.every((u, l) => u === sb.units[l]);
  } catch {
    return false;
  }
}

function paddedUnits(members: Candidate[]): number[] {
  return members[0].spec.units.map((_, l) => Math.max(...members.map((m) => m.spec.units[l])));
}

/** Predicted cost of training these members, fused or one by one, in the table's relative units. */
function costs(
  table: BackendCosts,
  members: Candidate[],
): { fused: number; separate: number; units: number[] } {
  const units = paddedUnits(members);
  const separate = members.reduce((sum, m) => sum + separateCostAt(table, m.width), 0);
  const mixed = members.some((m) => m.spec.units.some((u, l) => u !== units[l]));
  if (mixed && !paddable(members[0].spec.activation)) return { fused: Infinity, separate, units };
  const width = effectiveWidth(units);
  const fused = (members.length * separateCostAt(table, width)) / speedupAt(table, members.length, width);
  return { fused, separate, units };
}

/**
 * Splits one bucket, sorted by width, into consecutive runs minimising the predicted total time
 * (dynamic programming over run ends); each run is fused or trained one by one, whichever is cheaper.
 */
function planBucket(
  table: BackendCosts,
  members: Candidate[],
  maxGroup: number,
  minSpeedup: number,
): PlannedGroup[] {
  const sorted = [...members].sort((a, b) => a.width - b.width || a.index - b.index);
  const n = sorted.length;
  const best: { cost: number; from: number; group?: PlannedGroup }[] = [{ cost: 0, from: 0 }];
  for (let end = 1; end <= n; end++) {
    best[end] = { cost: Infinity, from: end - 1 };
    for (let start = Math.max(0, end - maxGroup); start < end; start++) {
      const run = sorted.slice(start, end);
      const c = costs(table, run);
      const fuse = c.fused * minSpeedup <= c.separate;
      const cost = best[start].cost + (fuse ? c.fused : c.separate);
      if (cost < best[end].cost) {
        best[end] = {
          cost,
          from: start,
          group: fuse
            ? {
                indices: run.map((m) => m.index),
                fused: true,
                predictedSpeedup: c.separate / c.fused,
                units: c.units,
              }
            : undefined,
        };
      }
    }
  }
  const groups: PlannedGroup[] = [];
  for (let end = n; end > 0; end = best[end].from) {
    const step = best[end];
    if (step.group) groups.push(step.group);
    else
      for (const m of sorted.slice(step.from, end))
        groups.push({ indices: [m.index], fused: false, predictedSpeedup: 1, units: m.spec.units });
  }
  return groups.reverse();
}

/** Groups covering every request once, in request order of their first member. */
export function planGroups(
  requests: PlannedRequest[],
  backend: BackendName,
  costModel: FusionCostModel,
  options: PlanOptions = {},
): PlannedGroup[] {
  const table = costModel.backends[backend];
  const maxGroup = options.maxGroup ?? 16;
  const minSpeedup = options.minSpeedup ?? 1.3;
  const buckets = new Map<string, Candidate[]>();
  const groups: PlannedGroup[] = [];
  requests.forEach((request, index) => {
    let spec: TrainSpec;
    try {
      spec = readTrainSpec(request.config);
    } catch {
      groups.push({ indices: [index], fused: false, predictedSpeedup: 1 });
      return;
    }
    const key = bucketKey(request, spec);
    const bucket = buckets.get(key) ?? [];
    bucket.push({ index, spec, width: effectiveWidth(spec.units) });
    buckets.set(key, bucket);
  });
  for (const members of buckets.values()) {
    if (!table)
      groups.push(
        ...members.map((m) => ({
          indices: [m.index],
          fused: false,
          predictedSpeedup: 1,
          units: m.spec.units,
        })),
      );
    else groups.push(...planBucket(table, members, maxGroup, minSpeedup));
  }
  return groups.sort((a, b) => a.indices[0] - b.indices[0]);
}
