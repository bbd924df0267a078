import { describe, expect, it } from 'vitest';
import { configKey } from '../../../../src/core/space';
import { createHyperband } from '../../../../src/core/oracles/hyperband';
import { hyperbandPlan } from '../../../../src/core/oracles/hyperband-plan';
import type { OracleTrial } from '../../../../src/core/oracles/types';
import {
  askTrial,
  completed,
  context,
  epochsTrained,
  lossOf,
  runSequentially,
  tinySpace,
} from '../../support/rungs-helpers';

const kerasTuner10 = { maxEpochs: 10, factor: 3, iterations: 1, variant: 'keras-tuner' as const };

/** [bracket, round, resource, promoted?] of each proposal. */
const shape = (t: OracleTrial) => [t.bracket, t.round, t.resource, t.parentId !== undefined];

function bestIds(trials: OracleTrial[], count: number): string[] {
  return [...trials]
    .sort((a, b) => lossOf(a) - lossOf(b))
    .slice(0, count)
    .map((t) => t.id);
}

describe('Hyperband oracle, keras-tuner variant at max_epochs=10, factor=3', () => {
  it('proposes exactly the planned rounds, one worker: 30 trials, 120 epochs, then done', () => {
    const { trials, end } = runSequentially(createHyperband(context(kerasTuner10)));
    const expected = [
      ...Array(12).fill([2, 0, 2, false]),
      ...Array(4).fill([2, 1, 4, true]),
      ...Array(2).fill([2, 2, 10, true]),
      ...Array(6).fill([1, 0, 4, false]),
      ...Array(2).fill([1, 1, 10, true]),
      ...Array(4).fill([0, 0, 10, false]),
    ];
    expect(trials.map(shape)).toEqual(expected);
    expect(trials.map((t) => t.id)).toEqual(trials.map((_, i) => String(i)));
    expect(epochsTrained(trials)).toBe(120);
    expect(end).toEqual({ kind: 'done', reason: 'all brackets finished' });
  });

  it('promotes the best of each round by loss, keeping the config and pointing at the parent', () => {
    const { trials } = runSequentially(createHyperband(context(kerasTuner10)));
    const round0 = trials.slice(0, 12);
    const round1 = trials.slice(12, 16);
    const round2 = trials.slice(16, 18);
    expect(round1.map((t) => t.parentId)).toEqual(bestIds(round0, 4));
    expect(round2.map((t) => t.parentId)).toEqual(bestIds(round1, 2));
    const byId = new Map(trials.map((t) => [t.id, t]));
    for (const child of [...round1, ...round2])
      expect(child.config).toEqual(byId.get(child.parentId!)!.config);
  });

  it('never proposes the same new config twice', () => {
    const { trials } = runSequentially(createHyperband(context({ ...kerasTuner10, iterations: 2 })));
    const fresh = trials.filter((t) => t.parentId === undefined);
    expect(fresh).toHaveLength(2 * 22);
    expect(new Set(fresh.map((t) => configKey(t.config))).size).toBe(fresh.length);
  });

  it('waits for a round’s stragglers, starting later brackets meanwhile', () => {
    const oracle = createHyperband(context(kerasTuner10));
    const round0 = Array.from({ length: 12 }, () => askTrial(oracle));
    const bracket1 = Array.from({ length: 6 }, () => askTrial(oracle));
    const bracket0 = Array.from({ length: 4 }, () => askTrial(oracle));
    expect(round0.map(shape)).toEqual(Array(12).fill([2, 0, 2, false]));
    expect(bracket1.map(shape)).toEqual(Array(6).fill([1, 0, 4, false]));
    expect(bracket0.map(shape)).toEqual(Array(4).fill([0, 0, 10, false]));
    expect(oracle.ask()).toEqual({ kind: 'wait' });

    for (const t of round0.slice(1)) oracle.tell(t.id, completed(lossOf(t)));
    expect(oracle.ask()).toEqual({ kind: 'wait' });
    oracle.tell(round0[0].id, completed(lossOf(round0[0])));

    const promotions = Array.from({ length: 4 }, () => askTrial(oracle));
    expect(promotions.map(shape)).toEqual(Array(4).fill([2, 1, 4, true]));
    expect(promotions.map((t) => t.parentId)).toEqual(bestIds(round0, 4));
    expect(oracle.ask()).toEqual({ kind: 'wait' });
  });

  it('never promotes failed trials, and promotes fewer when too few survive', () => {
    const oracle = createHyperband(context(kerasTuner10));
    const round0 = Array.from({ length: 12 }, () => askTrial(oracle));
    const best = bestIds(round0, 12);
    // The three best fail, and so do all but five of the rest.
    const survivors = new Set(best.slice(3, 8));
    for (const t of round0)
      oracle.tell(t.id, survivors.has(t.id) ? completed(lossOf(t)) : { status: 'failed' });
    const round1 = Array.from({ length: 4 }, () => askTrial(oracle));
    expect(round1.map((t) => t.parentId)).toEqual(best.slice(3, 7));

    for (const t of round1.slice(1)) oracle.tell(t.id, { status: 'failed' });
    oracle.tell(round1[0].id, completed(0.5));
    const round2 = askTrial(oracle);
    expect([round2.bracket, round2.round, round2.resource, round2.parentId]).toEqual([
      2,
      2,
      10,
      round1[0].id,
    ]);
    // Only one survivor: the next proposal already belongs to bracket 1.
    expect(shape(askTrial(oracle))).toEqual([1, 0, 4, false]);
  });

  it('treats a completed trial without a finite loss as failed', () => {
    const oracle = createHyperband(context(kerasTuner10));
    const round0 = Array.from({ length: 12 }, () => askTrial(oracle));
    for (const [i, t] of round0.entries()) oracle.tell(t.id, i < 10 ? completed(NaN) : completed(i));
    expect(askTrial(oracle).parentId).toBe(round0[10].id);
    expect(askTrial(oracle).parentId).toBe(round0[11].id);
    expect(shape(askTrial(oracle))).toEqual([1, 0, 4, false]);
  });

  it('ends a bracket whose round failed entirely and moves on', () => {
    const { trials } = runSequentially(createHyperband(context(kerasTuner10)), (t) =>
      t.bracket === 2 ? { status: 'failed' } : completed(lossOf(t)),
    );
    expect(trials.map((t) => t.bracket)).toEqual([
      ...Array(12).fill(2),
      ...Array(8).fill(1),
      ...Array(4).fill(0),
    ]);
  });

  it('honours maxTrials: waits for the running trials, then is done', () => {
    const oracle = createHyperband(context({ ...kerasTuner10, maxTrials: 5 }));
    const trials = Array.from({ length: 5 }, () => askTrial(oracle));
    expect(oracle.ask()).toEqual({ kind: 'wait' });
    for (const t of trials) expect(oracle.canBePromoted(t.id)).toBe(false);
    for (const t of trials) oracle.tell(t.id, completed(lossOf(t)));
    expect(oracle.ask()).toEqual({ kind: 'done', reason: 'max trials reached' });
  });

  it('counts promotions against maxTrials', () => {
    const { trials, end } = runSequentially(createHyperband(context({ ...kerasTuner10, maxTrials: 14 })));
    expect(trials).toHaveLength(14);
    expect(trials.filter((t) => t.parentId)).toHaveLength(2);
    expect(end).toEqual({ kind: 'done', reason: 'max trials reached' });
  });

  it('is deterministic for a seed', () => {
    const run = (seed: number) => runSequentially(createHyperband(context(kerasTuner10, seed))).trials;
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('canBePromoted: true until the round is decided, then only for the chosen until they resume', () => {
    const oracle = createHyperband(context(kerasTuner10));
    const round0 = Array.from({ length: 12 }, () => askTrial(oracle));
    for (const t of round0) expect(oracle.canBePromoted(t.id)).toBe(true);
    for (const t of round0.slice(0, 11)) oracle.tell(t.id, completed(lossOf(t)));
    for (const t of round0) expect(oracle.canBePromoted(t.id)).toBe(true);

    oracle.tell(round0[11].id, { status: 'failed' });
    const chosen = bestIds(round0.slice(0, 11), 4);
    for (const t of round0) expect(oracle.canBePromoted(t.id)).toBe(chosen.includes(t.id));

    const first = askTrial(oracle);
    expect(first.parentId).toBe(chosen[0]);
    expect(oracle.canBePromoted(chosen[0])).toBe(false);
    expect(oracle.canBePromoted(chosen[1])).toBe(true);
    expect(oracle.canBePromoted(first.id)).toBe(true);
    expect(oracle.canBePromoted('no such trial')).toBe(false);
  });

  it('canBePromoted is false in the last round of a bracket and for failed trials', () => {
    const oracle = createHyperband(context(kerasTuner10));
    const { trials } = runSequentially(oracle);
    for (const t of trials) expect(oracle.canBePromoted(t.id)).toBe(false);

    const fresh = createHyperband(context(kerasTuner10));
    const round0 = Array.from({ length: 12 }, () => askTrial(fresh));
    fresh.tell(round0[0].id, { status: 'failed' });
    expect(fresh.canBePromoted(round0[0].id)).toBe(false);
    const lastBracket = Array.from({ length: 10 }, () => askTrial(fresh)).filter((t) => t.bracket === 0);
    expect(lastBracket).toHaveLength(4);
    for (const t of lastBracket) expect(fresh.canBePromoted(t.id)).toBe(false);
  });

  it('rejects telling a trial it never proposed, or twice', () => {
    const oracle = createHyperband(context(kerasTuner10));
    const t = askTrial(oracle);
    expect(() => oracle.tell('99', completed(1))).toThrow(/not running/);
    oracle.tell(t.id, completed(1));
    expect(() => oracle.tell(t.id, completed(1))).toThrow(/not running/);
  });
});

describe('Hyperband oracle, other settings', () => {
  it.each([
    { maxEpochs: 10, factor: 3, variant: 'paper' as const, iterations: 1 },
    { maxEpochs: 27, factor: 3, variant: 'keras-tuner' as const, iterations: 1 },
    { maxEpochs: 27, factor: 3, variant: 'paper' as const, iterations: 2 },
    { maxEpochs: 8, factor: 2, variant: 'keras-tuner' as const, iterations: 1 },
  ])('runs its plan exactly: R=$maxEpochs η=$factor $variant ×$iterations', (settings) => {
    const plan = hyperbandPlan(settings);
    const { trials, end } = runSequentially(createHyperband(context(settings)));
    const expected = plan.brackets.flatMap((b) =>
      b.rounds.flatMap((r, i) => Array(r.models).fill([b.bracket, i, r.epochs, i > 0])),
    );
    expect(trials.map(shape)).toEqual(expected);
    expect(trials).toHaveLength(plan.totalTrials);
    expect(epochsTrained(trials)).toBe(plan.totalEpochs);
    expect(end).toEqual({ kind: 'done', reason: 'all brackets finished' });
  });

  it('shrinks a round when the space runs out, then says the space is exhausted', () => {
    const { trials, end } = runSequentially(createHyperband(context(kerasTuner10, 3, tinySpace)), (t) =>
      completed(['a', 'b', 'c'].indexOf(t.config.c as string) + 1 / t.resource),
    );
    expect(trials.map(shape)).toEqual([
      ...Array(3).fill([2, 0, 2, false]),
      ...Array(3).fill([2, 1, 4, true]),
      ...Array(2).fill([2, 2, 10, true]),
    ]);
    expect(new Set(trials.slice(0, 3).map((t) => t.config.c))).toEqual(new Set(['a', 'b', 'c']));
    expect(trials.slice(6).map((t) => t.config.c)).toEqual(['a', 'b']);
    expect(end).toEqual({ kind: 'done', reason: 'search space exhausted' });
  });

  it('rejects a non-integer factor', () => {
    expect(() => createHyperband(context({ ...kerasTuner10, factor: 2.5 }))).toThrow(
      /factor must be an integer/,
    );
  });
});
