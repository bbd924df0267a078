/**
 * Trials that train together: for a tuner whose proposals do not depend on the order results arrive,
 * the scheduler hands a free trainer the next proposals of a round for as long as the fusion cost
 * model puts them in one fused group with the first (LanePicker.withCompanions). This replays that
 * rule on the simulated trials and returns each trial's time factor (its executions' grouping, or the
 * fused group it joins).
 */
import type { BackendName } from '../experiment';
import { MEASURED_COSTS } from '../fusion/measured-costs';
import { planGroups } from '../fusion/plan-groups';
import { algorithmInfo } from '../oracles/registry';
import type { Algorithm } from '../oracles/types';
import { executionRequests, groupedFactor, type TrialCost } from './trial-costs';

/** The largest fused group (as the scheduler's). */
const MAX_GROUP = 16;

/** How many trials one trainer takes at once, as the scheduler cuts what remains among its trainers. */
function room(remaining: number, executions: number, workers: number): number {
  const perGroup = Math.max(1, Math.floor(MAX_GROUP / executions));
  const groups = Math.ceil(Math.ceil(remaining / perGroup) / workers) * workers;
  return Math.max(1, Math.min(perGroup, Math.ceil(remaining / groups)));
}

function joinsFused(costs: TrialCost[], backend: BackendName): boolean {
  const requests = costs.flatMap((c) => executionRequests(c.trial, 1));
  const group = planGroups(requests, backend, MEASURED_COSTS).find((g) => g.indices.includes(0));
  return !!group?.fused && group.indices.length === requests.length;
}

export function groupFactors(
  costs: TrialCost[],
  algorithm: Algorithm,
  executions: number,
  workers: number,
  backend: BackendName,
): number[] {
  const factors = costs.map((c) => c.executionsFactor);
  if (algorithmInfo(algorithm).orderDependence) return factors;
  let start = 0;
  while (start < costs.length) {
    const limit = room(costs.length - start, executions, workers);
    let end = start + 1;
    while (
      end - start < limit &&
      end < costs.length &&
      costs[end].trial.round === costs[start].trial.round &&
      joinsFused(costs.slice(start, end + 1), backend)
    )
      end++;
    if (end - start > 1) {
      const members = costs.slice(start, end);
      const factor = groupedFactor(
        members.flatMap((c) => executionRequests(c.trial, executions)),
        backend,
      );
      for (let i = start; i < end; i++) factors[i] = factor;
    }
    start = end;
  }
  return factors;
}
