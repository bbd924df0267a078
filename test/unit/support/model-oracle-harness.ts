import { expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { configFits, configKey, sampleConfig } from '../../../src/core/space';
import type { Config, SearchSpace } from '../../../src/core/space/types';
import { defaultTunerSettings } from '../../../src/core/oracles/settings';
import { type OracleFactory, type OracleTrial, type TunerSettings } from '../../../src/core/oracles/types';

/** Shared fixtures and contract checks for the model-based oracles (bayesian, tpe). */

/** lr: log float, dropout: float, activation: choice. */
export const syntheticSpace: SearchSpace = {
  params: [
    { name: 'lr', kind: 'float', min: 1e-4, max: 1e-1, sampling: 'log' },
    { name: 'dropout', kind: 'float', min: 0, max: 0.5 },
    { name: 'activation', kind: 'choice', values: ['sigmoid', 'tanh', 'relu'] },
  ],
};

const activationPenalty: Record<string, number> = { relu: 0, tanh: 0.3, sigmoid: 1 };

/** Minimum 0 at lr = 10^−2.5, dropout = 0.1, activation = relu. */
export function syntheticLoss(config: Config): number {
  return (
    (Math.log10(Number(config.lr)) + 2.5) ** 2 +
    (Number(config.dropout) - 0.1) ** 2 +
    activationPenalty[String(config.activation)]
  );
}

/** Every kind, steps, a log int, a fixed value and a condition chain. */
export const mixedSpace: SearchSpace = {
  params: [
    { name: 'layers', kind: 'int', min: 1, max: 3 },
    { name: 'units_1', kind: 'int', min: 16, max: 128, step: 16 },
    {
      name: 'units_2',
      kind: 'int',
      min: 16,
      max: 128,
      step: 16,
      condition: { parent: 'layers', values: [2, 3] },
    },
    {
      name: 'units_3',
      kind: 'int',
      min: 4,
      max: 256,
      sampling: 'log',
      condition: { parent: 'layers', values: [3] },
    },
    { name: 'lr', kind: 'float', min: 1e-4, max: 1e-1, sampling: 'log' },
    { name: 'dropout', kind: 'float', min: 0, max: 0.5, step: 0.1 },
    { name: 'optimizer', kind: 'choice', values: ['adam', 'sgd', 'rmsprop'] },
    { name: 'batch_norm', kind: 'boolean' },
    { name: 'loss', kind: 'fixed', value: 'mse' },
  ],
};

export function mixedLoss(config: Config): number {
  const units = [config.units_1, config.units_2 ?? 0, config.units_3 ?? 0]
    .map(Number)
    .reduce((a, b) => a + b, 0);
  return (
    (Math.log10(Number(config.lr)) + 3) ** 2 +
    Math.abs(units - 150) / 100 +
    (config.optimizer === 'adam' ? 0 : 0.5) +
    (config.batch_norm ? 0 : 0.2)
  );
}

/** 2 × 3 = 6 configs. */
export const tinySpace: SearchSpace = {
  params: [
    { name: 'flag', kind: 'boolean' },
    { name: 'size', kind: 'choice', values: [1, 2, 3] },
  ],
};

export function settingsWith(overrides: Partial<TunerSettings>): TunerSettings {
  return { ...defaultTunerSettings, epochs: 7, maxTrials: 30, ...overrides };
}

export interface SearchRun {
  trials: OracleTrial[];
  doneReason: string;
}

/** Sequential search: ask, evaluate, tell, until done. `fail(i)` marks trial i as failed. */
export function runSearch(
  factory: OracleFactory,
  space: SearchSpace,
  loss: (config: Config) => number,
  settings: TunerSettings,
  seed: number,
  fail: (index: number) => boolean = () => false,
): SearchRun {
  const oracle = factory({ space, settings, rng: new Rng(seed) });
  const trials: OracleTrial[] = [];
  for (let guard = 0; guard < 10_000; guard++) {
    const proposal = oracle.ask();
    if (proposal.kind === 'done') return { trials, doneReason: proposal.reason };
    if (proposal.kind === 'wait') throw new Error('a single-fidelity oracle never waits in a sequential run');
    trials.push(proposal.trial);
    const outcome = fail(trials.length - 1)
      ? ({ status: 'failed' } as const)
      : ({ status: 'completed', loss: loss(proposal.trial.config) } as const);
    oracle.tell(proposal.trial.id, outcome);
  }
  throw new Error('the oracle never finished');
}

export const bestLoss = (trials: OracleTrial[], loss: (config: Config) => number): number =>
  Math.min(...trials.map((t) => loss(t.config)));

/** Random search with sampleConfig on the same seed: the baseline a model-based oracle must beat. */
export function randomSearchBest(
  space: SearchSpace,
  loss: (config: Config) => number,
  trials: number,
  seed: number,
): number {
  const rng = new Rng(seed);
  return Math.min(...Array.from({ length: trials }, () => loss(sampleConfig(space, rng))));
}

/** The behaviour every model-based oracle shares; call inside a describe block. */
export function modelOracleContract(
  factory: OracleFactory,
  defaultInitialPoints: (dims: number, maxTrials: number) => number,
) {
  it('only proposes configs that fit the space, at the full epoch budget, never promotable', () => {
    const run = runSearch(factory, mixedSpace, mixedLoss, settingsWith({ maxTrials: 35 }), 1);
    expect(run.trials).toHaveLength(35);
    for (const t of run.trials) {
      expect(configFits(mixedSpace, t.config)).toBe(true);
      expect(t.config.loss).toBe('mse');
      expect(t.resource).toBe(7);
      expect(t.parentId).toBeUndefined();
    }
    const oracle = factory({ space: mixedSpace, settings: settingsWith({}), rng: new Rng(1) });
    const proposal = oracle.ask();
    expect(proposal.kind).toBe('trial');
    if (proposal.kind === 'trial') expect(oracle.canBePromoted(proposal.trial.id)).toBe(false);
  });

  it('stops with "max trials reached" after maxTrials proposals', () => {
    const run = runSearch(factory, syntheticSpace, syntheticLoss, settingsWith({ maxTrials: 14 }), 2);
    expect(run.trials).toHaveLength(14);
    expect(run.doneReason).toBe('max trials reached');
    expect(new Set(run.trials.map((t) => t.id)).size).toBe(14);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const configs = (seed: number) =>
      runSearch(factory, mixedSpace, mixedLoss, settingsWith({ maxTrials: 25 }), seed).trials.map((t) =>
        configKey(t.config),
      );
    expect(configs(5)).toEqual(configs(5));
    expect(configs(5)).not.toEqual(configs(6));
  });

  it('never repeats a config and says when a finite space is exhausted', () => {
    const run = runSearch(
      factory,
      tinySpace,
      (c) => Number(c.size) + (c.flag ? 0 : 1),
      settingsWith({ maxTrials: 20, initialPoints: 2 }),
      3,
    );
    expect(run.trials).toHaveLength(6);
    expect(new Set(run.trials.map((t) => configKey(t.config))).size).toBe(6);
    expect(run.doneReason).toBe('search space exhausted');
  });

  it('survives failed trials and non-finite losses', () => {
    let calls = 0;
    const nanEveryFifth = (c: Config) => (++calls % 5 === 0 ? NaN : syntheticLoss(c));
    const run = runSearch(
      factory,
      syntheticSpace,
      nanEveryFifth,
      settingsWith({ maxTrials: 30 }),
      4,
      (i) => i % 3 === 1,
    );
    expect(run.trials).toHaveLength(30);
    expect(run.doneReason).toBe('max trials reached');
    expect(run.trials.every((t) => configFits(syntheticSpace, t.config))).toBe(true);
  });

  it('starts with the default number of random trials, then follows its model (and says which is which)', () => {
    const maxTrials = 30;
    const n = defaultInitialPoints(3, maxTrials);
    expect(n).toBeLessThanOrEqual(maxTrials / 3);
    const run = runSearch(factory, syntheticSpace, syntheticLoss, settingsWith({ maxTrials }), 8);
    const rng = new Rng(8);
    const random = Array.from({ length: maxTrials }, () => configKey(sampleConfig(syntheticSpace, rng)));
    const proposed = run.trials.map((t) => configKey(t.config));
    expect(proposed.slice(0, n)).toEqual(random.slice(0, n));
    expect(run.trials.slice(0, n).every((t) => t.origin?.kind === 'random')).toBe(true);
    const guided = run.trials.slice(n);
    expect(guided.filter((t) => t.origin?.kind === 'model').length).toBeGreaterThan(guided.length * 0.8);
    const sameAsRandom = proposed.slice(n).filter((key, i) => key === random[n + i]).length;
    expect(sameAsRandom).toBe(0);
  });

  it('honours settings.initialPoints', () => {
    const run = runSearch(
      factory,
      syntheticSpace,
      syntheticLoss,
      settingsWith({ maxTrials: 5, initialPoints: 4 }),
      9,
    );
    const rng = new Rng(9);
    const random = Array.from({ length: 5 }, () => configKey(sampleConfig(syntheticSpace, rng)));
    expect(run.trials.slice(0, 4).map((t) => configKey(t.config))).toEqual(random.slice(0, 4));
    expect(configKey(run.trials[4].config)).not.toBe(random[4]);
  });

  it('gives two different configs to two asks in a row without a tell', () => {
    const settings = settingsWith({ maxTrials: 40 });
    const oracle = factory({ space: syntheticSpace, settings, rng: new Rng(10) });
    for (let i = 0; i < 12; i++) {
      const p = oracle.ask();
      if (p.kind !== 'trial') throw new Error('expected a trial');
      oracle.tell(p.trial.id, { status: 'completed', loss: syntheticLoss(p.trial.config) });
    }
    const a = oracle.ask();
    const b = oracle.ask();
    if (a.kind !== 'trial' || b.kind !== 'trial') throw new Error('expected trials');
    expect(configKey(a.trial.config)).not.toBe(configKey(b.trial.config));
    expect(a.trial.id).not.toBe(b.trial.id);
  });

  it('rejects a tell for a trial it never proposed or that already reported', () => {
    const oracle = factory({ space: syntheticSpace, settings: settingsWith({}), rng: new Rng(12) });
    expect(() => oracle.tell('nope', { status: 'completed', loss: 1 })).toThrow();
    const p = oracle.ask();
    if (p.kind !== 'trial') throw new Error('expected a trial');
    oracle.tell(p.trial.id, { status: 'completed', loss: 1 });
    expect(() => oracle.tell(p.trial.id, { status: 'completed', loss: 1 })).toThrow();
  });
}
