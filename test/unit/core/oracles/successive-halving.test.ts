import { describe, expect, it } from 'vitest';
import {
  createSuccessiveHalving,
  successiveHalvingRounds,
} from '../../../../src/core/oracles/successive-halving';
import type { OracleTrial } from '../../../../src/core/oracles/types';
import {
  askTrial,
  completed,
  context,
  epochsTrained,
  lossOf,
  runSequentially,
} from '../../support/rungs-helpers';

const rounds = (pairs: [number, number][]) => pairs.map(([models, epochs]) => ({ models, epochs }));

describe('successiveHalvingRounds', () => {
  // prettier-ignore
  const cases: [number, number, number, number, [number, number][]][] = [
    // R, η, r, n → [models, epochs] per round, by hand.
    [27, 3, 1, 0, [[27, 1], [9, 3], [3, 9], [1, 27]]],
    [10, 3, 1, 0, [[9, 1], [3, 3], [1, 10]]],
    [10, 3, 2, 0, [[3, 2], [1, 10]]],
    [27, 3, 1, 10, [[10, 1], [3, 3], [1, 9], [1, 27]]],
    [16, 2, 1, 0, [[16, 1], [8, 2], [4, 4], [2, 8], [1, 16]]],
    [81, 3, 3, 5, [[5, 3], [1, 9], [1, 27], [1, 81]]],
    [5, 3, 5, 0, [[1, 5]]],
  ];

  it.each(cases)('R=%i η=%i r=%i n=%i', (maxEpochs, factor, minEpochs, initialConfigs, expected) => {
    expect(successiveHalvingRounds({ maxEpochs, factor, minEpochs, initialConfigs })).toEqual(
      rounds(expected),
    );
  });

  it('rejects a bottom rung above the top and non-integer settings', () => {
    expect(() =>
      successiveHalvingRounds({ maxEpochs: 5, factor: 3, minEpochs: 6, initialConfigs: 0 }),
    ).toThrow(/must not exceed/);
    expect(() =>
      successiveHalvingRounds({ maxEpochs: 5, factor: 3, minEpochs: 0, initialConfigs: 0 }),
    ).toThrow(/minEpochs/);
    expect(() =>
      successiveHalvingRounds({ maxEpochs: 5, factor: 1, minEpochs: 1, initialConfigs: 0 }),
    ).toThrow(/factor/);
    expect(() =>
      successiveHalvingRounds({ maxEpochs: 5, factor: 3, minEpochs: 1, initialConfigs: -1 }),
    ).toThrow(/initialConfigs/);
  });
});

describe('successive-halving oracle', () => {
  const settings = { maxEpochs: 27, factor: 3, minEpochs: 1, initialConfigs: 0 };

  it('runs the rounds of one bracket, promoting the best third by loss and resuming from the parent', () => {
    const { trials, end } = runSequentially(createSuccessiveHalving(context(settings)));
    expect(trials.map((t) => [t.round, t.resource, t.parentId !== undefined])).toEqual([
      ...Array(27).fill([0, 1, false]),
      ...Array(9).fill([1, 3, true]),
      ...Array(3).fill([2, 9, true]),
      [3, 27, true],
    ]);
    expect(new Set(trials.map((t) => t.bracket))).toEqual(new Set([3]));
    const best = (list: OracleTrial[], n: number) =>
      [...list]
        .sort((a, b) => lossOf(a) - lossOf(b))
        .slice(0, n)
        .map((t) => t.id);
    expect(trials.slice(27, 36).map((t) => t.parentId)).toEqual(best(trials.slice(0, 27), 9));
    expect(trials.slice(36, 39).map((t) => t.parentId)).toEqual(best(trials.slice(27, 36), 3));
    expect(trials[39].parentId).toBe(best(trials.slice(36, 39), 1)[0]);
    expect(epochsTrained(trials)).toBe(27 * 1 + 9 * 2 + 3 * 6 + 1 * 18);
    expect(end).toEqual({ kind: 'done', reason: 'all rounds finished' });
  });

  it('waits for every trial of a round before promoting (there is no other bracket to start)', () => {
    const oracle = createSuccessiveHalving(
      context({ maxEpochs: 10, factor: 3, minEpochs: 1, initialConfigs: 0 }),
    );
    const round0 = Array.from({ length: 9 }, () => askTrial(oracle));
    expect(oracle.ask()).toEqual({ kind: 'wait' });
    for (const t of round0.slice(0, 8)) oracle.tell(t.id, completed(lossOf(t)));
    expect(oracle.ask()).toEqual({ kind: 'wait' });
    oracle.tell(round0[8].id, { status: 'failed' });
    const round1 = Array.from({ length: 3 }, () => askTrial(oracle));
    expect(round1.map((t) => t.resource)).toEqual([3, 3, 3]);
    expect(round1.every((t) => t.parentId !== round0[8].id)).toBe(true);
    expect(oracle.canBePromoted(round0[8].id)).toBe(false);
  });

  it('keeps at least one trial per round with a small initialConfigs', () => {
    const { trials } = runSequentially(createSuccessiveHalving(context({ ...settings, initialConfigs: 2 })));
    expect(trials.map((t) => t.resource)).toEqual([1, 1, 3, 9, 27]);
  });

  it('is deterministic for a seed and honours maxTrials', () => {
    const run = (seed: number) =>
      runSequentially(createSuccessiveHalving(context({ ...settings, maxTrials: 30 }, seed)));
    expect(run(2)).toEqual(run(2));
    expect(run(2).trials).toHaveLength(30);
    expect(run(2).end).toEqual({ kind: 'done', reason: 'max trials reached' });
  });
});
