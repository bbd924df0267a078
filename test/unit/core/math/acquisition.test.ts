import { describe, expect, it } from 'vitest';
import {
  acquisitionScore,
  expectedImprovement,
  lowerConfidenceBound,
} from '../../../../src/core/math/acquisition';

describe('lower confidence bound (Keras Tuner "ucb" for a loss)', () => {
  it('is μ − β·σ', () => {
    expect(lowerConfidenceBound(1, 0.5, 2.6)).toBeCloseTo(-0.3, 15);
    expect(acquisitionScore(1, 0.5, { kind: 'ucb', beta: 2.6, best: 0 })).toBeCloseTo(-0.3, 15);
  });
});

describe('expected improvement for minimisation', () => {
  it('matches hand-computed values', () => {
    // μ = best: EI = σ·φ(0)
    expect(expectedImprovement(0, 1, 0)).toBeCloseTo(0.3989422804014327, 14);
    // μ = 1, σ = 2, best = 0.5: z = −0.25, EI = −0.5·Φ(−0.25) + 2·φ(−0.25)
    expect(expectedImprovement(1, 2, 0.5)).toBeCloseTo(0.5726893964471604, 14);
    // ξ shifts the target: same as best − ξ
    expect(expectedImprovement(1, 2, 0.6, 0.1)).toBeCloseTo(0.5726893964471604, 14);
  });

  it('is the plain improvement when σ = 0', () => {
    expect(expectedImprovement(0.2, 0, 1)).toBeCloseTo(0.8, 15);
    expect(expectedImprovement(2, 0, 1)).toBe(0);
  });

  it('grows with uncertainty and with a lower mean', () => {
    expect(expectedImprovement(0, 2, 0)).toBeGreaterThan(expectedImprovement(0, 1, 0));
    expect(expectedImprovement(-1, 1, 0)).toBeGreaterThan(expectedImprovement(0, 1, 0));
    expect(expectedImprovement(5, 1, 0)).toBeGreaterThan(0);
  });

  it('is negated by acquisitionScore so that lower is better', () => {
    expect(acquisitionScore(1, 2, { kind: 'ei', beta: 2.6, best: 0.5 })).toBeCloseTo(-0.5726893964471604, 14);
  });
});
