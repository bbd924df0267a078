import { describe, expect, it } from 'vitest';
import { timeLeft } from '../../../src/app/components/time-left';
import type { TimeEstimate } from '../../../src/core/estimate';
import type { Trial } from '../../../src/core/study';

const expected: TimeEstimate = {
  ms: 10_500,
  lowMs: 8_000,
  highMs: 14_000,
  trials: 3,
  fullDataEpochs: 3,
  measuredHere: true,
  slowdown: 1,
  backend: 'wasm',
  ratesOf: 'wasm',
  startupMs: 500,
  trialMs: { '0': 1_000, '1': 3_000, '2': 6_000 },
};
const trial = (id: string, state: Trial['state'], endedMs?: number): Trial => ({
  id,
  number: Number(id),
  config: {},
  resource: 1,
  state,
  executions: [],
  ...(endedMs !== undefined && { ended: { epochs: 1, ms: endedMs } }),
});

describe('the time left', () => {
  it('is the estimate less the time elapsed until a trial has finished', () => {
    expect(timeLeft(expected, [trial('0', 'running')], 2_500, 600)).toEqual({ ms: 8_000, byEstimate: true });
  });

  it('then scales the estimate of the trials to come by the pace of the finished ones', () => {
    // Training began at 0.6 s; trial 0, estimated at 1 s, ended at 2.6 s: 2 s, twice the estimate, drawn
    // towards it by a tenth of the 10 s of training counted at its pace: (2 + 1) / (1 + 1) = 1.5.
    const left = timeLeft(expected, [trial('0', 'completed', 2_600), trial('1', 'running')], 3_100, 600);
    expect(left).toEqual({ ms: 9_000 * 1.5 - 500, byEstimate: false });
  });

  it('has nothing to say without a per-trial estimate (a race)', () => {
    expect(timeLeft({ ...expected, trialMs: undefined }, [], 1_000, 0)).toBeUndefined();
    expect(timeLeft(undefined, [], 1_000, 0)).toBeUndefined();
  });
});
