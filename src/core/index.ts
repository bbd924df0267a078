/** The pure tuning core: search spaces, oracles, the study, scoring, schedules. No DOM, tfjs or Svelte. */
export { Rng } from './rng';
export * from './space';
export type {
  Algorithm,
  HyperbandVariant,
  TunerSettings,
  OracleTrial,
  Proposal,
  TrialOutcome,
  Oracle,
  OracleContext,
} from './oracles/types';
export { defaultTunerSettings, TUNER_SETTINGS, type TunerSettingKey } from './oracles/settings';
export {
  algorithms,
  algorithmInfo,
  createOracle,
  isMultiFidelity,
  activeSettings,
  usesSetting,
  type AlgorithmInfo,
} from './oracles/registry';
export type { AlgorithmDefinition, AlgorithmSetting, BudgetPlan, PlanInput } from './oracles/types';
export { budgetPlan, plannedWork, roundsWork, type PlannedWork, type RoundsWork } from './planned-work';
export {
  hyperbandPlan,
  type HyperbandPlan,
  type HyperbandPlanOptions,
  type PlanBracket,
  type PlanRound,
} from './oracles/hyperband-plan';
export { successiveHalvingRounds } from './oracles/successive-halving';
export { ashaRungs } from './oracles/asha';
export {
  Study,
  bestTrial,
  executionSeed,
  type StudySettings,
  type StudyState,
  type Trial,
  type TrialState,
  type Execution,
  type TrainBudget,
  type NextTrial,
} from './study';
export {
  executionScore,
  spreadOf,
  toLoss,
  better,
  type Objective,
  type Scoring,
  type EpochRecord,
  type Spread,
  type Direction,
} from './scoring';
export { learningRateAt, learningRateAtEpoch, scheduleByEpoch, type DecaySchedule } from './schedule';
export {
  defaultSetup,
  type ExperimentSetup,
  type DatasetSetup,
  type DatasetSource,
  type BackendName,
  type BackendPreference,
} from './experiment';
