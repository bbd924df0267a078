import { describe, expect, it } from 'vitest';
import { algorithms } from '../../../../src/core/oracles/registry';
import { configFits, configKey } from '../../../../src/core/space';
import { Study } from '../../../../src/core/study';
import { Rng } from '../../../../src/core/rng';
import type { SearchSpace } from '../../../../src/core/space/types';
import { settingsFor, simulate, testSpace } from '../../support/simulate';

const tinySpace: SearchSpace = {
  params: [
    { kind: 'choice', name: 'act', values: ['relu', 'tanh'] },
    { kind: 'boolean', name: 'flag' },
  ],
};

describe.each(algorithms.map((a) => [a.id] as const))('oracle contract: %s', (algorithm) => {
  const tuner = { algorithm, maxTrials: 24, epochs: 5, maxEpochs: 9, factor: 3, minEpochs: 1, gridPoints: 3 };

  it('proposes only configs inside the space, with only active parameters', () => {
    const { study } = simulate(new Study(settingsFor(tuner)), { parallel: 3 });
    expect(study.trials.length).toBeGreaterThan(0);
    for (const t of study.trials)
      expect(configFits(testSpace, t.config), JSON.stringify(t.config)).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const run = (seed: number) =>
      simulate(new Study(settingsFor(tuner, { seed }))).study.trials.map((t) => [
        configKey(t.config),
        t.resource,
        t.parentId,
      ]);
    expect(run(5)).toEqual(run(5));
    if (algorithm !== 'grid') expect(run(5)).not.toEqual(run(6));
  });

  it('honours max trials and never proposes the same new config twice', () => {
    const { study } = simulate(new Study(settingsFor(tuner)), { parallel: 2 });
    expect(study.trials.length).toBeLessThanOrEqual(tuner.maxTrials);
    const fresh = study.trials.filter((t) => t.parentId === undefined).map((t) => configKey(t.config));
    expect(new Set(fresh).size).toBe(fresh.length);
  });

  it('survives failed trials and terminates', () => {
    const { study, done } = simulate(new Study(settingsFor(tuner)), {
      parallel: 2,
      failWhen: (t) => t.number % 3 === 1,
    });
    expect(done).toBeTruthy();
    expect(study.trials.some((t) => t.state === 'failed')).toBe(true);
    expect(study.trials.some((t) => t.state === 'completed')).toBe(true);
    expect(study.best()?.state).toBe('completed');
    for (const t of study.trials) expect(['completed', 'failed']).toContain(t.state);
  });

  it('says when the space is exhausted', () => {
    const { study, done } = simulate(
      new Study(settingsFor({ ...tuner, maxTrials: 50 }, { space: tinySpace })),
    );
    const fresh = study.trials.filter((t) => t.parentId === undefined).map((t) => configKey(t.config));
    expect(new Set(fresh).size).toBe(fresh.length);
    expect(fresh.length).toBeLessThanOrEqual(4);
    if (!algorithms.find((a) => a.id === algorithm)!.multiFidelity)
      expect(done).toBe('search space exhausted');
  });

  it('restores a half-run study exactly from its JSON and carries on identically', () => {
    const live = new Study(settingsFor(tuner, { seed: 3 }));
    simulate(live, { maxSteps: 7 });
    const saved = JSON.parse(JSON.stringify(live.toJSON()));
    const restored = Study.restore(saved);
    expect(restored.toJSON()).toEqual(saved);
    const a = simulate(live, { rng: new Rng(4) }).study.toJSON();
    const b = simulate(restored, { rng: new Rng(4) }).study.toJSON();
    expect(b).toEqual(a);
  });

  it('re-runs trials that were in flight when the study was saved', () => {
    const live = new Study(settingsFor(tuner, { seed: 8 }));
    const first = live.next();
    expect(first.kind).toBe('trial');
    const restored = Study.restore(JSON.parse(JSON.stringify(live.toJSON())));
    const again = restored.next();
    expect(again.kind === 'trial' && again.trial.id).toBe(first.kind === 'trial' && first.trial.id);
  });
});
