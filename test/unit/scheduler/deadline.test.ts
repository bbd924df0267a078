/** A time budget kept while the search runs: the search ends when its clock reaches it. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Study } from '../../../src/core/study';
import { Deadline, timeBudgetReason } from '../../../src/scheduler/deadline';
import { Scheduler } from '../../../src/scheduler/scheduler';
import type { TunerEvent } from '../../../src/workers/protocol';
import { fakeTrainers } from '../support/fake-trainer';
import { settingsFor } from '../support/simulate';

describe('Deadline', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('fires when the clock reaches the budget, and the clock stands still while disarmed (paused)', () => {
    let clock = 0;
    const reached = vi.fn();
    const deadline = new Deadline(1000, () => clock, reached);
    deadline.arm();
    clock = 400;
    vi.advanceTimersByTime(400);
    deadline.disarm();
    vi.advanceTimersByTime(5000);
    expect(reached).not.toHaveBeenCalled();
    deadline.arm();
    vi.advanceTimersByTime(599);
    clock = 999;
    expect(reached).not.toHaveBeenCalled();
    clock = 1000;
    vi.advanceTimersByTime(1);
    expect(reached).toHaveBeenCalledTimes(1);
  });

  it('a budget already spent ends at once', () => {
    const reached = vi.fn();
    new Deadline(1000, () => 1500, reached).arm();
    expect(reached).toHaveBeenCalledTimes(1);
  });

  it('says the budget in minutes, or in seconds below a minute', () => {
    expect(timeBudgetReason(5 * 60_000)).toBe('the 5-minute time budget was spent');
    expect(timeBudgetReason(1500)).toBe('the 2-second time budget was spent');
  });
});

describe('a search with a time budget', () => {
  it('ends as done when the budget is spent, its running trials stopped with the reason', async () => {
    const statuses: { status: string; reason?: string }[] = [];
    const study = new Study(settingsFor({ algorithm: 'random', maxTrials: 500, epochs: 5 }));
    const scheduler = new Scheduler(study, fakeTrainers({ epochDelayMs: 2 }), {
      workers: 2,
      timeBudgetMs: 150,
      emit: (e: TunerEvent) => e.type === 'status' && statuses.push({ status: e.status, reason: e.reason }),
    });
    const started = Date.now();
    await scheduler.run();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(statuses.at(-1)).toEqual({ status: 'done', reason: 'the 0-second time budget was spent' });
    expect(study.trials.length).toBeLessThan(500);
    expect(study.trials.some((t) => t.state === 'completed')).toBe(true);
    const stopped = study.trials.filter((t) => t.state === 'stopped');
    expect(stopped.length).toBeGreaterThan(0);
    for (const t of stopped) expect(t.reason).toMatch(/^the 0-second time budget was spent/);
    expect(study.trials.every((t) => t.state !== 'running' && t.state !== 'pending')).toBe(true);
  });

  it('a search that finishes within its budget ends as it always did', async () => {
    const study = new Study(settingsFor({ algorithm: 'random', maxTrials: 4, epochs: 2 }));
    const statuses: string[] = [];
    await new Scheduler(study, fakeTrainers(), {
      workers: 2,
      timeBudgetMs: 60_000,
      emit: (e) => e.type === 'status' && statuses.push(e.status),
    }).run();
    expect(statuses.at(-1)).toBe('done');
    expect(study.trials.every((t) => t.state === 'completed')).toBe(true);
  });
});
