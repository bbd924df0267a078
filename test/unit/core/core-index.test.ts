import { describe, expect, it } from 'vitest';
import { hyperbandPlan } from '../../../src/core';

describe('the core entry point', () => {
  it("exports hyperbandPlan: Keras Tuner's worked example is 30 trials and 120 epochs", () => {
    const plan = hyperbandPlan({ maxEpochs: 10, factor: 3, iterations: 1, variant: 'keras-tuner' });
    expect(plan.totalTrials).toBe(30);
    expect(plan.totalEpochs).toBe(120);
    expect(plan.brackets.map((b) => b.rounds.map((r) => `${r.models}x${r.epochs}`).join(' '))).toEqual([
      '12x2 4x4 2x10',
      '6x4 2x10',
      '4x10',
    ]);
  });
});
