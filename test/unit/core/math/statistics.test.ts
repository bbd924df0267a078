import { describe, expect, it } from 'vitest';
import {
  erf,
  erfc,
  logNormalPdf,
  logSumExp,
  mean,
  median,
  normalCdf,
  normalPdf,
  quantile,
  std,
  variance,
} from '../../../../src/core/math/statistics';

/** Relative closeness, for values spanning many orders of magnitude. */
function expectRelClose(actual: number, expected: number, rel = 1e-13) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('erf and erfc', () => {
  it('match reference values to double precision (Python math.erf/erfc)', () => {
    expect(erf(0)).toBe(0);
    expectRelClose(erf(1e-30), 1.1283791670955127e-30);
    expectRelClose(erf(0.5), 0.5204998778130465);
    expectRelClose(erf(1), 0.8427007929497149);
    expectRelClose(erf(2), 0.9953222650189527);
    expectRelClose(erf(-1), -0.8427007929497149);
    expect(erf(7)).toBe(1);
    expectRelClose(erfc(0.3), 0.6713732405408726);
    expectRelClose(erfc(1), 0.15729920705028513);
    expectRelClose(erfc(-1), 1.842700792949715);
    expectRelClose(erfc(3), 2.2090496998585438e-5, 1e-12);
    expectRelClose(erfc(5.5), 7.357847917974398e-15, 1e-12);
    expectRelClose(erfc(10), 2.088487583762545e-45, 1e-12);
    expect(erfc(30)).toBe(0);
    expect(Number.isNaN(erf(NaN))).toBe(true);
  });

  it('are odd / complementary', () => {
    for (const x of [-4, -1.3, -0.2, 0.1, 0.9, 2.5, 5]) {
      expect(erf(-x)).toBeCloseTo(-erf(x), 15);
      expect(erf(x) + erfc(x)).toBeCloseTo(1, 15);
    }
  });
});

describe('normal distribution', () => {
  it('pdf and cdf match reference values', () => {
    expectRelClose(normalPdf(0), 0.3989422804014327);
    expectRelClose(normalPdf(1), 0.24197072451914337);
    expectRelClose(normalPdf(3, 1, 2), 0.24197072451914337 / 2);
    expectRelClose(logNormalPdf(3, 1, 2), Math.log(0.24197072451914337 / 2));
    expect(normalCdf(0)).toBe(0.5);
    expectRelClose(normalCdf(1.96), 0.9750021048517795);
    expectRelClose(normalCdf(-1), 0.15865525393145707);
    expectRelClose(normalCdf(-10), 7.619853024160593e-24, 1e-12);
    expectRelClose(normalCdf(5, 1, 2), 0.9750021048517795 + (normalCdf(2) - normalCdf(1.96)));
  });
});

describe('descriptive statistics', () => {
  it('mean, variance, std with population and sample conventions', () => {
    const xs = [1, 2, 3, 4];
    expect(mean(xs)).toBe(2.5);
    expect(variance(xs)).toBe(1.25);
    expect(std(xs)).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(std(xs, 1)).toBeCloseTo(Math.sqrt(5 / 3), 15);
    expect(Number.isNaN(mean([]))).toBe(true);
  });

  it('quantiles interpolate linearly between order statistics (numpy default)', () => {
    const xs = [4, 1, 3, 2];
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 0.25)).toBe(1.75);
    expect(quantile(xs, 0.9)).toBeCloseTo(3.7, 15);
    expect(quantile(xs, 1)).toBe(4);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('logSumExp does not overflow', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp([-Infinity, Math.log(3)])).toBeCloseTo(Math.log(3), 15);
    expect(logSumExp([])).toBe(-Infinity);
  });
});
