import { acquisitionScore, type AcquisitionOptions } from '../math/acquisition';
import { fitGaussianProcess, GaussianProcess } from '../math/gaussian-process';
import { completeConfig, configKey, fromUnit, isActive, toUnit, tunableParams } from '../space';
import type { Config, Param, ParamValue, SearchSpace } from '../space/types';
import { distinctConfigsPlan } from './flat-plan';
import { EPOCHS_PER_TRIAL, startupShare } from './settings';
import type { AlgorithmDefinition, Oracle, OracleContext, PlanInput, TrialOrigin } from './types';
import { TrialHistory } from './trial-history';

/**
 * Keras Tuner's BayesianOptimization. After `initialPoints` random trials (default max(3·dims, 3)),
 * a Gaussian process (Matérn 5/2, normalised targets, alpha on the diagonal, length scale by maximum
 * marginal likelihood over a grid) models the loss on the unit cube and the next config minimises the
 * acquisition: μ − β·σ ('ucb', β = 2.6) or −EI ('ei').
 *
 * - Every tunable parameter is one coordinate; an inactive conditional one sits at 0.5.
 * - The acquisition is minimised over random candidates plus Gaussian perturbations of the best ones;
 *   every candidate is snapped to a real config (steps, choices) before it is scored.
 * - Running trials are imputed at the model's predicted mean ("kriging believer"): their σ collapses,
 *   so parallel workers are sent to different places.
 * - Failed trials are left out of the model; they still count as proposed and are never repeated.
 */

const RANDOM_CANDIDATES = 1000;
/** Local search rounds: perturb the `keep` best candidates `each` times with Gaussian noise of `sd`. */
const LOCAL_ROUNDS = [
  { keep: 5, each: 40, sd: 0.1 },
  { keep: 5, each: 40, sd: 0.02 },
];
/** Improvement margin ξ for 'ei': 0, the classic expected improvement (a fixed ξ would depend on the loss's scale). */
const EI_XI = 0;

export const INACTIVE_COORDINATE = 0.5;

/** The unit-cube point of a config: one coordinate per tunable parameter, 0.5 when inactive. */
export function encodeConfig(params: readonly Param[], config: Config): Float64Array {
  return Float64Array.from(params, (p) =>
    isActive(p, config) && p.name in config ? toUnit(p, config[p.name]) : INACTIVE_COORDINATE,
  );
}

/** The config a unit-cube point selects (inactive parameters dropped, fixed ones filled). */
export function decodePoint(space: SearchSpace, params: readonly Param[], point: ArrayLike<number>): Config {
  const partial: Record<string, ParamValue> = {};
  params.forEach((p, i) => (partial[p.name] = fromUnit(p, point[i])));
  return completeConfig(space, partial);
}

interface Candidate {
  config: Config;
  point: Float64Array;
  score: number;
  mean: number;
  std: number;
}

/**
 * Unless set: Keras Tuner's max(3 · tunable dimensions, 3), but never more than a third of max trials
 * (at least 3). Keras Tuner's own default is 54 for the course space, more than the 30 trials a class
 * runs, and the model would never be used.
 */
export function bayesianInitialTrials({ space, tuner }: Pick<PlanInput, 'space' | 'tuner'>): number {
  return tuner.initialPoints || Math.min(Math.max(3 * tunableParams(space).length, 3), startupShare(tuner));
}

export function createBayesian(ctx: OracleContext): Oracle {
  const { space, settings, rng } = ctx;
  const params = tunableParams(space);
  const history = new TrialHistory(ctx);
  const initialPoints = bayesianInitialTrials({ space, tuner: settings });

  function surrogate(): { gp: GaussianProcess; best: number } {
    const completed = history.completed();
    const x = completed.map((t) => encodeConfig(params, t.config));
    const y = completed.map((t) => t.loss);
    const gp = fitGaussianProcess(x, y, settings.alpha);
    const pending = history.pending().map((c) => encodeConfig(params, c));
    const best = Math.min(...y);
    if (pending.length === 0) return { gp, best };
    const believed = pending.map((p) => gp.predict(p).mean);
    const withPending = GaussianProcess.fit([...x, ...pending], [...y, ...believed], {
      alpha: settings.alpha,
      lengthScale: gp.lengthScale,
    });
    return { gp: withPending, best };
  }

  /** Unseen configs, best acquisition first, each with the model's prediction. */
  function rankedCandidates(): { config: Config; origin: TrialOrigin }[] {
    const { gp, best } = surrogate();
    const acquisition: AcquisitionOptions = {
      kind: settings.acquisition,
      beta: settings.beta,
      best,
      xi: EI_XI,
    };
    const pool = new Map<string, Candidate>();
    const consider = (raw: ArrayLike<number>) => {
      const config = decodePoint(space, params, raw);
      const key = configKey(config);
      if (pool.has(key) || !history.isNewKey(key)) return;
      const point = encodeConfig(params, config);
      const { mean, std } = gp.predict(point);
      pool.set(key, { config, point, score: acquisitionScore(mean, std, acquisition), mean, std });
    };
    for (let i = 0; i < RANDOM_CANDIDATES; i++) consider(Float64Array.from(params, () => rng.next()));
    for (const round of LOCAL_ROUNDS) {
      const leaders = [...pool.values()].sort((a, b) => a.score - b.score).slice(0, round.keep);
      for (const leader of leaders)
        for (let i = 0; i < round.each; i++)
          consider(
            Float64Array.from(leader.point, (u) => Math.min(1, Math.max(0, u + rng.normal(0, round.sd)))),
          );
    }
    return [...pool.values()]
      .sort((a, b) => a.score - b.score)
      .map((c) => ({ config: c.config, origin: { kind: 'model', predicted: { loss: c.mean, sd: c.std } } }));
  }

  return {
    ask() {
      const stop = history.stopReason();
      if (stop) return { kind: 'done', reason: stop };
      const observed = history.completed().length;
      if (observed === 0 || observed + history.pending().length < initialPoints)
        return history.proposeRandom();
      return history.proposeFirstNew(rankedCandidates());
    },
    tell: (trialId, outcome) => history.tell(trialId, outcome),
    canBePromoted: () => false,
  };
}

export const bayesian: AlgorithmDefinition = {
  id: 'bayesian',
  label: 'Bayesian optimisation',
  explanation: 'Fits a Gaussian process to the scores so far and tries where it is promising or uncertain.',
  multiFidelity: false,
  settings: [
    EPOCHS_PER_TRIAL,
    { key: 'acquisition', group: 'algorithm' },
    { key: 'beta', group: 'algorithm', when: ({ tuner }) => tuner.acquisition === 'ucb' },
    { key: 'alpha', group: 'algorithm' },
    { key: 'initialPoints', group: 'algorithm' },
  ],
  create: createBayesian,
  plan: distinctConfigsPlan,
  initialRandomTrials: bayesianInitialTrials,
  orderDependence:
    'Bayesian optimisation proposes each trial from the results that have arrived, so its proposals depend on which trials finish first.',
};
