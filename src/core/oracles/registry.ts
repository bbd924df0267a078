/** The algorithms, one definition per file; adding one is a new file and a line here. */
import { asha } from './asha';
import { bayesian } from './bayesian';
import { gridSearch } from './grid';
import { hyperband } from './hyperband';
import { randomSearch } from './random';
import { successiveHalving } from './successive-halving';
import { TUNER_SETTINGS, type TunerSettingKey } from './settings';
import { tpe } from './tpe';
import type {
  Algorithm,
  AlgorithmDefinition,
  AlgorithmSetting,
  Oracle,
  OracleContext,
  PlanInput,
  TunerSettings,
} from './types';

export type AlgorithmInfo = AlgorithmDefinition;

export const algorithms: readonly AlgorithmDefinition[] = [
  randomSearch,
  gridSearch,
  hyperband,
  successiveHalving,
  asha,
  bayesian,
  tpe,
];

export function algorithmInfo(id: Algorithm): AlgorithmDefinition {
  const info = algorithms.find((a) => a.id === id);
  if (!info) throw new Error(`Unknown tuning algorithm "${id}"`);
  return info;
}

export const createOracle = (id: Algorithm, ctx: OracleContext): Oracle => algorithmInfo(id).create(ctx);

export const isMultiFidelity = (tuner: Pick<TunerSettings, 'algorithm'>): boolean =>
  algorithmInfo(tuner.algorithm).multiFidelity;

/** Every setting applies to every algorithm that lists it; max trials to all. */
const MAX_TRIALS: AlgorithmSetting = { key: 'maxTrials', group: 'budget' };

/** The settings that apply to this setup, in the panel's order, with their label and hint resolved. */
export function activeSettings(input: PlanInput): (AlgorithmSetting & { label: string; hint?: string })[] {
  const own = algorithmInfo(input.tuner.algorithm).settings.filter((s) => !s.when || s.when(input));
  return [...own, MAX_TRIALS].map((s) => ({
    ...s,
    label: s.label ?? TUNER_SETTINGS[s.key].label,
    hint: s.hint ?? TUNER_SETTINGS[s.key].hint,
  }));
}

/** Whether a setting changes what this setup does (the URL writes only those). */
export const usesSetting = (input: PlanInput, key: TunerSettingKey): boolean =>
  activeSettings(input).some((s) => s.key === key);
