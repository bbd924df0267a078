import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/rng';
import { configKey } from '../../../../src/core/space';
import { ashaKeepLimit, ashaRungs, createAsha } from '../../../../src/core/oracles/asha';
import type { Oracle, OracleTrial } from '../../../../src/core/oracles/types';
import { askTrial, completed, context, tinySpace } from '../../support/rungs-helpers';

const asha = (
  settings: { maxEpochs: number; factor: number; minEpochs?: number; maxTrials?: number },
  seed = 1,
) => createAsha(context({ minEpochs: 1, ...settings }, seed));

const ask = (oracle: Oracle, n: number): OracleTrial[] => Array.from({ length: n }, () => askTrial(oracle));

describe('ashaRungs', () => {
  it.each([
    [9, 3, 1, [1, 3, 9]],
    [10, 3, 1, [1, 3, 9, 10]],
    [27, 3, 1, [1, 3, 9, 27]],
    [10, 3, 2, [2, 6, 10]],
    [4, 2, 1, [1, 2, 4]],
    [5, 3, 5, [5]],
  ] as [number, number, number, number[]][])('R=%i η=%i r=%i', (maxEpochs, factor, minEpochs, expected) => {
    expect(ashaRungs({ maxEpochs, factor, minEpochs })).toEqual(expected);
  });

  it('rejects a bottom rung above the top', () => {
    expect(() => ashaRungs({ maxEpochs: 3, factor: 3, minEpochs: 4 })).toThrow(/must not exceed/);
  });
});

