/**
 * Where a Hyperband or successive-halving trial sits in its plan. Those tuners number trials by plan
 * position (bracket after bracket, round after round), so a trial's number alone says which round of
 * which bracket it belongs to, even when a sweep repeats the same bracket numbers.
 */
import { algorithmInfo } from '../../core/oracles/registry';
import type { PlanBracket, PlanRound } from '../../core/oracles/hyperband-plan';
import type { PlanInput } from '../../core/oracles/types';
import type { Trial } from '../../core/study';

export interface PlannedRound extends PlanRound {
  /** 0-based index of the bracket in the plan (run order). */
  planIndex: number;
  /** Keras Tuner's b: its label in the charts. */
  bracket: number;
  /** 0-based within the bracket. */
  round: number;
  /** Rounds the bracket has. */
  rounds: number;
  /** Number of the round's first trial. */
  first: number;
  /** 0-based sweep of the bracket table (Hyperband's iterations). */
  sweep: number;
  sweeps: number;
  /** Brackets in one sweep: 1 for successive halving. */
  bracketsPerSweep: number;
}

/** The plan's rounds in trial-number order, or undefined when the algorithm has no brackets. */
export function plannedRounds(input: PlanInput): PlannedRound[] | undefined {
  const plan = algorithmInfo(input.tuner.algorithm).plan(input);
  if (plan.kind !== 'brackets') return undefined;
  return roundsOf(plan.brackets);
}

export function roundsOf(brackets: readonly PlanBracket[]): PlannedRound[] {
  const perSweep = new Set(brackets.map((b) => b.bracket)).size;
  const sweeps = Math.max(1, Math.round(brackets.length / perSweep));
  const out: PlannedRound[] = [];
  let first = 0;
  brackets.forEach((b, planIndex) => {
    b.rounds.forEach((r, round) => {
      out.push({
        ...r,
        planIndex,
        bracket: b.bracket,
        round,
        rounds: b.rounds.length,
        first,
        sweep: Math.floor(planIndex / perSweep),
        sweeps,
        bracketsPerSweep: perSweep,
      });
      first += r.models;
    });
  });
  return out;
}

/** The planned round a trial number falls in. */
export function roundOfNumber(rounds: readonly PlannedRound[], number: number): PlannedRound | undefined {
  return rounds.find((r) => number >= r.first && number < r.first + r.models);
}

/** The next round of the same bracket, if it has one. */
export function nextRound(rounds: readonly PlannedRound[], r: PlannedRound): PlannedRound | undefined {
  return r.round + 1 < r.rounds
    ? rounds.find((x) => x.planIndex === r.planIndex && x.round === r.round + 1)
    : undefined;
}

/** The trials proposed so far in a planned round, in number order. */
export function trialsInRound(trials: readonly Trial[], r: PlannedRound): Trial[] {
  return trials
    .filter((t) => t.number >= r.first && t.number < r.first + r.models)
    .sort((a, b) => a.number - b.number);
}

/** "bracket 2", "bracket 2 of sweep 2", or "" for successive halving's single bracket. */
export function bracketName(r: PlannedRound): string {
  if (r.bracketsPerSweep === 1 && r.sweeps === 1) return '';
  return r.sweeps > 1 ? `bracket ${r.bracket} of sweep ${r.sweep + 1}` : `bracket ${r.bracket}`;
}
