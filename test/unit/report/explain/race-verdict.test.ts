/** A race repeated over seeds, worded by the evidence: counts first, the sign test after. */
import { describe, expect, it } from 'vitest';
import { signTestP } from '../../../../src/core/math/sign-test';
import type { PairRecord, SeedsSummary, TunerAcrossSeeds } from '../../../../src/core/race-seeds';
import { pairVerdict, seedsReading } from '../../../../src/report/explain/race-verdict';

function pair(leaderBetter: number, otherBetter: number, ties = 0): PairRecord {
  return {
    leader: 'hyperband',
    other: 'random',
    seeds: leaderBetter + otherBetter + ties,
    leaderBetter,
    otherBetter,
    ties,
    p: signTestP(leaderBetter, otherBetter),
  };
}

describe('the leader against another tuner', () => {
  it('5 of 5: consistent, but five seeds cannot rule out luck', () => {
    expect(pairVerdict(pair(5, 0))).toBe(
      'Hyperband beat random search in 5 of 5 seeds: a consistent lead, but 5 untied seeds are too few to rule out luck (sign test p = 0.0625; it takes 6 wins in 6 untied seeds to go below 0.05).',
    );
  });

  it('3 of 5: no clear winner, with the counts', () => {
    expect(pairVerdict(pair(3, 2))).toBe(
      'Hyperband against random search: no clear winner in 5 seeds (Hyperband better in 3, random search in 2; sign test p = 1).',
    );
  });

  it('10 of 10: a clear winner', () => {
    expect(pairVerdict(pair(10, 0))).toBe(
      'Hyperband beat random search in 10 of 10 seeds: a clear winner (a sign test gives p = 0.00195: so lopsided a split is unlikely by luck alone).',
    );
  });

  it('ties are counted and left out of the test', () => {
    expect(pairVerdict(pair(4, 0, 1))).toBe(
      'Hyperband beat random search in 4 of 5 seeds and tied in 1: a consistent lead, but 4 untied seeds are too few to rule out luck (sign test p = 0.125; it takes 6 wins in 6 untied seeds to go below 0.05).',
    );
    expect(pairVerdict(pair(2, 1, 2))).toBe(
      'Hyperband against random search: no clear winner in 5 seeds (Hyperband better in 2, random search in 1, tied in 2; sign test p = 1).',
    );
    expect(pairVerdict(pair(1, 0, 2))).toBe(
      'Hyperband beat random search in 1 of 3 seeds and tied in 2: too few untied seeds to tell a lead from luck (sign test p = 1; it takes 6 wins in 6 untied seeds to go below 0.05).',
    );
    expect(pairVerdict({ ...pair(0, 0, 5), leader: 'bayesian' })).toBe(
      'Bayesian optimisation and random search tied in all 5 seeds: the same final best every time.',
    );
    expect(pairVerdict(pair(0, 0, 0))).toBe(
      'Hyperband against random search: no seed has a final score from both yet.',
    );
  });
});

describe('the whole reading', () => {
  const tuner = (
    algorithm: TunerAcrossSeeds['algorithm'],
    wins: number,
    ties: number,
    sd?: number,
  ): TunerAcrossSeeds => ({
    algorithm,
    label: algorithm,
    finals: [],
    wins,
    ties,
    ...(sd !== undefined && { sd }),
  });

  it('wins per tuner, ties, the pairs and the spread from seed to seed', () => {
    const summary: SeedsSummary = {
      seeds: [1, 2, 3, 4, 5],
      tuners: [tuner('random', 1, 1, 0.012), tuner('hyperband', 3, 1, 0.021), tuner('bayesian', 0, 0, 0.015)],
      decided: 5,
      sharedBest: 1,
      leader: 'hyperband',
      pairs: [pair(3, 1, 1), { ...pair(5, 0), other: 'bayesian' }],
    };
    const reading = seedsReading(summary, { metric: 'val_accuracy', direction: 'max' });
    expect(reading.wins).toBe(
      'Over 5 seeds, the best final val_accuracy was found by random search once, Hyperband 3 times and Bayesian optimisation 0 times; 1 seed was a tie for the best.',
    );
    expect(reading.pairs).toHaveLength(2);
    expect(reading.pairs[1]).toMatch(/^Hyperband beat Bayesian optimisation in 5 of 5 seeds/);
    expect(reading.spread).toBe(
      "From seed to seed a tuner's final best varied with a standard deviation of 0.012 to 0.021: in a single race, a gap smaller than that says little.",
    );
  });

  it('while seeds are still running, and before any has finished', () => {
    const running: SeedsSummary = {
      seeds: [1, 2, 3],
      tuners: [tuner('random', 1, 0), tuner('hyperband', 0, 0)],
      decided: 1,
      sharedBest: 0,
      leader: 'random',
      pairs: [],
    };
    expect(seedsReading(running, { metric: 'val_loss', direction: 'min' }).wins).toBe(
      'Over the 1 of 3 seeds every tuner has finished, the best final val_loss was found by random search once and Hyperband 0 times.',
    );
    // A spread of 0 (every seed the same final best) tells nothing about a single race.
    const same = { ...running, tuners: [tuner('random', 1, 0, 0), tuner('hyperband', 0, 0, 0)] };
    expect(seedsReading(same, { metric: 'val_loss', direction: 'min' }).spread).toBeUndefined();
    expect(seedsReading({ ...running, decided: 0 }, { metric: 'val_loss', direction: 'min' })).toEqual({
      wins: 'No seed has a final score from every tuner yet.',
      pairs: [],
    });
  });
});
