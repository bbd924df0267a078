/** What the tuner panel says before a search: the random start of model-based tuners, and when runs may differ. */
import { describe, expect, it } from 'vitest';
import { algorithms } from '../../../../src/core/oracles/registry';
import { defaultTunerSettings } from '../../../../src/core/oracles/settings';
import type { Algorithm } from '../../../../src/core/oracles/types';
import { Rng } from '../../../../src/core/rng';
import { configKey, courseSearchSpace } from '../../../../src/core/space';
import { Study } from '../../../../src/core/study';
import { seedingCount, seedingSentence } from '../../../../src/report/explain/seeding-words';
import { settingsFor, simulate } from '../../support/simulate';

describe('first N random, then model-guided', () => {
  const input = (algorithm: Algorithm, tuner = {}) => ({
    space: courseSearchSpace(),
    tuner: { ...defaultTunerSettings, algorithm, ...tuner },
  });

  it('says how many of the default trials seed each model, and how many it proposes', () => {
    expect(seedingSentence(input('bayesian'))).toBe(
      'First 10 random, then model-guided: the first 10 trials are drawn at random to seed the model, and each of the other 20 is proposed by it.',
    );
    expect(seedingSentence(input('tpe', { maxTrials: 6, initialPoints: 5 }))).toBe(
      'First 5 random, then model-guided: the first 5 trials are drawn at random to seed the model, and the last one is proposed by it.',
    );
    expect(seedingCount(input('tpe', { maxTrials: 6, initialPoints: 5 }))).toBe(5);
  });

  it('warns when max trials leaves the model nothing to propose', () => {
    expect(seedingSentence(input('bayesian', { maxTrials: 4, initialPoints: 4 }))).toBe(
      'All 4 trials will be random: the model starts after 4, so raise max trials above 4 to let it propose.',
    );
    expect(seedingCount(input('bayesian', { maxTrials: 4, initialPoints: 6 }))).toBe(4);
  });

  it('says nothing for tuners without a model', () => {
    for (const id of ['random', 'grid', 'hyperband', 'successive-halving', 'asha'] as const) {
      expect(seedingSentence(input(id))).toBeUndefined();
      expect(seedingCount(input(id))).toBe(0);
    }
  });
});

describe('which tuners depend on the order results arrive', () => {
  it('flags ASHA, Bayesian optimisation and TPE, and only them', () => {
    expect(algorithms.filter((a) => a.orderDependence).map((a) => a.id)).toEqual(['asha', 'bayesian', 'tpe']);
  });

  it.each(['asha', 'bayesian', 'tpe'] as const)(
    '%s: three workers finishing in another order propose other configurations',
    (algorithm) => {
      const settings = settingsFor({
        algorithm,
        maxTrials: 16,
        epochs: 2,
        maxEpochs: 9,
        factor: 3,
        minEpochs: 1,
        initialPoints: 3,
      });
      const proposals = (order: number) =>
        simulate(new Study(settings), { parallel: 3, rng: new Rng(order) }).study.trials.map(
          (t) => `${t.resource} ${configKey(t.config)}`,
        );
      expect(proposals(1)).not.toEqual(proposals(2));
    },
  );
});
