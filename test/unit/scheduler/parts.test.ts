/** The scheduler's parts on their own: the run's state machine and clock, the epoch batcher, the checkpoint keeper. */
import { describe, expect, it, vi } from 'vitest';
import { Study } from '../../../src/core/study';
import { BestExecutions, CheckpointKeeper } from '../../../src/scheduler/checkpoint-keeper';
import { EpochBatcher } from '../../../src/scheduler/event-batcher';
import type { TunerEvent } from '../../../src/scheduler/events';
import { RunState } from '../../../src/scheduler/run-state';
import type { Checkpoint } from '../../../src/train/types';
import { settingsFor } from '../support/simulate';

const checkpoint = (epoch: number): Checkpoint =>
  ({
    epoch,
    step: epoch * 10,
    weights: [],
    optimizer: 'adam',
    optimizerWeights: [],
  }) as unknown as Checkpoint;

describe('RunState', () => {
  it('allows each command only in the states where it means something', () => {
    const run = new RunState(
      () => 0,
      () => {},
    );
    expect([run.canPause, run.canResume, run.canStep, run.ending]).toEqual([false, false, true, false]);
    run.set('running');
    expect([run.canPause, run.canResume, run.canStep]).toEqual([true, false, false]);
    run.set('paused');
    expect([run.canPause, run.canResume, run.canStep]).toEqual([false, true, true]);
    run.set('stopping');
    expect(run.ending).toBe(true);
  });

  it('counts only the time spent running', () => {
    let now = 0;
    const changed = vi.fn();
    const run = new RunState(() => now, changed);
    run.set('running');
    now = 1000;
    run.set('paused');
    now = 5000;
    expect(run.elapsedMs()).toBe(1000);
    run.set('running');
    now = 5500;
    expect(run.elapsedMs()).toBe(1500);
    expect(changed).toHaveBeenCalledTimes(3);
  });

  it('counts the start-up before the run began when credited with it', () => {
    let now = 0;
    const run = new RunState(
      () => now,
      () => {},
    );
    run.set('running');
    run.credit(2500);
    now = 1000;
    expect(run.elapsedMs()).toBe(3500);
  });
});

describe('EpochBatcher', () => {
  it('sends the epochs of an interval as one message, and at once when flushed', async () => {
    const sent: TunerEvent[] = [];
    const batcher = new EpochBatcher((e) => sent.push(e), 10);
    const report = { epoch: 1, metrics: { loss: 1 }, learningRate: 0.001, step: 30, ms: 5 };
    batcher.add({ lane: 0, trialId: 'a', execution: 0, report });
    batcher.add({ lane: 0, trialId: 'b', execution: 0, report });
    expect(sent).toEqual([]);
    await new Promise((r) => setTimeout(r, 30));
    expect(sent).toHaveLength(1);
    expect(sent[0].type === 'epochs' && sent[0].items.map((i) => i.trialId)).toEqual(['a', 'b']);
    batcher.add({ lane: 0, trialId: 'c', execution: 0, report });
    batcher.flush();
    batcher.flush();
    expect(sent).toHaveLength(2);
  });
});

describe('CheckpointKeeper', () => {
  it('keeps the best execution of a trial, hands out copies, and drops what no promotion needs', () => {
    const best = new BestExecutions();
    best.consider('0/a', 0.5, checkpoint(1), 'max');
    best.consider('0/a', 0.7, checkpoint(2), 'max');
    best.consider('0/a', 0.6, checkpoint(3), 'max');
    expect(best.get('0/a')?.epoch).toBe(2);

    const study = new Study(settingsFor({ algorithm: 'random', maxTrials: 2, epochs: 1 }));
    const keeper = new CheckpointKeeper();
    keeper.keep(0, 'gone', checkpoint(1));
    const copy = keeper.copyOf(0, 'gone');
    expect(copy).toEqual(checkpoint(1));
    expect(copy).not.toBe(keeper.copyOf(0, 'gone'));
    keeper.prune(0, study);
    expect(keeper.size).toBe(0);
  });
});
