/**
 * The trials a study will train, before it runs: the real oracle asked with the study's own seed, each
 * trial told a made-up score as soon as it is proposed (one worker). New configurations are therefore
 * exactly the ones the search will draw; which of them a round promotes depends on scores nobody has yet,
 * so a promoted trial is marked and costed as the average of the configurations it was chosen from.
 * Bayesian optimisation and TPE are simulated as random search: what their model proposes is unknown.
 */
import { isMultiFidelity } from '../oracles/registry';
import { Rng } from '../rng';
import type { Config } from '../space/types';
import { Study, type StudySettings } from '../study';

export interface SimulatedTrial {
  /** The id the study gives it: Hyperband's and successive halving's place in the plan, else the proposal order. */
  id: string;
  config: Config;
  /** Epochs each execution trains (a promoted trial only the extra ones). */
  epochs: number;
  /** Share of the training rows (the data budget); 1 otherwise. */
  dataFraction: number;
  /** Promoted from an earlier round: its configuration is one of `pool`'s, which one is not known yet. */
  promoted: boolean;
  /** Trials of the same bracket (or rung ladder) drawn fresh: what a promotion chooses among. */
  pool: string;
  /** The round (or rung) in its bracket, for grouping trials that run side by side. */
  round: string;
}

export interface SimulatedStudy {
  trials: SimulatedTrial[];
  /** The oracle still had trials to propose when the simulation stopped at its limit. */
  truncated: boolean;
}

/** Proposals simulated at most: beyond it the estimate scales by the planned epochs. */
export const MAX_SIMULATED_TRIALS = 400;

const MODEL_BASED = new Set(['bayesian', 'tpe']);

/** A fixed, made-up score in [0, 1) per trial id: promotions go to arbitrary (but repeatable) trials. */
function madeUpScore(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return new Rng(h >>> 0).next();
}

/** Recent simulations by settings: the page re-estimates the same settings when the machine is re-measured. */
const recent = new Map<string, SimulatedStudy>();
const RECENT_LIMIT = 32;

export function simulateTrials(settings: StudySettings, limit = MAX_SIMULATED_TRIALS): SimulatedStudy {
  const key = `${limit} ${JSON.stringify(settings)}`;
  const known = recent.get(key);
  if (known) return known;
  const simulated = simulateAfresh(settings, limit);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(key, simulated);
  return simulated;
}

function simulateAfresh(settings: StudySettings, limit: number): SimulatedStudy {
  const simulated: StudySettings = MODEL_BASED.has(settings.tuner.algorithm)
    ? { ...settings, tuner: { ...settings.tuner, algorithm: 'random' } }
    : settings;
  const study = new Study(simulated);
  const multiFidelity = isMultiFidelity(simulated.tuner);
  const trials: SimulatedTrial[] = [];
  const poolOf = new Map<string, string>();
  while (trials.length < limit) {
    const next = study.next();
    if (next.kind !== 'trial') return { trials, truncated: false };
    const { trial } = next;
    const budget = study.budgetFor(trial, 0);
    const promoted = trial.parentId !== undefined;
    const pool = promoted ? (poolOf.get(trial.parentId!) ?? '') : `bracket ${trial.bracket ?? 0}`;
    poolOf.set(trial.id, pool);
    trials.push({
      id: trial.id,
      config: trial.config,
      epochs: budget.epochs - budget.initialEpoch,
      dataFraction: budget.dataFraction,
      promoted,
      pool,
      round: multiFidelity ? `${pool} round ${trial.round ?? 0}` : 'all',
    });
    const value = madeUpScore(trial.id);
    const history = Array.from({ length: Math.max(1, budget.epochs - budget.initialEpoch) }, (_, i) => ({
      epoch: budget.initialEpoch + i + 1,
      metrics: { [simulated.objective.metric]: value },
    }));
    for (let e = 0; e < simulated.executionsPerTrial; e++)
      study.recordExecution(trial.id, { status: 'completed', history });
  }
  return { trials, truncated: study.next().kind === 'trial' };
}
