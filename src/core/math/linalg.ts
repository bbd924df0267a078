/** Dense linear algebra on small symmetric positive-definite systems (a Gaussian process's kernel matrix). */

/** Row-major square or rectangular matrix: `m[i][j]`. */
export type Matrix = Float64Array[];

export class NotPositiveDefiniteError extends Error {
  constructor(readonly row: number) {
    super(`matrix is not positive definite (pivot ${row} is not positive)`);
    this.name = 'NotPositiveDefiniteError';
  }
}

export function zeros(rows: number, cols = rows): Matrix {
  return Array.from({ length: rows }, () => new Float64Array(cols));
}

export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  return rows.map((r) => Float64Array.from(r));
}

/** Lower-triangular L with A = L·Lᵀ. Reads only the lower triangle of A. Throws NotPositiveDefiniteError. */
export function cholesky(a: Matrix, jitter = 0): Matrix {
  const n = a.length;
  const l = zeros(n);
  for (let i = 0; i < n; i++) {
    const li = l[i];
    for (let j = 0; j <= i; j++) {
      const lj = l[j];
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= li[k] * lj[k];
      if (i === j) {
        sum += jitter;
        if (!(sum > 0)) throw new NotPositiveDefiniteError(i);
        li[i] = Math.sqrt(sum);
      } else {
        li[j] = sum / lj[j];
      }
    }
  }
  return l;
}

/**
 * Cholesky that retries with growing jitter on the diagonal when A is numerically singular
 * (near-duplicate points). The jitter starts at `relativeJitter` × mean diagonal and grows ×10.
 */
export function choleskyWithJitter(
  a: Matrix,
  relativeJitter = 1e-10,
  maxTries = 8,
): { factor: Matrix; jitter: number } {
  try {
    return { factor: cholesky(a), jitter: 0 };
  } catch (e) {
    if (!(e instanceof NotPositiveDefiniteError)) throw e;
  }
  let meanDiagonal = 0;
  for (let i = 0; i < a.length; i++) meanDiagonal += Math.abs(a[i][i]);
  meanDiagonal = a.length > 0 ? meanDiagonal / a.length : 1;
  let jitter = relativeJitter * (meanDiagonal || 1);
  for (let attempt = 0; attempt < maxTries; attempt++, jitter *= 10) {
    try {
      return { factor: cholesky(a, jitter), jitter };
    } catch (e) {
      if (!(e instanceof NotPositiveDefiniteError)) throw e;
    }
  }
  throw new NotPositiveDefiniteError(-1);
}

/** x with L·x = b, L lower-triangular. */
export function solveLower(l: Matrix, b: ArrayLike<number>): Float64Array {
  const n = l.length;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const li = l[i];
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= li[k] * x[k];
    x[i] = sum / li[i];
  }
  return x;
}

/** x with Lᵀ·x = b, L lower-triangular. */
export function solveLowerTransposed(l: Matrix, b: ArrayLike<number>): Float64Array {
  const n = l.length;
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i];
    for (let k = i + 1; k < n; k++) sum -= l[k][i] * x[k];
    x[i] = sum / l[i][i];
  }
  return x;
}

/** x with A·x = b, given the Cholesky factor L of A. */
export function choleskySolve(l: Matrix, b: ArrayLike<number>): Float64Array {
  return solveLowerTransposed(l, solveLower(l, b));
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Σ log Lᵢᵢ = ½ log det A for A = L·Lᵀ. */
export function halfLogDet(l: Matrix): number {
  let sum = 0;
  for (let i = 0; i < l.length; i++) sum += Math.log(l[i][i]);
  return sum;
}
