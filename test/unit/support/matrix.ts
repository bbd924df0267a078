/** Matrix products the linear-algebra tests check factorisations with (the app itself never needs them). */
import { dot, zeros, type Matrix } from '../../../src/core/math/linalg';

export function matVec(m: Matrix, v: ArrayLike<number>): Float64Array {
  return Float64Array.from(m, (row) => dot(row, v));
}

/** The product A·B. */
export function matMul(a: Matrix, b: Matrix): Matrix {
  const out = zeros(a.length, b[0]?.length ?? 0);
  for (let i = 0; i < a.length; i++)
    for (let k = 0; k < b.length; k++) {
      const aik = a[i][k];
      if (aik === 0) continue;
      for (let j = 0; j < out[i].length; j++) out[i][j] += aik * b[k][j];
    }
  return out;
}

export function transpose(m: Matrix): Matrix {
  const rows = m.length;
  const cols = m[0]?.length ?? 0;
  const out = zeros(cols, rows);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j][i] = m[i][j];
  return out;
}
