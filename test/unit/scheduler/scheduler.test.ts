import { describe, expect, it } from 'vitest';
import { raceLanes } from '../../../src/core/race';
import { Study } from '../../../src/core/study';
import { Scheduler } from '../../../src/scheduler/scheduler';
import type { TunerEvent } from '../../../src/workers/protocol';
import { fakeTrainers } from '../support/fake-trainer';
import { settingsFor } from '../support/simulate';

const hyperband = settingsFor({ algorithm: 'hyperband', maxEpochs: 9, factor: 3, maxTrials: 100 });

function until(predicate: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () =>
      predicate()
        ? resolve()
        : Date.now() - start > ms
          ? reject(new Error('timed out'))
          : setTimeout(tick, 2);
    tick();
  });
}

describe('scheduler', () => {
  it('runs a whole Hyperband study on parallel trainers, resuming promoted trials from checkpoints', async () => {
    const events: TunerEvent[] = [];
    const trainers = fakeTrainers();
    const scheduler = new Scheduler(new Study(hyperband), trainers, {
      workers: 3,
      emit: (e) => events.push(e),
      flushMs: 5,
    });
    await scheduler.run();
    const { trials } = scheduler.study;
    expect(trials.every((t) => t.state === 'completed')).toBe(true);
    const promoted = trainers.requests.filter((r) => r.initialEpoch > 0);
    expect(promoted.length).toBeGreaterThan(0);
    for (const r of promoted) expect(r.checkpoint?.epoch).toBe(r.initialEpoch);
    const last = events.filter((e) => e.type === 'status').at(-1);
    expect(last).toMatchObject({ type: 'status', status: 'done' });
    expect(last?.type === 'status' && last.progress.epochsDone).toBe(
      last?.type === 'status' && last.progress.epochsPlanned,
    );
    expect(events.some((e) => e.type === 'epochs')).toBe(true);
    expect(scheduler.heldCheckpoints()).toBeLessThanOrEqual(1);
    expect(scheduler.bestCheckpoint()?.trial.id).toBe(scheduler.study.best()?.id);
  });

  it('retries a crashed trainer once on a fresh worker, then fails only that trial', async () => {
    const trainers = fakeTrainers({ crash: (r) => r.config.act === 'tanh' });
    const study = new Study(settingsFor({ algorithm: 'random', maxTrials: 12, epochs: 3 }));
    const notices: string[] = [];
    const scheduler = new Scheduler(study, trainers, {
      workers: 2,
      emit: (e) => e.type === 'notice' && notices.push(e.message),
    });
    await scheduler.run();
    const failed = study.trials.filter((t) => t.state === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const t of failed) {
      expect(t.config.act).toBe('tanh');
      expect(t.reason).toMatch(/crashed twice/);
    }
    expect(study.trials.filter((t) => t.state === 'completed').length + failed.length).toBe(12);
    expect(notices.some((n) => n.includes('retrying once'))).toBe(true);
  });

  it('recovers when the retry succeeds', async () => {
    const trainers = fakeTrainers({ crash: (_r, attempt) => attempt === 1 });
    const study = new Study(settingsFor({ algorithm: 'random', maxTrials: 4, epochs: 2 }));
    await new Scheduler(study, trainers, { workers: 1, emit: () => {} }).run();
    expect(study.trials.every((t) => t.state === 'completed')).toBe(true);
    expect(trainers.created).toBeGreaterThanOrEqual(2);
  });

  it('pauses, resumes and stops at an epoch boundary', async () => {
    const statuses: string[] = [];
    const study = new Study(settingsFor({ algorithm: 'random', maxTrials: 50, epochs: 5 }));
    const scheduler = new Scheduler(study, fakeTrainers({ epochDelayMs: 2 }), {
      workers: 2,
      emit: (e) => e.type === 'status' && statuses.push(e.status),
    });
    const done = scheduler.run();
    await until(() => study.trials.length >= 3);
    scheduler.pause();
    const count = study.trials.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(study.trials.length).toBe(count);
    scheduler.resume();
    await until(() => study.trials.length > count);
    scheduler.stop();
    await done;
    expect(statuses).toContain('paused');
    expect(statuses.at(-1)).toBe('stopped');
    expect(study.trials.some((t) => t.state === 'stopped')).toBe(true);
    expect(study.trials.length).toBeLessThan(50);
  });

  it('steps one Hyperband round at a time', async () => {
    const study = new Study(hyperband);
    const scheduler = new Scheduler(study, fakeTrainers(), { workers: 2, emit: () => {} });
    void scheduler.run(true);
    await new Promise((r) => setTimeout(r, 5));
    scheduler.step();
    const ran = () => study.trials.filter((t) => t.state !== 'pending');
    await until(() => ran().length > 0 && ran().every((t) => t.state === 'completed'));
    await new Promise((r) => setTimeout(r, 20));
    const first = ran().map((t) => `${t.bracket}/${t.round}`);
    expect(new Set(first).size).toBe(1);
    expect(first.length).toBe(9);
    scheduler.step();
    await until(() => ran().length > 9 && ran().every((t) => t.state === 'completed'));
    await new Promise((r) => setTimeout(r, 20));
    const second = ran().filter((t) => !first.includes(`${t.bracket}/${t.round}`) || t.number >= 9);
    expect(second.map((t) => `${t.bracket}/${t.round}`)).toEqual(['2/1', '2/1', '2/1']);
    scheduler.stop();
  });
});

