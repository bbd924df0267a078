import { describe, expect, it } from 'vitest';
import {
  cholesky,
  choleskySolve,
  choleskyWithJitter,
  fromRows,
  halfLogDet,
  NotPositiveDefiniteError,
  type Matrix,
} from '../../../../src/core/math/linalg';
import { Rng } from '../../../../src/core/rng';
import { matMul, matVec, transpose } from '../../support/matrix';

function expectMatrixClose(actual: Matrix, expected: Matrix, digits = 10) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], digits)));
}

function randomSpd(n: number, rng: Rng): Matrix {
  const b = fromRows(Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal())));
  const a = matMul(b, transpose(b));
  for (let i = 0; i < n; i++) a[i][i] += 0.5;
  return a;
}

describe('cholesky', () => {
  it('factors the textbook SPD matrix exactly', () => {
    const a = fromRows([
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ]);
    expectMatrixClose(
      cholesky(a),
      fromRows([
        [2, 0, 0],
        [6, 1, 0],
        [-8, 5, 3],
      ]),
    );
    expect(halfLogDet(cholesky(a))).toBeCloseTo(Math.log(2 * 1 * 3), 12);
  });

  it('reconstructs random SPD matrices and solves A·x = b', () => {
    const rng = new Rng(7);
    for (const n of [1, 4, 12]) {
      const a = randomSpd(n, rng);
      const l = cholesky(a);
      expectMatrixClose(matMul(l, transpose(l)), a, 9);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(l[i][j]).toBe(0);
      const b = Array.from({ length: n }, () => rng.normal());
      const x = choleskySolve(l, b);
      matVec(a, x).forEach((v, i) => expect(v).toBeCloseTo(b[i], 9));
    }
  });

  it('throws NotPositiveDefiniteError for a singular or indefinite matrix', () => {
    expect(() =>
      cholesky(
        fromRows([
          [1, 1],
          [1, 1],
        ]),
      ),
    ).toThrow(NotPositiveDefiniteError);
    expect(() =>
      cholesky(
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toThrow(NotPositiveDefiniteError);
  });
});

describe('choleskyWithJitter', () => {
  it('needs no jitter for a well-conditioned matrix', () => {
    expect(
      choleskyWithJitter(
        fromRows([
          [2, 1],
          [1, 2],
        ]),
      ).jitter,
    ).toBe(0);
  });

  it('retries with growing diagonal jitter when the matrix is numerically singular', () => {
    const a = fromRows([
      [1, 1, 0.5],
      [1, 1, 0.5],
      [0.5, 0.5, 1],
    ]);
    const { factor, jitter } = choleskyWithJitter(a);
    expect(jitter).toBeGreaterThan(0);
    expect(jitter).toBeLessThan(1e-3);
    const rebuilt = matMul(factor, transpose(factor));
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(rebuilt[i][j]).toBeCloseTo(a[i][j] + (i === j ? jitter : 0), 9);
  });

  it('still fails for a clearly indefinite matrix instead of hiding it', () => {
    expect(() =>
      choleskyWithJitter(
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toThrow(NotPositiveDefiniteError);
  });
});
