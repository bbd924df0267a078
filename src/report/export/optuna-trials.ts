/**
 * The browser's finished trials as Optuna trials (optuna.trial.create_trial arguments).
 *
 * A multi-fidelity chain (a trial promoted from a parent that was promoted from its own parent) is one
 * configuration trained further and further: it becomes ONE Optuna trial whose intermediate values run
 * over every epoch of the chain, as an Optuna trial reporting each epoch would have. A chain that reached
 * the full budget is COMPLETE (its value is the browser's score of the last trial), one that stopped
 * short is PRUNED, a failed one FAIL. Each rung the chain reached is recorded the way Optuna's
 * SuccessiveHalvingPruner records it (system attribute `completed_rung_k` = the value at its step), so
 * the browser's trials compete with the new ones at every rung.
 */
import { configFits, isActive } from '../../core/space';
import type { SearchSpace } from '../../core/space/types';
import { isMultiFidelity } from '../../core/oracles/registry';
import type { StudySettings, Trial } from '../../core/study';
import { mean } from '../../core/math/statistics';
import { firstRung, rungLadder } from '../../core/oracles/rungs-arithmetic';

export type OptunaTrialState = 'COMPLETE' | 'PRUNED' | 'FAIL';

export interface OptunaTrialSpec {
  state: OptunaTrialState;
  value: number | null;
  /** Searched parameters only (Fixed ones are constants), active ones only. */
  params: Record<string, number | string | boolean>;
  /** Epoch → the objective at that epoch, averaged over the executions that reported it. */
  intermediateValues: Record<string, number>;
  /** SuccessiveHalvingPruner's `completed_rung_k` entries. */
  systemAttrs: Record<string, number>;
  /** The browser trials this Optuna trial stands for, first to last. */
  browserTrials: string[];
}

export interface PrunerSettings {
  /** Epochs of the first rung. */
  minResource: number;
  reductionFactor: number;
}

export interface ConvertedTrials {
  trials: OptunaTrialSpec[];
  /** Browser trials left out, with the reason (unfinished, or outside the search space). */
  skipped: { id: string; reason: string }[];
}

const FINISHED = new Set(['completed', 'stopped', 'failed']);

/** The epochs every new Optuna trial trains: the multi-fidelity maximum, or the tuner's epochs. */
export function fullEpochs(settings: StudySettings): number {
  return isMultiFidelity(settings.tuner) && settings.budget === 'epochs'
    ? settings.tuner.maxEpochs
    : settings.tuner.epochs;
}

/** Optuna's successive-halving pruner over `epochs`, starting where Hyperband's first bracket starts. */
export function prunerSettings(settings: StudySettings): PrunerSettings {
  const epochs = fullEpochs(settings);
  const factor = Math.max(2, settings.tuner.factor);
  return { minResource: firstRung(epochs, factor), reductionFactor: factor };
}

export function optunaTrials(settings: StudySettings, trials: readonly Trial[]): ConvertedTrials {
  const byId = new Map(trials.map((t) => [t.id, t]));
  const finished = trials.filter((t) => FINISHED.has(t.state));
  const parents = new Set(finished.flatMap((t) => (t.parentId !== undefined ? [t.parentId] : [])));
  const skipped: ConvertedTrials['skipped'] = trials
    .filter((t) => !FINISHED.has(t.state))
    .map((t) => ({ id: t.id, reason: `it was still ${t.state} when the study was exported` }));
  const out: OptunaTrialSpec[] = [];
  for (const leaf of finished) {
    if (parents.has(leaf.id)) continue;
    if (!configFits(settings.space, leaf.config)) {
      skipped.push({ id: leaf.id, reason: 'its configuration is outside the search space' });
      continue;
    }
    out.push(convert(settings, chainOf(leaf, byId)));
  }
  return { trials: out, skipped };
}

function chainOf(leaf: Trial, byId: Map<string, Trial>): Trial[] {
  const chain = [leaf];
  for (let t = leaf; t.parentId !== undefined;) {
    const parent = byId.get(t.parentId);
    if (!parent || chain.includes(parent)) break;
    chain.unshift(parent);
    t = parent;
  }
  return chain;
}

function convert(settings: StudySettings, chain: Trial[]): OptunaTrialSpec {
  const leaf = chain[chain.length - 1];
  const intermediateValues = objectiveByEpoch(settings, chain);
  const reachedFull = !isMultiFidelity(settings.tuner) || leaf.resource >= settings.tuner.maxEpochs;
  const state: OptunaTrialState =
    leaf.state === 'failed' || (leaf.state === 'completed' && leaf.score === undefined)
      ? 'FAIL'
      : leaf.state === 'completed' && reachedFull
        ? 'COMPLETE'
        : 'PRUNED';
  return {
    state,
    value: state === 'COMPLETE' ? leaf.score! : null,
    params: searchedParams(settings.space, leaf.config),
    intermediateValues,
    systemAttrs:
      settings.budget === 'epochs'
        ? rungValues(intermediateValues, prunerSettings(settings), fullEpochs(settings))
        : {},
    browserTrials: chain.map((t) => t.id),
  };
}

function searchedParams(space: SearchSpace, config: Trial['config']): OptunaTrialSpec['params'] {
  const params: OptunaTrialSpec['params'] = {};
  for (const p of space.params)
    if (p.kind !== 'fixed' && isActive(p, config) && config[p.name] !== undefined)
      params[p.name] = config[p.name];
  return params;
}

function objectiveByEpoch(settings: StudySettings, chain: Trial[]): Record<string, number> {
  const byEpoch = new Map<number, number[]>();
  for (const trial of chain) {
    const epochsOfTrial = new Map<number, number[]>();
    for (const execution of trial.executions)
      for (const record of execution.history) {
        const value = record.metrics[settings.objective.metric];
        if (!Number.isFinite(value)) continue;
        const list = epochsOfTrial.get(record.epoch) ?? [];
        list.push(value);
        epochsOfTrial.set(record.epoch, list);
      }
    // A later trial of the chain replaces what an earlier one reported for the same epoch.
    for (const [epoch, values] of epochsOfTrial) byEpoch.set(epoch, values);
  }
  const out: Record<string, number> = {};
  for (const epoch of [...byEpoch.keys()].sort((a, b) => a - b))
    out[String(epoch)] = mean(byEpoch.get(epoch)!);
  return out;
}

/** `completed_rung_k` = the value at epoch minResource·η^k, for every rung the chain reached. */
function rungValues(
  values: Record<string, number>,
  pruner: PrunerSettings,
  epochs: number,
): Record<string, number> {
  const attrs: Record<string, number> = {};
  const ladder = rungLadder(pruner.minResource, pruner.reductionFactor, epochs);
  for (const [rung, step] of ladder.entries()) {
    if (!(String(step) in values)) break;
    attrs[`completed_rung_${rung}`] = values[String(step)];
  }
  return attrs;
}
