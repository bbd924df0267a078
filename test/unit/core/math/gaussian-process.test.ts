import { describe, expect, it } from 'vitest';
import {
  fitGaussianProcess,
  GaussianProcess,
  LENGTH_SCALE_GRID,
  matern52,
} from '../../../../src/core/math/gaussian-process';
import { mean, std } from '../../../../src/core/math/statistics';

const xs = [[0], [0.3], [0.7], [1.0]];
const ys = [1, -0.5, 0.2, 2];

describe('matern52', () => {
  it('is (1 + √5 r + 5r²/3)·exp(−√5 r)', () => {
    expect(matern52(0)).toBe(1);
    expect(matern52(1)).toBeCloseTo(0.5239941088318203, 14);
    expect(matern52(0.5)).toBeCloseTo(0.8286491424181253, 14);
    expect(matern52(50)).toBeLessThan(1e-40);
  });
});

describe('GaussianProcess', () => {
  it('matches a NumPy computation of the posterior and the log marginal likelihood', () => {
    const gp = GaussianProcess.fit(xs, ys, { alpha: 1e-4, lengthScale: 0.5 });
    const { mean: mu, std: sigma } = gp.predict([0.5]);
    expect(mu).toBeCloseTo(-0.6286657382601881, 9);
    expect(sigma).toBeCloseTo(0.1653446384857867, 9);
    expect(gp.logMarginalLikelihood).toBeCloseTo(-8.51757942706233, 9);
  });

  it('interpolates the training points when alpha → 0', () => {
    const x = [
      [0.1, 0.2],
      [0.5, 0.9],
      [0.8, 0.3],
      [0.35, 0.6],
      [0.9, 0.95],
    ];
    const y = [3, -1, 0.5, 2, 7];
    const gp = GaussianProcess.fit(x, y, { alpha: 1e-10, lengthScale: 0.4 });
    x.forEach((point, i) => {
      const p = gp.predict(point);
      expect(p.mean).toBeCloseTo(y[i], 4);
      expect(p.std).toBeLessThan(1e-3);
    });
    const between = gp.predict([0.45, 0.45]);
    expect(between.std).toBeGreaterThan(0.05);
    expect(between.std).toBeLessThan(std(y));
  });

  it('reverts to the prior (mean and spread of the targets) far from the data', () => {
    const gp = GaussianProcess.fit(xs, ys, { alpha: 1e-4, lengthScale: 0.5 });
    const far = gp.predict([40]);
    expect(far.mean).toBeCloseTo(mean(ys), 10);
    expect(far.std).toBeCloseTo(std(ys), 10);
  });

  it('copes with duplicate points and constant targets', () => {
    const gp = GaussianProcess.fit([[0.5], [0.5], [0.2]], [1, 1, 1], { alpha: 0, lengthScale: 1 });
    const p = gp.predict([0.9]);
    expect(p.mean).toBeCloseTo(1, 10);
    expect(Number.isFinite(p.std)).toBe(true);
  });
});

describe('fitGaussianProcess', () => {
  it('keeps the length scale with the highest log marginal likelihood', () => {
    const x = Array.from({ length: 12 }, (_, i) => [i / 11]);
    const y = x.map(([v]) => Math.sin(6 * v));
    const best = fitGaussianProcess(x, y, 1e-4);
    expect(LENGTH_SCALE_GRID).toContain(best.lengthScale);
    for (const lengthScale of LENGTH_SCALE_GRID)
      expect(
        GaussianProcess.fit(x, y, { alpha: 1e-4, lengthScale }).logMarginalLikelihood,
      ).toBeLessThanOrEqual(best.logMarginalLikelihood);
    // A smooth sine over the unit interval wants a length scale neither tiny nor huge.
    expect(best.lengthScale).toBeGreaterThan(0.1);
    expect(best.lengthScale).toBeLessThan(3);
  });
});
