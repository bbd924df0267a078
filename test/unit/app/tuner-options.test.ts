import { describe, expect, it } from 'vitest';
import { recommendedWorkers } from '../../../src/app/components/tuner-options';

describe('recommendedWorkers', () => {
  it('uses both cores of a 2-core machine, then leaves one core for the page, at most 4', () => {
    expect([1, 2, 3, 4, 5, 6, 8, 16].map(recommendedWorkers)).toEqual([1, 2, 2, 3, 4, 4, 4, 4]);
  });

  it('reads an unknown or odd core count as at least one', () => {
    expect(recommendedWorkers(0)).toBe(1);
    expect(recommendedWorkers(2.5)).toBe(2);
  });
});
