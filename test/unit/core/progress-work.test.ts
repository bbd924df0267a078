import { describe, expect, it } from 'vitest';
import { shareOf, workDone, workPlanned } from '../../../src/core/progress-work';
import type { Trial } from '../../../src/core/study';
import { settingsFor } from '../support/simulate';

const trial = (resource: number, epochs: number[]): Trial => ({
  id: String(resource),
  number: 0,
  config: {},
  resource,
  state: 'completed',
  executions: [{ status: 'completed', history: epochs.map((epoch) => ({ epoch, metrics: {} })) }],
});

describe('work in full-data epochs', () => {
  it('counts an epoch budget’s epochs as they are', () => {
    const settings = settingsFor({ algorithm: 'hyperband', maxEpochs: 10, factor: 3, maxTrials: 30 });
    expect(workPlanned(settings)).toBe(120);
    expect(workDone(settings, [trial(2, [1, 2]), trial(4, [3, 4])])).toBe(4);
  });

  it('counts a data budget’s epochs by the share of the rows their rung trains on', () => {
    const settings = settingsFor(
      { algorithm: 'hyperband', maxEpochs: 9, factor: 3, maxTrials: 1000, epochs: 2 },
      { budget: 'data' },
    );
    expect(shareOf(settings, { resource: 3 })).toBeCloseTo(1 / 3);
    expect(workDone(settings, [trial(1, [1, 2]), trial(9, [1, 2])])).toBeCloseTo(2 / 9 + 2);
    // R = 9: bracket 2 trains 9 × 1/9, 3 × 3/9, 1 × 1; bracket 1 5 × 3/9, 2 × 1; bracket 0 3 × 1 — 2 epochs each.
    expect(workPlanned(settings)).toBeCloseTo(2 * (1 + 1 + 1 + 5 / 3 + 2 + 3));
  });
});
