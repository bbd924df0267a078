import { normalCdf, normalPdf } from './statistics';

/**
 * Acquisition functions for MINIMISATION, from a posterior mean and standard deviation.
 * Both return a score where LOWER is better, so an optimiser can always take the minimum.
 */

/** Keras Tuner's "upper confidence bound" for a loss: μ − β·σ (the lower confidence bound). */
export function lowerConfidenceBound(mu: number, sigma: number, beta: number): number {
  return mu - beta * sigma;
}

/**
 * Expected improvement below `best`: E[max(best − ξ − f, 0)] for f ~ N(μ, σ²)
 * = (best − ξ − μ)·Φ(z) + σ·φ(z) with z = (best − ξ − μ)/σ; max(best − ξ − μ, 0) when σ = 0.
 */
export function expectedImprovement(mu: number, sigma: number, best: number, xi = 0): number {
  const improvement = best - xi - mu;
  if (!(sigma > 0)) return Math.max(improvement, 0);
  const z = improvement / sigma;
  return improvement * normalCdf(z) + sigma * normalPdf(z);
}

export type AcquisitionKind = 'ucb' | 'ei';

export interface AcquisitionOptions {
  kind: AcquisitionKind;
  /** ucb: the exploration weight β. */
  beta: number;
  /** ei: the best (lowest) loss observed so far. */
  best: number;
  /** ei: the margin ξ an improvement must exceed. */
  xi?: number;
}

/** The score to minimise: μ − β·σ for 'ucb', −EI for 'ei'. */
export function acquisitionScore(mu: number, sigma: number, options: AcquisitionOptions): number {
  return options.kind === 'ucb'
    ? lowerConfidenceBound(mu, sigma, options.beta)
    : -expectedImprovement(mu, sigma, options.best, options.xi ?? 0);
}
