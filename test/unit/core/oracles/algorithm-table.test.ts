import { describe, expect, it } from 'vitest';
import { decodeSetup, encodeSetup } from '../../../../src/app/url-state';
import { defaultSetup } from '../../../../src/core/experiment';
import { activeSettings, algorithms, usesSetting } from '../../../../src/core/oracles/registry';
import {
  TUNER_SETTING_KEYS,
  TUNER_SETTINGS,
  defaultTunerSettings,
} from '../../../../src/core/oracles/settings';
import { ALGORITHMS } from '../../../../src/core/oracles/types';
import { acceptsNumber, choiceValues } from '../../../../src/core/setting-descriptors';
import { budgetPlan, plannedWork } from '../../../../src/core/planned-work';
import { courseSearchSpace } from '../../../../src/core/space';

describe('the algorithm table', () => {
  it('defines every algorithm id once', () => {
    expect(algorithms.map((a) => a.id).sort()).toEqual([...ALGORITHMS].sort());
  });

  it.each(TUNER_SETTING_KEYS)('setting %s: its default is a value it accepts', (key) => {
    const setting = TUNER_SETTINGS[key];
    const value = defaultTunerSettings[key];
    if (setting.kind === 'number') expect(acceptsNumber(setting, value as number)).toBe(true);
    else expect((choiceValues(setting) as unknown[]).includes(value)).toBe(true);
  });

  it('uses every tuner setting in at least one algorithm', () => {
    const used = new Set<string>();
    for (const a of algorithms) {
      for (const budget of ['epochs', 'data'] as const) {
        for (const acquisition of ['ucb', 'ei'] as const) {
          const input = {
            space: courseSearchSpace(),
            tuner: { ...defaultTunerSettings, algorithm: a.id, acquisition },
            budget,
          };
          for (const s of activeSettings(input)) used.add(s.key);
        }
      }
    }
    expect([...used].sort()).toEqual([...TUNER_SETTING_KEYS].sort());
  });

  it('plans multi-fidelity algorithms in rounds or rungs, the others as flat trials', () => {
    for (const a of algorithms) {
      const setup = defaultSetup();
      setup.study.tuner.algorithm = a.id;
      const plan = budgetPlan(setup.study);
      expect(plan.kind === 'flat').toBe(!a.multiFidelity);
      expect(plannedWork(setup.study).trials).toBeGreaterThan(0);
    }
  });

  it('says how many trials the model-based tuners draw at random first', () => {
    const input = { space: courseSearchSpace(), tuner: { ...defaultTunerSettings, initialPoints: 7 } };
    for (const a of algorithms) {
      if (a.initialRandomTrials) expect(a.initialRandomTrials(input)).toBe(7);
    }
    expect(algorithms.filter((a) => a.initialRandomTrials).map((a) => a.id)).toEqual(['bayesian', 'tpe']);
  });
});

describe('a shared link carries every setting an algorithm uses', () => {
  const cases = algorithms.flatMap((a) =>
    (['epochs', 'data'] as const).flatMap((budget) => {
      const setup = defaultSetup();
      setup.study.tuner.algorithm = a.id;
      setup.study.budget = budget;
      return activeSettings(setup.study).map((s) => [a.id, budget, s.key] as const);
    }),
  );

  it.each(cases)('%s (%s budget): %s', (algorithm, budget, key) => {
    const setup = defaultSetup();
    setup.study.tuner.algorithm = algorithm;
    setup.study.budget = budget;
    const setting = TUNER_SETTINGS[key];
    // A value other than the default that keeps the setup valid (min epochs must stay ≤ max epochs).
    const other =
      setting.kind === 'choice'
        ? choiceValues(setting).find((v) => v !== defaultTunerSettings[key])
        : !setting.integer
          ? (setting.min + setting.max) / 2
          : setting.min + 1 !== defaultTunerSettings[key]
            ? setting.min + 1
            : setting.max;
    (setup.study.tuner as unknown as Record<string, unknown>)[key] = other;
    expect(usesSetting(setup.study, key)).toBe(true);
    const decoded = decodeSetup(encodeSetup(setup));
    expect(decoded.notices).toEqual([]);
    expect(decoded.setup.study.tuner[key]).toBe(other);
  });

  it('refuses a value outside the range the panel allows, naming the range', () => {
    const decoded = decodeSetup('#tuner=hyperband&iterations=11');
    expect(decoded.setup.study.tuner.iterations).toBe(defaultTunerSettings.iterations);
    expect(decoded.notices.join(' ')).toMatch(/iterations.*whole number from 1 to 10/);
  });
});
