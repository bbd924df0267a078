import { describe, expect, it } from 'vitest';
import {
  createBayesian,
  decodePoint,
  encodeConfig,
  INACTIVE_COORDINATE,
} from '../../../../src/core/oracles/bayesian';
import { Rng } from '../../../../src/core/rng';
import { tunableParams } from '../../../../src/core/space';
import {
  bestLoss,
  mixedSpace,
  modelOracleContract,
  randomSearchBest,
  runSearch,
  settingsWith,
  syntheticLoss,
  syntheticSpace,
} from '../../support/model-oracle-harness';

describe('Bayesian optimisation oracle', () => {
  modelOracleContract(createBayesian, (dims, maxTrials) =>
    Math.min(Math.max(3 * dims, 3), Math.max(3, Math.ceil(maxTrials / 3))),
  );

  it('encodes every tunable parameter, inactive ones at 0.5, and decodes back to the same config', () => {
    const params = tunableParams(mixedSpace);
    const config = {
      layers: 1,
      units_1: 64,
      lr: 0.001,
      dropout: 0.2,
      optimizer: 'sgd',
      batch_norm: true,
      loss: 'mse',
    };
    const point = encodeConfig(params, config);
    expect(point).toHaveLength(params.length);
    expect(point[params.findIndex((p) => p.name === 'units_2')]).toBe(INACTIVE_COORDINATE);
    expect(point[params.findIndex((p) => p.name === 'units_3')]).toBe(INACTIVE_COORDINATE);
    expect(point.every((u) => u >= 0 && u <= 1)).toBe(true);
    const { lr, ...decoded } = decodePoint(mixedSpace, params, point);
    const { lr: originalLr, ...original } = config;
    expect(decoded).toEqual(original);
    expect(Number(lr) / originalLr).toBeCloseTo(1, 12);
  });

  it('imputes running trials: a second ask without a tell goes somewhere else, not next door', () => {
    const params = tunableParams(syntheticSpace);
    for (const seed of [1, 2, 3, 4, 5]) {
      const oracle = createBayesian({
        space: syntheticSpace,
        settings: settingsWith({ maxTrials: 40 }),
        rng: new Rng(seed),
      });
      for (let i = 0; i < 12; i++) {
        const p = oracle.ask();
        if (p.kind !== 'trial') throw new Error('expected a trial');
        oracle.tell(p.trial.id, { status: 'completed', loss: syntheticLoss(p.trial.config) });
      }
      const a = oracle.ask();
      const b = oracle.ask();
      if (a.kind !== 'trial' || b.kind !== 'trial') throw new Error('expected trials');
      const pa = encodeConfig(params, a.trial.config);
      const pb = encodeConfig(params, b.trial.config);
      // Without the kriging believer the second point lands within ~0.005 of the first.
      expect(Math.hypot(...pa.map((u, i) => u - pb[i]))).toBeGreaterThan(0.1);
    }
  });

  function compareWithRandom(acquisition: 'ucb' | 'ei', seeds: number) {
    let wins = 0;
    let modelTotal = 0;
    let randomTotal = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const run = runSearch(
        createBayesian,
        syntheticSpace,
        syntheticLoss,
        settingsWith({ maxTrials: 30, acquisition }),
        seed,
      );
      const model = bestLoss(run.trials, syntheticLoss);
      const random = randomSearchBest(syntheticSpace, syntheticLoss, 30, seed);
      modelTotal += model;
      randomTotal += random;
      if (model < random) wins++;
    }
    return { wins, modelMean: modelTotal / seeds, randomMean: randomTotal / seeds };
  }

  it('beats random search on a synthetic objective (UCB, 20 seeds × 30 trials)', () => {
    const { wins, modelMean, randomMean } = compareWithRandom('ucb', 20);
    expect(modelMean).toBeLessThan(randomMean);
    expect(wins).toBeGreaterThanOrEqual(14);
  });

  it('beats random search with expected improvement too (10 seeds × 30 trials)', () => {
    const { wins, modelMean, randomMean } = compareWithRandom('ei', 10);
    expect(modelMean).toBeLessThan(randomMean);
    expect(wins).toBeGreaterThanOrEqual(7);
  });
});
