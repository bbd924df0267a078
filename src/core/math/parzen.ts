import type { Rng } from '../rng';
import { logNormalPdf, logSumExp, normalCdf } from './statistics';

/**
 * Optuna's univariate Parzen estimators (TPESampler with multivariate=False), on the unit interval:
 * a weighted mixture with one kernel per observation plus a prior kernel. Numerical parameters use
 * truncated normal kernels on [0, 1] (the parameter's unit-cube coordinate, which already follows its
 * log/reverse_log sampling); categorical ones use smoothed one-hot distributions.
 */

export interface ParzenOptions {
  priorWeight: number;
  /** Clip bandwidths from below at range / min(100, 1 + n + 1). */
  considerMagicClip: boolean;
  /** Let the outermost kernels reach the domain ends when choosing their bandwidth. */
  considerEndpoints: boolean;
}

export const OPTUNA_PARZEN_DEFAULTS: ParzenOptions = {
  priorWeight: 1,
  considerMagicClip: true,
  considerEndpoints: false,
};

const EPS = 1e-12;

/** Optuna's default_gamma: how many of n trials form the "good" group. */
export const optunaGamma = (n: number): number => Math.min(Math.ceil(0.1 * n), 25);

/** Optuna's default_weights: flat for fewer than 25 observations, else older ones ramp up from 1/n (oldest first). */
export function optunaWeights(n: number): number[] {
  if (n < 25) return new Array<number>(n).fill(1);
  const ramp = n - 25;
  const rising = Array.from({ length: ramp }, (_, i) =>
    ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1),
  );
  return [...rising, ...new Array<number>(25).fill(1)];
}

/** Observation weights followed by the prior's, summing to 1 (only the prior when there are no observations). */
function mixtureWeights(n: number, priorWeight: number): number[] {
  const w = n === 0 ? [1] : [...optunaWeights(n), priorWeight];
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / total);
}

function pickIndex(weights: readonly number[], rng: Rng): number {
  let u = rng.next();
  for (let i = 0; i < weights.length - 1; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/** Optuna's univariate bandwidths on [0, 1]: the larger gap to a neighbour, the prior's centre counting as a neighbour. */
export function parzenBandwidths(observations: readonly number[], options: ParzenOptions): number[] {
  const n = observations.length;
  const withPrior = [...observations, 0.5];
  const order = withPrior.map((_, i) => i).sort((a, b) => withPrior[a] - withPrior[b]);
  const points = [0, ...order.map((i) => withPrior[i]), 1];
  const sorted = order.map((_, k) => Math.max(points[k + 1] - points[k], points[k + 2] - points[k + 1]));
  if (!options.considerEndpoints && points.length >= 4) {
    sorted[0] = points[2] - points[1];
    sorted[sorted.length - 1] = points[points.length - 2] - points[points.length - 3];
  }
  const sigmas = new Array<number>(withPrior.length);
  order.forEach((original, k) => (sigmas[original] = sorted[k]));
  const minSigma = options.considerMagicClip ? 1 / Math.min(100, 1 + n + 1) : EPS;
  return sigmas.slice(0, n).map((s) => Math.min(1, Math.max(minSigma, s)));
}

/** Mixture of normals truncated to [0, 1]. */
export class NumericalParzen {
  private readonly logWeights: number[];
  private readonly logNormalisers: number[];

  private constructor(
    readonly mus: readonly number[],
    readonly sigmas: readonly number[],
    readonly weights: readonly number[],
  ) {
    this.logWeights = weights.map(Math.log);
    this.logNormalisers = mus.map((mu, i) =>
      Math.log(Math.max(EPS, normalCdf(1, mu, sigmas[i]) - normalCdf(0, mu, sigmas[i]))),
    );
  }

  /** observations: unit-interval coordinates of the trials in this group. */
  static fit(
    observations: readonly number[],
    options: ParzenOptions = OPTUNA_PARZEN_DEFAULTS,
  ): NumericalParzen {
    const sigmas = [...parzenBandwidths(observations, options), 1];
    return new NumericalParzen(
      [...observations, 0.5],
      sigmas,
      mixtureWeights(observations.length, options.priorWeight),
    );
  }

  logPdf(x: number): number {
    if (x < 0 || x > 1) return -Infinity;
    return logSumExp(
      this.mus.map(
        (mu, i) => this.logWeights[i] + logNormalPdf(x, mu, this.sigmas[i]) - this.logNormalisers[i],
      ),
    );
  }

  sample(rng: Rng): number {
    const i = pickIndex(this.weights, rng);
    const mu = this.mus[i];
    const sigma = this.sigmas[i];
    // Each kernel's centre lies in [0, 1], so at least a third of its mass is inside: rejection is cheap.
    for (let attempt = 0; attempt < 200; attempt++) {
      const x = rng.normal(mu, sigma);
      if (x >= 0 && x <= 1) return x;
    }
    return Math.min(1, Math.max(0, mu));
  }
}

/** Mixture of smoothed one-hot distributions over `choices` indices, plus a uniform prior. */
export class CategoricalParzen {
  private constructor(
    /** probabilities[k][c]: kernel k's probability of choice c. */
    readonly probabilities: readonly (readonly number[])[],
    readonly weights: readonly number[],
  ) {}

  /** observations: indices (0 … choices − 1) of the values the trials in this group took. */
  static fit(
    observations: readonly number[],
    choices: number,
    options: ParzenOptions = OPTUNA_PARZEN_DEFAULTS,
  ): CategoricalParzen {
    const kernels = observations.length + 1;
    const rows = Array.from({ length: kernels }, (_, k) => {
      const row = new Array<number>(choices).fill(options.priorWeight / kernels);
      if (k < observations.length) row[observations[k]] += 1;
      const total = row.reduce((a, b) => a + b, 0);
      return row.map((v) => v / total);
    });
    return new CategoricalParzen(rows, mixtureWeights(observations.length, options.priorWeight));
  }

  logPdf(index: number): number {
    let p = 0;
    for (let k = 0; k < this.weights.length; k++) p += this.weights[k] * this.probabilities[k][index];
    return Math.log(p);
  }

  sample(rng: Rng): number {
    return pickIndex(this.probabilities[pickIndex(this.weights, rng)], rng);
  }
}