describe('fused groups', () => {
  const lrOnly = {
    params: [
      { kind: 'float' as const, name: 'learning_rate', min: 1e-4, max: 1e-1, sampling: 'log' as const },
      { kind: 'fixed' as const, name: 'units_0', value: 32 },
      { kind: 'fixed' as const, name: 'layers', value: 1 },
    ],
  };

  it('trains executions of a trial, and same-shape trials of an order-free tuner, as one group', async () => {
    const trainers = fakeTrainers({ seeded: true });
    const study = new Study(
      settingsFor({ algorithm: 'random', maxTrials: 8, epochs: 2 }, { space: lrOnly, executionsPerTrial: 3 }),
    );
    await new Scheduler(study, trainers, { workers: 1, emit: () => {}, flushMs: 5 }).run();
    expect(study.trials.every((t) => t.state === 'completed' && t.executions.length === 3)).toBe(true);
    // The cpu cost model fuses 32-unit models: the 8 trials × 3 executions go in groups, not one by one.
    expect(Math.max(...trainers.groups)).toBeGreaterThan(3);
    expect(trainers.groups.reduce((a, b) => a + b, 0)).toBe(24);
  });

  it('cuts the proposals into even groups across the trainers, none over 16 members', async () => {
    const trainers = fakeTrainers({ seeded: true });
    const study = new Study(
      settingsFor(
        { algorithm: 'random', maxTrials: 16, epochs: 2 },
        { space: lrOnly, executionsPerTrial: 3 },
      ),
    );
    await new Scheduler(study, trainers, { workers: 2, emit: () => {}, flushMs: 5 }).run();
    expect(study.trials.filter((t) => t.state === 'completed')).toHaveLength(16);
    expect(trainers.groups.reduce((a, b) => a + b, 0)).toBe(48);
    expect(Math.max(...trainers.groups)).toBeLessThanOrEqual(16);
    // Even groups (as many members each, as the measured table sizes them): no trainer is left with a
    // short last round.
    expect(new Set(trainers.groups).size).toBe(1);
    expect(trainers.groups.length % 2).toBe(0);
  });

  it('plans the proposals together: on wasm, 8 small trials for 2 trainers go as two groups of 4', async () => {
    const trainers = fakeTrainers({ seeded: true });
    // The measured wasm table: at 32 units fused K = 4 is ×1.95 and K = 8 ×1.92, so two groups of 4
    // (one per trainer) beat one of 8.
    const wasm = {
      create: async (i: number) => ({
        ...(await trainers.create(i)),
        backend: { backend: 'wasm' as const, reason: '' },
      }),
    };
    const study = new Study(settingsFor({ algorithm: 'random', maxTrials: 8, epochs: 2 }, { space: lrOnly }));
    await new Scheduler(study, wasm, { workers: 2, emit: () => {}, flushMs: 5 }).run();
    expect(trainers.groups).toEqual([4, 4]);
  });

  it("a race over seeds fuses the same tuner's trials across its lanes, with the same results", async () => {
    const race = raceLanes(settingsFor({ algorithm: 'random', maxEpochs: 2, epochs: 2 }, { space: lrOnly }), {
      algorithms: ['random', 'tpe'],
      epochBudget: 4,
      seeds: 3,
    });
    const run = async (fuseAcrossLanes: boolean) => {
      const trainers = fakeTrainers({ seeded: true });
      const scheduler = new Scheduler(
        race.map((s) => new Study(s)),
        trainers,
        { workers: 1, emit: () => {}, flushMs: 5, fuseAcrossLanes },
      );
      await scheduler.run();
      const results = scheduler.studies.map((s) => s.trials.map((t) => [t.number, t.config, t.score]));
      return { groups: trainers.groups, trained: trainers.requests.length, results };
    };
    const across = await run(true);
    const within = await run(false);
    // Each lane proposes 2 trials: random search's three lanes train as one group of 6, TPE's one by
    // one; within its lane a trial has at most one companion.
    expect(within.groups.every((g) => g <= 2)).toBe(true);
    expect(across.groups.filter((g) => g > 1)).toEqual([6]);
    expect(across.trained).toBe(12);
    expect(across.results).toEqual(within.results);
  });

  it('keeps proposing one at a time for a tuner whose proposals depend on the results', async () => {
    const trainers = fakeTrainers({ seeded: true });
    const study = new Study(
      settingsFor({ algorithm: 'tpe', maxTrials: 6, epochs: 2, initialPoints: 3 }, { space: lrOnly }),
    );
    await new Scheduler(study, trainers, { workers: 1, emit: () => {}, flushMs: 5 }).run();
    expect(study.trials).toHaveLength(6);
    expect(trainers.groups.every((size) => size === 1)).toBe(true);
  });
});