describe('ASHA oracle', () => {
  it('promotes a trial as soon as it is in the top 1/η of its rung, with out-of-order completions', () => {
    const oracle = asha({ maxEpochs: 9, factor: 3 });
    const [t0, t1, t2] = ask(oracle, 3);
    expect([t0, t1, t2].map((t) => [t.id, t.resource, t.round, t.parentId])).toEqual([
      ['0', 1, 0, undefined],
      ['1', 1, 0, undefined],
      ['2', 1, 0, undefined],
    ]);
    oracle.tell(t2.id, completed(0.5));
    const t3 = askTrial(oracle); // one result: quota ⌊1/3⌋ = 0
    expect(t3.parentId).toBeUndefined();
    oracle.tell(t0.id, completed(0.9));
    const t4 = askTrial(oracle);
    expect(t4.parentId).toBeUndefined();
    oracle.tell(t1.id, completed(0.1)); // three results: the best one goes up
    const p1 = askTrial(oracle);
    expect([p1.id, p1.resource, p1.round, p1.parentId, p1.config]).toEqual(['5', 3, 1, '1', t1.config]);
    const t6 = askTrial(oracle); // quota 1 and the best is already promoted
    expect(t6.parentId).toBeUndefined();
    oracle.tell(t3.id, completed(0.05)); // the new best of four
    expect(askTrial(oracle).parentId).toBe(t3.id);
    oracle.tell(t4.id, completed(0.3));
    oracle.tell(t6.id, completed(0.4)); // six results, quota 2: both best already promoted
    expect(askTrial(oracle).parentId).toBeUndefined();
  });

  it('serves higher rungs first', () => {
    const oracle = asha({ maxEpochs: 4, factor: 2 });
    const first = ask(oracle, 4);
    first.forEach((t, i) => oracle.tell(t.id, completed(0.4 - i * 0.1)));
    const [p3, p2] = ask(oracle, 2);
    expect([p3.parentId, p2.parentId, p3.resource]).toEqual(['3', '2', 2]);
    const [t6, t7] = ask(oracle, 2);
    oracle.tell(t6.id, completed(0.01));
    oracle.tell(t7.id, completed(0.02));
    oracle.tell(p3.id, completed(0.05));
    oracle.tell(p2.id, completed(0.06));
    // Rung 0 (quota 3) could promote t6 and rung 1 (quota 1) could promote p3: rung 1 goes first.
    const top = askTrial(oracle);
    expect([top.parentId, top.resource, top.round]).toEqual([p3.id, 4, 2]);
    const next = askTrial(oracle);
    expect([next.parentId, next.resource, next.round]).toEqual([t6.id, 2, 1]);
  });

  it('never promotes failed trials and does not count them', () => {
    const oracle = asha({ maxEpochs: 9, factor: 3 });
    const [t0, t1, t2] = ask(oracle, 3);
    oracle.tell(t0.id, { status: 'failed' });
    oracle.tell(t1.id, completed(0.5));
    oracle.tell(t2.id, completed(0.6));
    expect(oracle.canBePromoted(t0.id)).toBe(false);
    expect(askTrial(oracle).parentId).toBeUndefined();
    const more = askTrial(oracle);
    oracle.tell(more.id, completed(0.7));
    expect(askTrial(oracle).parentId).toBe(t1.id);
  });

  it('never waits while it can start a new config', () => {
    const oracle = asha({ maxEpochs: 27, factor: 3 });
    const trials = ask(oracle, 200);
    expect(new Set(trials.map((t) => configKey(t.config))).size).toBe(200);
  });

  it('honours maxTrials: waits for running trials, then is done', () => {
    const oracle = asha({ maxEpochs: 9, factor: 3, maxTrials: 4 });
    const trials = ask(oracle, 4);
    expect(oracle.ask()).toEqual({ kind: 'wait' });
    trials.forEach((t, i) => oracle.tell(t.id, completed(i)));
    for (const t of trials) expect(oracle.canBePromoted(t.id)).toBe(false);
    expect(oracle.ask()).toEqual({ kind: 'done', reason: 'max trials reached' });
  });

  it('waits when the space is exhausted but running trials may still allow promotions', () => {
    const oracle = createAsha(context({ maxEpochs: 9, factor: 3, minEpochs: 1 }, 1, tinySpace));
    const fresh = ask(oracle, 3);
    expect(new Set(fresh.map((t) => t.config.c)).size).toBe(3);
    expect(oracle.ask()).toEqual({ kind: 'wait' });
    fresh.forEach((t, i) => oracle.tell(t.id, completed(i)));
    const promoted = askTrial(oracle);
    expect(promoted.parentId).toBe(fresh[0].id);
    expect(oracle.ask()).toEqual({ kind: 'wait' });
    oracle.tell(promoted.id, completed(0));
    expect(oracle.ask()).toEqual({ kind: 'done', reason: 'search space exhausted' });
  });

  it('canBePromoted: running or completed below the top rung and not promoted yet', () => {
    const oracle = asha({ maxEpochs: 3, factor: 3 });
    const [t0, t1, t2] = ask(oracle, 3);
    expect(oracle.canBePromoted(t0.id)).toBe(true);
    [t0, t1, t2].forEach((t, i) => oracle.tell(t.id, completed(i)));
    expect([t0, t1, t2].map((t) => oracle.canBePromoted(t.id))).toEqual([true, true, true]);
    const top = askTrial(oracle);
    expect(top.parentId).toBe(t0.id);
    expect(oracle.canBePromoted(t0.id)).toBe(false);
    expect(oracle.canBePromoted(top.id)).toBe(false); // the top rung
    expect(oracle.canBePromoted('no such trial')).toBe(false);
  });

  it('drops checkpoints beyond the keep limit for good, even if the trial later ranks in the top', () => {
    expect([1, 2, 3, 7, 8, 9, 10, 30].map((n) => ashaKeepLimit(n, 3))).toEqual([3, 3, 5, 7, 7, 9, 9, 23]);
    const oracle = asha({ maxEpochs: 3, factor: 3 });
    const trials = ask(oracle, 30);
    const tellInOrder = (from: number, to: number) => {
      for (let i = from; i < to; i++) oracle.tell(trials[i].id, completed(i / 10));
    };
    tellInOrder(0, 8); // 8 results keep 7: the worst goes
    expect(oracle.canBePromoted(trials[6].id)).toBe(true);
    expect(oracle.canBePromoted(trials[7].id)).toBe(false);
    tellInOrder(8, 10); // 10 results keep 9
    expect(oracle.canBePromoted(trials[8].id)).toBe(true);
    expect(oracle.canBePromoted(trials[9].id)).toBe(false);
    tellInOrder(10, 30);
    // The quota ⌊30/3⌋ = 10 covers trials 0…9, but trials 7 and 9 gave up their checkpoints.
    const parents: (string | undefined)[] = [];
    for (let t = askTrial(oracle); t.parentId; t = askTrial(oracle)) parents.push(t.parentId);
    expect(parents).toEqual(['0', '1', '2', '3', '4', '5', '6', '8'].map((i) => trials[Number(i)].id));
  });

  it('with random completion order, every promotion is in the top 1/η of its rung when made', () => {
    const factor = 3;
    const oracle = asha({ maxEpochs: 27, factor, maxTrials: 300 }, 5);
    const order = new Rng(11);
    const results = new Map<number, number[]>();
    const rungOf = new Map<string, number>();
    const lossById = new Map<string, number>();
    const running: OracleTrial[] = [];
    let promotions = 0;
    for (;;) {
      const proposal = oracle.ask();
      if (proposal.kind === 'done') break;
      if (proposal.kind === 'trial') {
        const t = proposal.trial;
        rungOf.set(t.id, t.round!);
        const parentId = t.parentId;
        if (parentId) {
          promotions++;
          const parentRung = rungOf.get(parentId)!;
          expect(t.round).toBe(parentRung + 1);
          const losses = results.get(parentRung)!;
          const rank = losses.filter((l) => l < lossById.get(parentId)!).length;
          expect(rank).toBeLessThan(Math.floor(losses.length / factor));
        }
        running.push(t);
        if (running.length < 4) continue;
      }
      expect(running.length).toBeGreaterThan(0);
      const [done] = running.splice(order.int(0, running.length - 1), 1);
      const loss = (done.config.x as number) + 1 / done.resource;
      lossById.set(done.id, loss);
      results.set(rungOf.get(done.id)!, [...(results.get(rungOf.get(done.id)!) ?? []), loss]);
      oracle.tell(done.id, completed(loss));
    }
    expect(promotions).toBeGreaterThan(30);
    expect(running).toHaveLength(0);
  });

  it('is deterministic for a seed', () => {
    const run = (seed: number) => {
      const oracle = asha({ maxEpochs: 9, factor: 3, maxTrials: 40 }, seed);
      const trials: OracleTrial[] = [];
      for (let p = oracle.ask(); p.kind === 'trial'; p = oracle.ask()) {
        trials.push(p.trial);
        oracle.tell(p.trial.id, completed((p.trial.config.x as number) / p.trial.resource));
      }
      return trials;
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });
});
