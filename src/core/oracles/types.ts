import type { Rng } from '../rng';
import type { Config, SearchSpace } from '../space/types';
import type { StudySettings } from '../study';
import type { PlanBracket } from './hyperband-plan';
import type { TunerSettingKey } from './settings';

export const ALGORITHMS = [
  'random',
  'grid',
  'hyperband',
  'successive-halving',
  'asha',
  'bayesian',
  'tpe',
] as const;
export type Algorithm = (typeof ALGORITHMS)[number];
export type HyperbandVariant = 'keras-tuner' | 'paper';

/** Flat so the UI, the URL state and the reports can share one shape. Each oracle reads what it needs. */
export interface TunerSettings {
  algorithm: Algorithm;
  /** Upper bound on trials proposed (every proposal counts, promotions included). */
  maxTrials: number;
  /** Epochs per trial for the single-fidelity oracles (random, grid, bayesian, tpe). */
  epochs: number;
  /** Multi-fidelity (hyperband, successive-halving, asha): the largest budget R, in epochs. */
  maxEpochs: number;
  /** η: keep the top 1/η each round. An integer ≥ 2. */
  factor: number;
  /** Hyperband: how many times the whole bracket sweep repeats. */
  iterations: number;
  variant: HyperbandVariant;
  /** successive-halving / asha: the smallest budget r (the bottom rung). */
  minEpochs: number;
  /** successive-halving: configs in the first round; 0 means factor^(number of rounds − 1). */
  initialConfigs: number;
  /** grid: points for a continuous float that has no step and no gridPoints of its own. */
  gridPoints: number;
  /** bayesian */
  acquisition: 'ucb' | 'ei';
  beta: number;
  alpha: number;
  /** bayesian/tpe: random trials before the model is used; 0 means the algorithm's default. */
  initialPoints: number;
  /** tpe */
  eiCandidates: number;
}

/** Why an oracle proposed a trial: what the app says when a user asks about it. */
export type TrialOrigin =
  /** Drawn at random: random search, a bracket's new config, or a model-based tuner's random start. */
  | { kind: 'random'; why?: 'start' | 'fallback' }
  | { kind: 'grid' }
  /** Proposed by the model. Bayesian optimisation adds its predicted loss and standard deviation. */
  | { kind: 'model'; predicted?: { loss: number; sd: number } }
  /** Promoted from its parent's round, where the parent ranked `rank` of `of` and the best `keep` went on. */
  | { kind: 'promoted'; rank: number; of: number; keep: number };

/** What an oracle proposes. `resource` is the total budget (epochs) the trial must reach. */
export interface OracleTrial {
  id: string;
  config: Config;
  resource: number;
  /** A promoted trial resumes from its parent's checkpoint (whose resource was parent.resource). */
  parentId?: string;
  /** Hyperband's bracket b; successive halving's single one. */
  bracket?: number;
  /** The round within the bracket, or ASHA's rung. */
  round?: number;
  /** Why the oracle proposed it (random, grid, the model's choice, a promotion and its rank). */
  origin?: TrialOrigin;
}

export type Proposal =
  | { kind: 'trial'; trial: OracleTrial }
  /** Nothing can be proposed until a running trial reports (a round is waiting for its stragglers). */
  | { kind: 'wait' }
  | { kind: 'done'; reason: string };

/** Results are told as a loss to MINIMISE: the study negates maximised objectives before telling. */
export interface TrialOutcome {
  status: 'completed' | 'failed';
  loss?: number;
}

export interface Oracle {
  ask(): Proposal;
  tell(trialId: string, outcome: TrialOutcome): void;
  /** Whether the trial could still be promoted (its checkpoint must be kept). */
  canBePromoted(trialId: string): boolean;
}

export interface OracleContext {
  space: SearchSpace;
  settings: TunerSettings;
  rng: Rng;
}

export type OracleFactory = (ctx: OracleContext) => Oracle;

/** What an algorithm's plan depends on. */
export type PlanInput = Pick<StudySettings, 'space' | 'tuner' | 'budget'>;

/**
 * What a study will train, before it runs: rounds of brackets (Hyperband, successive halving), rungs
 * whose totals depend on the order results arrive (ASHA), or a flat number of trials.
 */
export type BudgetPlan =
  | { kind: 'brackets'; brackets: PlanBracket[] }
  | { kind: 'rungs'; rungs: number[] }
  | { kind: 'flat'; trials: number; cappedBy?: { by: 'grid' | 'space'; size: number } };

/** One setting an algorithm reads, where the tuner panel shows it, and when it applies. */
export interface AlgorithmSetting {
  key: TunerSettingKey;
  group: 'budget' | 'algorithm';
  /** Applies only when this holds (β only with the confidence bound). */
  when?: (input: PlanInput) => boolean;
  /** Instead of the setting's own label and hint, for this algorithm. */
  label?: string;
  hint?: string;
}

/** Everything the app knows about one algorithm, in one place: one file per algorithm exports one. */
export interface AlgorithmDefinition {
  id: Algorithm;
  label: string;
  /** One line a teacher can read aloud. */
  explanation: string;
  /** Trains trials at growing budgets and promotes the best (uses maxEpochs and factor). */
  multiFidelity: boolean;
  /** The settings it reads besides max trials, in the order the panel shows them. */
  settings: readonly AlgorithmSetting[];
  create: OracleFactory;
  plan(input: PlanInput): BudgetPlan;
  /** Model-based tuners: the trials drawn at random before the model proposes. */
  initialRandomTrials?(input: Pick<PlanInput, 'space' | 'tuner'>): number;
  /**
   * Asynchronous tuners: why their proposals depend on the order results arrive, so that with several
   * workers two runs of the same setup may differ. Absent for tuners that are reproducible at any
   * worker count.
   */
  orderDependence?: string;
}
