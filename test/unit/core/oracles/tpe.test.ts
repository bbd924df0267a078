import { describe, expect, it } from 'vitest';
import { createTpe } from '../../../../src/core/oracles/tpe';
import {
  bestLoss,
  modelOracleContract,
  randomSearchBest,
  runSearch,
  settingsWith,
  syntheticLoss,
  syntheticSpace,
} from '../../support/model-oracle-harness';
import type { SearchSpace } from '../../../../src/core/space/types';

describe('TPE oracle', () => {
  modelOracleContract(createTpe, (_dims, maxTrials) => Math.min(10, Math.max(3, Math.ceil(maxTrials / 3))));

  it('learns a conditional parameter only from the trials where it was active', () => {
    // Only the 'deep' branch can score well, and within it only width near 200.
    const space: SearchSpace = {
      params: [
        { name: 'depth', kind: 'choice', values: ['shallow', 'deep'] },
        { name: 'width', kind: 'int', min: 1, max: 256, condition: { parent: 'depth', values: ['deep'] } },
      ],
    };
    const loss = (c: Record<string, unknown>) =>
      c.depth === 'deep' ? Math.abs(Number(c.width) - 200) / 100 : 3;
    const run = runSearch(createTpe, space, loss, settingsWith({ maxTrials: 40 }), 21);
    const modelled = run.trials.slice(10);
    expect(modelled.every((t) => (t.config.depth === 'deep') === 'width' in t.config)).toBe(true);
    const deep = modelled.filter((t) => t.config.depth === 'deep');
    expect(deep.length).toBeGreaterThan(modelled.length * 0.6);
    expect(bestLoss(run.trials, loss)).toBeLessThan(0.1);
  });

  it('beats random search on a synthetic objective (20 seeds × 30 trials)', () => {
    let wins = 0;
    let modelTotal = 0;
    let randomTotal = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const run = runSearch(createTpe, syntheticSpace, syntheticLoss, settingsWith({ maxTrials: 30 }), seed);
      const model = bestLoss(run.trials, syntheticLoss);
      const random = randomSearchBest(syntheticSpace, syntheticLoss, 30, seed);
      modelTotal += model;
      randomTotal += random;
      if (model < random) wins++;
    }
    expect(modelTotal / 20).toBeLessThan(randomTotal / 20);
    expect(wins).toBeGreaterThanOrEqual(14);
  });
});
