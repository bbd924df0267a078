import { describe, expect, it } from 'vitest';
import type { Algorithm } from '../../../src/core/oracles/types';
import { configKey } from '../../../src/core/space';
import { Study, type StudySettings, type Trial } from '../../../src/core/study';
import { Scheduler } from '../../../src/scheduler/scheduler';
import { fakeTrainers } from '../support/fake-trainer';
import { settingsFor } from '../support/simulate';

/** The leaderboard as a user reads it: trial number, config and score, best first. */
async function leaderboard(settings: StudySettings, workers: number) {
  const scheduler = new Scheduler(new Study(settings), fakeTrainers({ seeded: true }), {
    workers,
    emit: () => {},
    flushMs: 5,
  });
  await scheduler.run();
  return scheduler.study.trials
    .filter((t) => t.score !== undefined)
    .map((t) => ({ number: t.number, config: configKey(t.config), score: t.score }))
    .sort((a, b) => a.score! - b.score! || a.number - b.number);
}

describe('the same link gives the same leaderboard whatever the number of workers', () => {
  const synchronous: [Algorithm, Partial<StudySettings['tuner']>][] = [
    ['random', { maxTrials: 12, epochs: 3 }],
    ['grid', { maxTrials: 12, epochs: 3 }],
    ['hyperband', { maxEpochs: 9, factor: 3, maxTrials: 100 }],
    ['successive-halving', { maxEpochs: 9, factor: 3, minEpochs: 1, maxTrials: 100 }],
  ];

  it.each(synchronous)('%s: 1 worker and 3 workers agree trial by trial', async (algorithm, tuner) => {
    const settings = settingsFor({ algorithm, ...tuner });
    const one = await leaderboard(settings, 1);
    const three = await leaderboard(settings, 3);
    expect(one.length).toBeGreaterThan(5);
    expect(three).toEqual(one);
  });

  it('numbers Hyperband trials by their place in the plan, so parallel asks do not renumber them', async () => {
    const settings = settingsFor({ algorithm: 'hyperband', maxEpochs: 9, factor: 3, maxTrials: 100 });
    const scheduler = new Scheduler(new Study(settings), fakeTrainers({ seeded: true }), {
      workers: 4,
      emit: () => {},
      flushMs: 5,
    });
    await scheduler.run();
    const trials = scheduler.study.trials;
    const proposalOrder = trials.map((t) => t.number);
    expect([...proposalOrder].sort((a, b) => a - b)).toEqual(trials.map((_, i) => i));
    // With 4 workers the next bracket starts while the first waits for stragglers: asks interleave.
    expect(proposalOrder).not.toEqual(trials.map((_, i) => i));
  });
});

describe('ties', () => {
  it('go to the lowest trial number, whatever order the trials finished in', async () => {
    const { bestTrial } = await import('../../../src/core/study');
    const trial = (number: number, score: number): Trial => ({
      id: String(number),
      number,
      score,
      state: 'completed',
      config: {},
      resource: 3,
      executions: [],
    });
    const finishedFirst = [trial(5, 1), trial(4, 1), trial(2, 0.9)];
    expect(bestTrial(finishedFirst, 'max')?.number).toBe(4);
    expect(bestTrial([...finishedFirst].reverse(), 'max')?.number).toBe(4);
  });
});
