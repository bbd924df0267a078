import { describe, expect, it } from 'vitest';
import {
  beginStep,
  current,
  followEvent,
  startedUp,
  type StartupContext,
} from '../../../src/app/state/startup';
import type { Trial } from '../../../src/core/study';
import { settingsFor } from '../support/simulate';

const trial: Trial = {
  id: '0',
  number: 0,
  config: {},
  resource: 2,
  state: 'running',
  executions: [],
};
const context = (ready: number): StartupContext => ({
  workers: 2,
  ready,
  lanes: [{ settings: settingsFor({ algorithm: 'hyperband' }), trials: [trial] }],
});

describe('the start-up steps', () => {
  it('say how many trainers were started before Start', () => {
    const sent = beginStep([], 'send', 0);
    const phase = (waiting: number) => ({
      type: 'phase' as const,
      phase: { step: 'workers' as const, of: 2, waiting },
    });
    expect(current(followEvent(sent, phase(2), 10, context(0)))[0].detail).toBe('2 already started');
    expect(current(followEvent(sent, phase(5), 10, context(0)))[0].detail).toBe('2 already started');
    expect(current(followEvent(sent, phase(0), 10, context(0)))[0].detail).toBe('0 of 2 ready');
  });

  it('follow the tuner from sending the data to the first finished trial', () => {
    let steps = beginStep([], 'send', 0, '1,000 rows × 4 features');
    steps = followEvent(steps, { type: 'phase', phase: { step: 'saving' } }, 10, context(0));
    steps = followEvent(steps, { type: 'phase', phase: { step: 'workers', of: 2 } }, 20, context(0));
    expect(current(steps).map((s) => [s.id, s.detail])).toEqual([['workers', '0 of 2 ready']]);
    steps = followEvent(
      steps,
      { type: 'phase', phase: { step: 'backends', probing: 'webgl', index: 1, of: 4 } },
      30,
      context(0),
    );
    expect(current(steps).map((s) => [s.id, s.detail])).toEqual([
      ['backends', 'WebGL, 2 of 4'],
      ['workers', '0 of 2 ready'],
    ]);
    const info = { backend: 'wasm' as const, reason: 'auto' };
    steps = followEvent(steps, { type: 'backend', worker: 0, info }, 40, context(0));
    expect(current(steps).map((s) => [s.id, s.detail])).toEqual([['workers', '1 of 2 ready']]);
    steps = followEvent(steps, { type: 'backend', worker: 1, info }, 50, context(1));
    expect(current(steps).map((s) => s.id)).toEqual(['first']);
    const report = { epoch: 1, metrics: {}, learningRate: 0.001, step: 30, ms: 5 };
    steps = followEvent(
      steps,
      { type: 'epochs', items: [{ lane: 0, trialId: '0', execution: 0, report }] },
      60,
      context(2),
    );
    expect(current(steps)[0].detail).toBe('trial 0, epoch 1 of 2');
    expect(startedUp(steps)).toBe(false);
    steps = followEvent(
      steps,
      { type: 'trial', lane: 0, trial: { ...trial, state: 'completed' } },
      70,
      context(2),
    );
    expect(startedUp(steps)).toBe(true);
    expect(steps.map((s) => [s.id, s.startedAt, s.endedAt])).toEqual([
      ['send', 0, 10],
      ['save', 10, 20],
      ['workers', 20, 50],
      ['backends', 30, 40],
      ['first', 50, 70],
    ]);
  });

  it('all end when the search stops before its first trial', () => {
    const steps = beginStep([], 'measure', 0);
    const after = followEvent(
      steps,
      { type: 'status', status: 'stopped', progress: undefined!, bestIds: [] },
      5,
      context(0),
    );
    expect(startedUp(after)).toBe(true);
  });
});
