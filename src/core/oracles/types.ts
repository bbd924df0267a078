import type { Rng } from '../rng';
import type { Config, SearchSpace } from '../space/types';

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

export const defaultTunerSettings: TunerSettings = {
  algorithm: 'hyperband',
  maxTrials: 30,
  epochs: 10,
  maxEpochs: 10,
  factor: 3,
  iterations: 1,
  variant: 'keras-tuner',
  minEpochs: 1,
  initialConfigs: 0,
  gridPoints: 5,
  acquisition: 'ucb',
  beta: 2.6,
  alpha: 1e-4,
  initialPoints: 0,
  eiCandidates: 24,
};

/** What an oracle proposes. `resource` is the total budget (epochs) the trial must reach. */
export interface OracleTrial {
  id: string;
  config: Config;
  resource: number;
  /** A promoted trial resumes from its parent's checkpoint (whose resource was parent.resource). */
  parentId?: string;
  bracket?: number;
  round?: number;
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
