import { describe, expect, it } from 'vitest';
import { simulateTrials } from '../../../../src/core/estimate/simulated-trials';
import { plannedWork } from '../../../../src/core/planned-work';
import { Study } from '../../../../src/core/study';
import { withTuner } from './shapes';

describe('simulateTrials', () => {
  it('plans the default Hyperband sweep: 30 trials, 120 epochs, promotions marked', () => {
    const { trials, truncated } = simulateTrials(withTuner({}));
    expect(truncated).toBe(false);
    expect(trials).toHaveLength(30);
    expect(trials.reduce((n, t) => n + t.epochs, 0)).toBe(120);
    // Bracket 2 promotes 4 then 2, bracket 1 promotes 2: 8 promoted trials.
    expect(trials.filter((t) => t.promoted)).toHaveLength(8);
    expect(trials.every((t) => t.dataFraction === 1)).toBe(true);
  });

  it('draws exactly the configurations the study itself draws with the same seed', () => {
    const settings = withTuner({}, { seed: 7 });
    const study = new Study(settings);
    const real = [];
    for (let next = study.next(); next.kind === 'trial'; next = study.next()) {
      real.push(next.trial);
      study.recordExecution(next.trial.id, {
        status: 'completed',
        history: [
          { epoch: next.trial.resource, metrics: { val_accuracy: (Number(next.trial.id) * 0.37) % 1 } },
        ],
      });
    }
    const fresh = real.filter((t) => t.parentId === undefined).map((t) => t.config);
    const simulated = simulateTrials(settings)
      .trials.filter((t) => !t.promoted)
      .map((t) => t.config);
    expect(simulated).toEqual(fresh);
  });

  it('trains a data budget’s rungs on shares of the rows, each for the epochs on each share', () => {
    const { trials } = simulateTrials(
      withTuner({ maxEpochs: 27, epochs: 3, maxTrials: 1000 }, { budget: 'data' }),
    );
    expect(new Set(trials.map((t) => t.dataFraction))).toEqual(new Set([1 / 27, 3 / 27, 9 / 27, 1]));
    expect(trials.every((t) => t.epochs === 3)).toBe(true);
  });

  it('simulates model-based tuners as random search, and stops at its limit', () => {
    const tpe = simulateTrials(withTuner({ algorithm: 'tpe', maxTrials: 12 }));
    expect(tpe.trials).toHaveLength(12);
    const capped = simulateTrials(withTuner({ algorithm: 'random', maxTrials: 50 }), 20);
    expect(capped).toMatchObject({ truncated: true });
    expect(capped.trials).toHaveLength(20);
    expect(plannedWork(withTuner({ algorithm: 'random', maxTrials: 50 })).trials).toBe(50);
  });
});
