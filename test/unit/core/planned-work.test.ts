import { describe, expect, it } from 'vitest';
import { plannedWork } from '../../../src/core/planned-work';
import { settingsFor } from '../support/simulate';

describe('planned work', () => {
  it("is Keras Tuner's worked example for Hyperband (10, 3): 30 trials, 120 epochs", () => {
    expect(
      plannedWork(settingsFor({ algorithm: 'hyperband', maxEpochs: 10, factor: 3, maxTrials: 100 })),
    ).toEqual({ trials: 30, epochs: 120 });
  });
  it('counts only the extra epochs of promoted trials in successive halving', () => {
    // 9 × 1 → 3 × 3 → 1 × 9: 9 + 3·2 + 1·6 = 21 epochs.
    expect(
      plannedWork(
        settingsFor({
          algorithm: 'successive-halving',
          maxEpochs: 9,
          factor: 3,
          minEpochs: 1,
          initialConfigs: 0,
          maxTrials: 100,
        }),
      ),
    ).toEqual({ trials: 13, epochs: 21 });
  });
  it('is capped by max trials, and multiplied by executions', () => {
    expect(
      plannedWork(settingsFor({ algorithm: 'random', maxTrials: 7, epochs: 4 }, { executionsPerTrial: 3 })),
    ).toEqual({ trials: 7, epochs: 84 });
    expect(
      plannedWork(settingsFor({ algorithm: 'hyperband', maxEpochs: 10, factor: 3, maxTrials: 15 })).trials,
    ).toBe(15);
  });
  it('is capped by the size of a discrete space', () => {
    const space = { params: [{ kind: 'choice' as const, name: 'act', values: ['relu', 'tanh'] }] };
    expect(plannedWork(settingsFor({ algorithm: 'grid', maxTrials: 50, epochs: 2 }, { space }))).toEqual({
      trials: 2,
      epochs: 4,
    });
    expect(plannedWork(settingsFor({ algorithm: 'tpe', maxTrials: 50, epochs: 2 }, { space }))).toEqual({
      trials: 2,
      epochs: 4,
    });
  });
  it('trains every trial for the fixed epochs under a data budget', () => {
    expect(
      plannedWork(
        settingsFor(
          { algorithm: 'hyperband', maxEpochs: 10, factor: 3, epochs: 5, maxTrials: 100 },
          { budget: 'data' },
        ),
      ),
    ).toEqual({ trials: 30, epochs: 150 });
  });
});
