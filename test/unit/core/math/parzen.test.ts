import { describe, expect, it } from 'vitest';
import {
  CategoricalParzen,
  NumericalParzen,
  optunaGamma,
  optunaWeights,
  parzenBandwidths,
} from '../../../../src/core/math/parzen';
import { Rng } from '../../../../src/core/rng';

const noClip = { priorWeight: 1, considerMagicClip: false, considerEndpoints: false };
const optuna = { priorWeight: 1, considerMagicClip: true, considerEndpoints: false };

function integrate(f: (x: number) => number, steps = 20000): number {
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += f((i + 0.5) / steps);
  return sum / steps;
}

describe('Optuna defaults', () => {
  it('gamma(n) = min(ceil(0.1·n), 25)', () => {
    expect([1, 10, 11, 100, 250, 300].map(optunaGamma)).toEqual([1, 1, 2, 10, 25, 25]);
  });

  it('weights are flat below 25 observations, then ramp from 1/n for the oldest', () => {
    expect(optunaWeights(3)).toEqual([1, 1, 1]);
    const w = optunaWeights(30);
    expect(w).toHaveLength(30);
    [1 / 30, 0.275, 0.5166666666666667, 0.7583333333333333, 1].forEach((v, i) =>
      expect(w[i]).toBeCloseTo(v, 12),
    );
    expect(w.slice(5).every((v) => v === 1)).toBe(true);
  });
});

describe('parzenBandwidths (univariate, prior centre as a neighbour)', () => {
  it('takes the larger neighbour gap, the inner gap at both ends, then clips', () => {
    // sorted with prior: 0.1 0.15 0.5 0.8 0.9 between the endpoints 0 and 1
    expect(parzenBandwidths([0.8, 0.1, 0.9, 0.15], noClip).map((s) => Number(s.toFixed(12)))).toEqual([
      0.3, 0.05, 0.1, 0.35,
    ]);
    // magic clip: at least 1 / (1 + 4 + 1)
    expect(parzenBandwidths([0.8, 0.1, 0.9, 0.15], optuna).map((s) => Number(s.toFixed(12)))).toEqual([
      0.3, 0.166666666667, 0.166666666667, 0.35,
    ]);
  });
});

describe('NumericalParzen', () => {
  it('is a density on [0, 1] that peaks near the observations', () => {
    const pe = NumericalParzen.fit([0.2, 0.22, 0.25, 0.8]);
    expect(integrate((x) => Math.exp(pe.logPdf(x)))).toBeCloseTo(1, 4);
    expect(pe.logPdf(0.22)).toBeGreaterThan(pe.logPdf(0.6));
    expect(pe.logPdf(-0.1)).toBe(-Infinity);
  });

  it('is the prior alone (a wide normal centred at 0.5) without observations', () => {
    const pe = NumericalParzen.fit([]);
    expect(pe.mus).toEqual([0.5]);
    expect(pe.sigmas).toEqual([1]);
    expect(integrate((x) => Math.exp(pe.logPdf(x)))).toBeCloseTo(1, 6);
  });

  it('samples inside [0, 1] with the density it reports', () => {
    const pe = NumericalParzen.fit([0.1, 0.15, 0.9]);
    const rng = new Rng(3);
    const samples = Array.from({ length: 20000 }, () => pe.sample(rng));
    expect(samples.every((x) => x >= 0 && x <= 1)).toBe(true);
    const below = samples.filter((x) => x < 0.3).length / samples.length;
    const expected = integrate((x) => (x < 0.3 ? Math.exp(pe.logPdf(x)) : 0));
    expect(Math.abs(below - expected)).toBeLessThan(0.015);
  });
});

describe('CategoricalParzen', () => {
  it('mixes smoothed one-hot kernels with a uniform prior, as Optuna does', () => {
    const pe = CategoricalParzen.fit([0, 0, 1], 3);
    // 4 kernels of weight 1/4; an observation's kernel is (1 + 1/4 on its choice, 1/4 elsewhere) / 1.75
    const p0 = (2 * (1.25 / 1.75) + 0.25 / 1.75 + 1 / 3) / 4;
    expect(Math.exp(pe.logPdf(0))).toBeCloseTo(p0, 12);
    const total = [0, 1, 2].reduce((s, c) => s + Math.exp(pe.logPdf(c)), 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('samples choices with those probabilities', () => {
    const pe = CategoricalParzen.fit([2, 2, 2, 0], 3);
    const rng = new Rng(11);
    const counts = [0, 0, 0];
    for (let i = 0; i < 20000; i++) counts[pe.sample(rng)]++;
    counts.forEach((n, c) => expect(Math.abs(n / 20000 - Math.exp(pe.logPdf(c)))).toBeLessThan(0.015));
  });
});
