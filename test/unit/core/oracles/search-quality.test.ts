import { describe, expect, it } from 'vitest';
import { hyperbandPlan } from '../../../../src/core/oracles/hyperband-plan';
import { Study } from '../../../../src/core/study';
import { settingsFor, simulate, syntheticLoss } from '../../support/simulate';

/** The true quality (loss after the full budget) of the study's best config: what a user takes home. */
function bestFinalLoss(study: Study, maxEpochs: number): number {
  const best = study.best();
  if (!best) throw new Error('no best trial');
  return syntheticLoss(best.config, maxEpochs);
}

describe('search quality at an equal epoch budget (fixed seeds, statistical)', () => {
  const maxEpochs = 27;
  const plan = hyperbandPlan({ maxEpochs, factor: 3, iterations: 1, variant: 'keras-tuner' });
  const randomTrials = Math.floor(plan.totalEpochs / maxEpochs);
  const seeds = Array.from({ length: 30 }, (_, i) => i + 1);

  it(`Hyperband (${plan.totalTrials} trials, ${plan.totalEpochs} epochs) beats random search (${randomTrials} full trials)`, () => {
    let wins = 0;
    let hyperbandSum = 0;
    let randomSum = 0;
    for (const seed of seeds) {
      const hb = simulate(
        new Study(settingsFor({ algorithm: 'hyperband', maxEpochs, factor: 3, maxTrials: 1000 }, { seed })),
      );
      const rs = simulate(
        new Study(settingsFor({ algorithm: 'random', epochs: maxEpochs, maxTrials: randomTrials }, { seed })),
      );
      expect(hb.epochs).toBe(plan.totalEpochs);
      expect(rs.epochs).toBeLessThanOrEqual(plan.totalEpochs);
      const h = bestFinalLoss(hb.study, maxEpochs);
      const r = bestFinalLoss(rs.study, maxEpochs);
      hyperbandSum += h;
      randomSum += r;
      if (h < r) wins++;
    }
    expect(hyperbandSum / seeds.length).toBeLessThan(randomSum / seeds.length);
    expect(wins / seeds.length).toBeGreaterThanOrEqual(0.6);
  });
});
