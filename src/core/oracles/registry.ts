import { createAsha } from './asha';
import { createBayesian } from './bayesian';
import { createGrid } from './grid';
import { createHyperband } from './hyperband';
import { createRandom } from './random';
import { createSuccessiveHalving } from './successive-halving';
import { createTpe } from './tpe';
import type { Algorithm, Oracle, OracleContext, OracleFactory } from './types';

export interface AlgorithmInfo {
  id: Algorithm;
  label: string;
  /** One line a teacher can read aloud. */
  explanation: string;
  /** Trains trials at growing budgets and promotes the best (uses maxEpochs/factor). */
  multiFidelity: boolean;
  create: OracleFactory;
}

export const algorithms: readonly AlgorithmInfo[] = [
  {
    id: 'random',
    label: 'Random search',
    explanation: 'Draws each configuration at random from the space; a strong, honest baseline.',
    multiFidelity: false,
    create: createRandom,
  },
  {
    id: 'grid',
    label: 'Grid search',
    explanation: 'Tries every combination of the listed values in order; exhaustive but grows fast.',
    multiFidelity: false,
    create: createGrid,
  },
  {
    id: 'hyperband',
    label: 'Hyperband',
    explanation:
      'Runs successive halving in several brackets, trading many cheap trials against few long ones.',
    multiFidelity: true,
    create: createHyperband,
  },
  {
    id: 'successive-halving',
    label: 'Successive halving',
    explanation: 'Starts many configurations on a small budget and keeps the best 1/factor at each rung.',
    multiFidelity: true,
    create: createSuccessiveHalving,
  },
  {
    id: 'asha',
    label: 'ASHA',
    explanation:
      'Asynchronous successive halving: promotes a trial as soon as it ranks in the top 1/factor of its rung.',
    multiFidelity: true,
    create: createAsha,
  },
  {
    id: 'bayesian',
    label: 'Bayesian optimisation',
    explanation: 'Fits a Gaussian process to the scores so far and tries where it is promising or uncertain.',
    multiFidelity: false,
    create: createBayesian,
  },
  {
    id: 'tpe',
    label: 'TPE',
    explanation:
      'Tree-structured Parzen estimator (Optuna): samples where good trials are dense and bad ones sparse.',
    multiFidelity: false,
    create: createTpe,
  },
];

export function algorithmInfo(id: Algorithm): AlgorithmInfo {
  const info = algorithms.find((a) => a.id === id);
  if (!info) throw new Error(`Unknown tuning algorithm "${id}"`);
  return info;
}

export const createOracle = (id: Algorithm, ctx: OracleContext): Oracle => algorithmInfo(id).create(ctx);
