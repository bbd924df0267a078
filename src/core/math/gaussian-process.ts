import { choleskySolve, choleskyWithJitter, dot, halfLogDet, solveLower, zeros, type Matrix } from './linalg';
import { mean, std } from './statistics';

/**
 * Gaussian-process regression as Keras Tuner configures scikit-learn's GaussianProcessRegressor:
 * an isotropic Matérn ν = 5/2 kernel of unit amplitude, targets normalised to zero mean and unit
 * standard deviation, and `alpha` added to the kernel diagonal. The length scale is either given or
 * chosen from a grid by the log marginal likelihood (scikit-learn runs L-BFGS instead; on a unit cube
 * a log-spaced grid finds the same optimum to within a grid step).
 */

export type Point = ArrayLike<number>;

const SQRT_5 = Math.sqrt(5);

/** Matérn ν = 5/2 correlation at scaled distance r = ‖x − x'‖ / ℓ. */
export function matern52(r: number): number {
  const s = SQRT_5 * r;
  return (1 + s + (s * s) / 3) * Math.exp(-s);
}

function distance(a: Point, b: Point): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return Math.sqrt(sum);
}

export interface GpPrediction {
  mean: number;
  std: number;
}

export interface GpOptions {
  /** Added to the kernel diagonal, in normalised target units (Keras Tuner's alpha, 1e-4). */
  alpha: number;
  lengthScale: number;
}

/** Length scales tried by `fitGaussianProcess`: 0.02 … ≈ 10, log-spaced (factor 1.5). */
export const LENGTH_SCALE_GRID: readonly number[] = Array.from({ length: 16 }, (_, k) => 0.02 * 1.5 ** k);

export class GaussianProcess {
  private constructor(
    private readonly x: readonly Point[],
    readonly lengthScale: number,
    private readonly yMean: number,
    private readonly yScale: number,
    private readonly factor: Matrix,
    private readonly weights: Float64Array,
    /** log p(y | X, ℓ) of the normalised targets. */
    readonly logMarginalLikelihood: number,
  ) {}

  /** Conditions the prior on observations (x[i], y[i]). Needs at least one observation. */
  static fit(x: readonly Point[], y: readonly number[], options: GpOptions): GaussianProcess {
    const n = x.length;
    if (n === 0 || y.length !== n)
      throw new Error(`GaussianProcess.fit: need as many targets as points (got ${n} and ${y.length})`);
    const yMean = mean(y);
    const spread = std(y);
    const yScale = spread > 0 && Number.isFinite(spread) ? spread : 1;
    const normalised = y.map((v) => (v - yMean) / yScale);
    const k = zeros(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) k[i][j] = k[j][i] = matern52(distance(x[i], x[j]) / options.lengthScale);
      k[i][i] = 1 + options.alpha;
    }
    const { factor } = choleskyWithJitter(k);
    const weights = choleskySolve(factor, normalised);
    const lml = -0.5 * dot(normalised, weights) - halfLogDet(factor) - 0.5 * n * Math.log(2 * Math.PI);
    return new GaussianProcess(x.slice(), options.lengthScale, yMean, yScale, factor, weights, lml);
  }

  /** Number of observations. */
  get size(): number {
    return this.x.length;
  }

  /** Posterior mean and standard deviation of the latent function at `point`, in the targets' units. */
  predict(point: Point): GpPrediction {
    const n = this.x.length;
    const kStar = new Float64Array(n);
    for (let i = 0; i < n; i++) kStar[i] = matern52(distance(point, this.x[i]) / this.lengthScale);
    const v = solveLower(this.factor, kStar);
    const variance = Math.max(0, 1 - dot(v, v));
    return {
      mean: this.yMean + this.yScale * dot(kStar, this.weights),
      std: this.yScale * Math.sqrt(variance),
    };
  }
}

/** Fits one GP per candidate length scale and keeps the one with the highest log marginal likelihood. */
export function fitGaussianProcess(
  x: readonly Point[],
  y: readonly number[],
  alpha: number,
  lengthScales: readonly number[] = LENGTH_SCALE_GRID,
): GaussianProcess {
  let best: GaussianProcess | null = null;
  for (const lengthScale of lengthScales) {
    const gp = GaussianProcess.fit(x, y, { alpha, lengthScale });
    if (!best || gp.logMarginalLikelihood > best.logMarginalLikelihood) best = gp;
  }
  if (!best) throw new Error('fitGaussianProcess: no length scale to try');
  return best;
}
