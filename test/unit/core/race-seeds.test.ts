/** A race repeated over seeds: derived seeds, the lanes, the sign test, wins and the leader's record. */
import { describe, expect, it } from 'vitest';
import { cleanSweepNeeded, signTestP } from '../../../src/core/math/sign-test';
import type { Algorithm } from '../../../src/core/oracles/types';
import { raceLanes, raceSeeds, type RaceLane } from '../../../src/core/race';
import { raceWork } from '../../../src/core/race-work';
import { repetitionsOf, seedsSummary } from '../../../src/core/race-seeds';
import type { Trial } from '../../../src/core/study';
import { settingsFor } from '../support/simulate';

const accuracy = { metric: 'val_accuracy', direction: 'max' } as const;
const loss = { metric: 'val_loss', direction: 'min' } as const;

function finished(score: number, number = 0): Trial {
  return {
    id: String(number),
    number,
    config: { lr: number },
    resource: 3,
    state: 'completed',
    executions: [{ status: 'completed', score, history: [] }],
    score,
    ended: { epochs: 3 * (number + 1) },
  };
}

/** Lanes of a race repeated over seeds: finals[s][t] is tuner t's final best in seed s (undefined: none yet). */
function repeated(algorithms: Algorithm[], finals: (number | undefined)[][]): RaceLane[] {
  return finals.flatMap((row, s) =>
    row.map((score, t) => ({
      algorithm: algorithms[t],
      trials: score === undefined ? [] : [finished(score)],
      settings: settingsFor({ algorithm: algorithms[t] }, { seed: 100 + s }),
    })),
  );
}

describe('the paired sign test', () => {
  it('gives the two-sided p of the design notes: 0.0625 at 5 of 5, 0.002 at 10 of 10', () => {
    expect(signTestP(5, 0)).toBe(0.0625);
    expect(signTestP(0, 5)).toBe(0.0625);
    expect(signTestP(10, 0)).toBeCloseTo(0.00195, 5);
    expect(signTestP(3, 2)).toBe(1);
    // 4 of 5: P(X ≥ 4) = 6/32, doubled.
    expect(signTestP(4, 1)).toBe(0.375);
    expect(signTestP(8, 2)).toBeCloseTo((2 * (1 + 10 + 45)) / 1024, 12);
    expect(signTestP(0, 0)).toBe(1);
    expect(cleanSweepNeeded(0.05)).toBe(6);
  });
});

describe('seeds of a repeated race', () => {
  it('the first is the setup seed, the others derived from it: distinct, in range and reproducible', () => {
    const seeds = raceSeeds(42, 10);
    expect(seeds[0]).toBe(42);
    expect(new Set(seeds).size).toBe(10);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 31).toBe(true);
    expect(raceSeeds(42, 10)).toEqual(seeds);
    expect(raceSeeds(42, 3)).toEqual(seeds.slice(0, 3));
    expect(raceSeeds(43, 3)).not.toEqual(seeds.slice(0, 3));
  });

  it('N seeds × tuners lanes, seed by seed; one seed is the plain race', () => {
    const base = settingsFor({ algorithm: 'hyperband', maxEpochs: 9, factor: 3, epochs: 9 }, { seed: 7 });
    const race = { algorithms: ['random', 'hyperband'] as Algorithm[], epochBudget: 0 };
    const single = raceLanes(base, { ...race, seeds: 1 });
    const three = raceLanes(base, { ...race, seeds: 3 });
    expect(three).toHaveLength(6);
    expect(three.slice(0, 2)).toEqual(single);
    expect(three.map((l) => l.tuner.algorithm)).toEqual([
      'random',
      'hyperband',
      'random',
      'hyperband',
      'random',
      'hyperband',
    ]);
    expect(three.map((l) => l.seed)).toEqual(raceSeeds(7, 3).flatMap((s) => [s, s]));
    const lanes = three.map((settings) => ({ algorithm: settings.tuner.algorithm, trials: [], settings }));
    expect(repetitionsOf(lanes).map((r) => [r.seed, r.lanes.map((l) => l.index)])).toEqual([
      [7, [0, 1]],
      [raceSeeds(7, 3)[1], [2, 3]],
      [raceSeeds(7, 3)[2], [4, 5]],
    ]);
    // The planned work: every lane's share of the budget (one Hyperband sweep at R = 9: 9 × 3 trials of 9 epochs).
    const work = raceWork(base, { ...race, seeds: 3 });
    expect(work.searches).toBe(6);
    expect(work.trialEpochs).toBe(raceWork(base, { ...race, seeds: 1 }).trialEpochs * 3);
  });
});

describe('the results across seeds', () => {
  it('5 of 5: final bests, mean and spread, wins, and the leader against the other', () => {
    const s = seedsSummary(
      repeated(
        ['random', 'hyperband'],
        [
          [0.8, 0.82],
          [0.79, 0.83],
          [0.81, 0.84],
          [0.8, 0.81],
          [0.78, 0.8],
        ],
      ),
      accuracy,
    );
    expect(s.seeds).toEqual([100, 101, 102, 103, 104]);
    expect(s.decided).toBe(5);
    const [random, hyperband] = s.tuners;
    expect(random.finals).toEqual([0.8, 0.79, 0.81, 0.8, 0.78]);
    expect(random.mean).toBeCloseTo(0.796, 12);
    expect(random.sd).toBeCloseTo(
      Math.sqrt((0.004 ** 2 + 0.006 ** 2 + 0.014 ** 2 + 0.004 ** 2 + 0.016 ** 2) / 4),
      12,
    );
    expect([random.min, random.max]).toEqual([0.78, 0.81]);
    expect([hyperband.wins, hyperband.ties, random.wins]).toEqual([5, 0, 0]);
    expect(s.leader).toBe('hyperband');
    expect(s.pairs).toEqual([
      { leader: 'hyperband', other: 'random', seeds: 5, leaderBetter: 5, otherBetter: 0, ties: 0, p: 0.0625 },
    ]);
  });

  it('ties count as ties, for a loss too; unfinished seeds are left out of wins', () => {
    const s = seedsSummary(
      repeated(
        ['random', 'bayesian', 'tpe'],
        [
          [0.3, 0.3, 0.4],
          [0.3, 0.25, 0.4],
          [0.35, 0.3, 0.3],
          [0.3, undefined, 0.2],
        ],
      ),
      loss,
    );
    expect(s.decided).toBe(3);
    expect(s.sharedBest).toBe(2);
    expect(s.tuners.map((t) => [t.wins, t.ties])).toEqual([
      [0, 1],
      [1, 2],
      [0, 1],
    ]);
    expect(s.leader).toBe('bayesian');
    expect(s.tuners[1].finals).toEqual([0.3, 0.25, 0.3, undefined]);
    expect(s.tuners[1].mean).toBeCloseTo(0.85 / 3, 12);
    expect(s.pairs.map((p) => [p.other, p.seeds, p.leaderBetter, p.otherBetter, p.ties])).toEqual([
      ['random', 3, 2, 0, 1],
      ['tpe', 3, 2, 0, 1],
    ]);
  });

  it('before any lane has a score: no leader by wins, nothing decided', () => {
    const s = seedsSummary(repeated(['random', 'hyperband'], [[undefined, undefined]]), accuracy);
    expect(s.decided).toBe(0);
    expect(s.tuners.every((t) => t.mean === undefined && t.sd === undefined)).toBe(true);
    expect(s.pairs[0]).toMatchObject({ seeds: 0, p: 1 });
  });
});
