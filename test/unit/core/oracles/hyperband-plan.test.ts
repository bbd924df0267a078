import { describe, expect, it } from 'vitest';
import { hyperbandPlan, type PlanBracket } from '../../../../src/core/oracles/hyperband-plan';

/** [bracket, [models, epochs], [models, epochs], …] — tables computed by hand from the formulas. */
type Row = [number, ...[number, number][]];

function table(rows: Row[]): PlanBracket[] {
  return rows.map(([bracket, ...rounds]) => ({
    bracket,
    rounds: rounds.map(([models, epochs]) => ({ models, epochs })),
  }));
}

describe('hyperbandPlan, keras-tuner variant', () => {
  it('max_epochs=10, factor=3: the worked example (30 trials, 120 epochs)', () => {
    const plan = hyperbandPlan({ maxEpochs: 10, factor: 3, iterations: 1, variant: 'keras-tuner' });
    expect(plan.brackets).toEqual(
      table([
        [2, [12, 2], [4, 4], [2, 10]],
        [1, [6, 4], [2, 10]],
        [0, [4, 10]],
      ]),
    );
    expect(plan.totalTrials).toBe(30);
    expect(plan.totalEpochs).toBe(120);
  });

  it('max_epochs=27, factor=3', () => {
    const plan = hyperbandPlan({ maxEpochs: 27, factor: 3, iterations: 1, variant: 'keras-tuner' });
    expect(plan.brackets).toEqual(
      table([
        [3, [27, 1], [9, 3], [3, 9], [1, 27]],
        [2, [12, 3], [4, 9], [2, 27]],
        [1, [6, 9], [2, 27]],
        [0, [4, 27]],
      ]),
    );
    expect(plan.totalTrials).toBe(40 + 18 + 8 + 4);
    expect(plan.totalEpochs).toBe(81 + 96 + 90 + 108);
  });

  it('max_epochs=81, factor=3 uses the exact log (E = 5, not the 6 a float log gives)', () => {
    const plan = hyperbandPlan({ maxEpochs: 81, factor: 3, iterations: 1, variant: 'keras-tuner' });
    expect(plan.brackets).toEqual(
      table([
        [4, [81, 1], [27, 3], [9, 9], [3, 27], [1, 81]],
        [3, [34, 3], [12, 9], [4, 27], [2, 81]],
        [2, [15, 9], [5, 27], [2, 81]],
        [1, [8, 27], [3, 81]],
        [0, [5, 81]],
      ]),
    );
    expect(plan.totalTrials).toBe(121 + 52 + 22 + 11 + 5);
    expect(plan.totalEpochs).toBe(297 + 354 + 333 + 378 + 405);
  });
});

describe('hyperbandPlan, paper variant (Li et al. 2018, Algorithm 1)', () => {
  it('R=81, η=3: the paper’s own table', () => {
    const plan = hyperbandPlan({ maxEpochs: 81, factor: 3, iterations: 1, variant: 'paper' });
    expect(plan.brackets).toEqual(
      table([
        [4, [81, 1], [27, 3], [9, 9], [3, 27], [1, 81]],
        [3, [34, 3], [11, 9], [3, 27], [1, 81]],
        [2, [15, 9], [5, 27], [1, 81]],
        [1, [8, 27], [2, 81]],
        [0, [5, 81]],
      ]),
    );
    expect(plan.totalTrials).toBe(121 + 49 + 21 + 10 + 5);
    expect(plan.totalEpochs).toBe(297 + 276 + 279 + 324 + 405);
  });

  it('R=27, η=3', () => {
    const plan = hyperbandPlan({ maxEpochs: 27, factor: 3, iterations: 1, variant: 'paper' });
    expect(plan.brackets).toEqual(
      table([
        [3, [27, 1], [9, 3], [3, 9], [1, 27]],
        [2, [12, 3], [4, 9], [1, 27]],
        [1, [6, 9], [2, 27]],
        [0, [4, 27]],
      ]),
    );
    expect(plan.totalTrials).toBe(40 + 17 + 8 + 4);
    expect(plan.totalEpochs).toBe(81 + 78 + 90 + 108);
  });

  it('R=10, η=3 rounds fractional epochs up (10/9 → 2, 10/3 → 4)', () => {
    const plan = hyperbandPlan({ maxEpochs: 10, factor: 3, iterations: 1, variant: 'paper' });
    expect(plan.brackets).toEqual(
      table([
        [2, [9, 2], [3, 4], [1, 10]],
        [1, [5, 4], [1, 10]],
        [0, [3, 10]],
      ]),
    );
    expect(plan.totalTrials).toBe(13 + 6 + 3);
    expect(plan.totalEpochs).toBe(30 + 26 + 30);
  });
});

describe('hyperbandPlan, iterations and limits', () => {
  it.each(['keras-tuner', 'paper'] as const)(
    '%s: iterations=2 repeats the sweep and doubles the totals',
    (variant) => {
      const once = hyperbandPlan({ maxEpochs: 10, factor: 3, iterations: 1, variant });
      const twice = hyperbandPlan({ maxEpochs: 10, factor: 3, iterations: 2, variant });
      expect(twice.brackets).toEqual([...once.brackets, ...once.brackets]);
      expect(twice.brackets.map((b) => b.bracket)).toEqual([2, 1, 0, 2, 1, 0]);
      expect(twice.totalTrials).toBe(2 * once.totalTrials);
      expect(twice.totalEpochs).toBe(2 * once.totalEpochs);
    },
  );

  it('max_epochs=1 is one bracket of one full-budget round', () => {
    const plan = hyperbandPlan({ maxEpochs: 1, factor: 3, iterations: 1, variant: 'keras-tuner' });
    expect(plan.brackets).toEqual(table([[0, [1, 1]]]));
  });

  it('factor=2, max_epochs=8 (exact powers of two)', () => {
    const plan = hyperbandPlan({ maxEpochs: 8, factor: 2, iterations: 1, variant: 'keras-tuner' });
    // E = 1 + log2(8) = 4; models ⌈4·2^(b−r)/(b+1)⌉, epochs 8/2^(b−r).
    expect(plan.brackets).toEqual(
      table([
        [3, [8, 1], [4, 2], [2, 4], [1, 8]],
        [2, [6, 2], [3, 4], [2, 8]],
        [1, [4, 4], [2, 8]],
        [0, [4, 8]],
      ]),
    );
  });

  it.each([
    { maxEpochs: 10, factor: 1 },
    { maxEpochs: 10, factor: 2.5 },
    { maxEpochs: 0, factor: 3 },
    { maxEpochs: 4.5, factor: 3 },
  ])('rejects maxEpochs=$maxEpochs factor=$factor', ({ maxEpochs, factor }) => {
    expect(() => hyperbandPlan({ maxEpochs, factor, iterations: 1, variant: 'keras-tuner' })).toThrow(
      /must be an integer/,
    );
  });

  it('rejects iterations < 1', () => {
    expect(() => hyperbandPlan({ maxEpochs: 10, factor: 3, iterations: 0, variant: 'paper' })).toThrow(
      /iterations/,
    );
  });
});
