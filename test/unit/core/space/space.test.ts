import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/rng';
import {
  completeConfig,
  configFits,
  configKey,
  courseSearchSpace,
  enumerateConfigs,
  fromUnit,
  gridSize,
  isActive,
  paramValues,
  sampleConfig,
  spaceSize,
  SpaceError,
  steppedGrid,
  toUnit,
  validateSpace,
  type Param,
  type SearchSpace,
} from '../../../../src/core/space';

describe('exact value grids', () => {
  it('keeps the end point Keras Tuner loses: Float(0, 0.3, step 0.1)', () => {
    expect(paramValues({ kind: 'float', name: 'dropout', min: 0, max: 0.3, step: 0.1 })).toEqual([
      0, 0.1, 0.2, 0.3,
    ]);
  });
  it('Int(32, 512, step 128) is {32, 160, 288, 416}', () => {
    expect(paramValues({ kind: 'int', name: 'units', min: 32, max: 512, step: 128 })).toEqual([
      32, 160, 288, 416,
    ]);
  });
  it('is exact for awkward decimals', () => {
    expect(steppedGrid(0.1, 0.7, 0.2)).toEqual([0.1, 0.3, 0.5, 0.7]);
    expect(steppedGrid(1e-4, 5e-4, 1e-4)).toEqual([1e-4, 2e-4, 3e-4, 4e-4, 5e-4]);
    expect(steppedGrid(0, 1, 0.25)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
  it('a grid remembered for a parameter follows its bounds when they change, and lists stay copies', () => {
    const units = { kind: 'int' as const, name: 'units', min: 32, max: 512, step: 128 };
    expect(fromUnit(units, 0.99)).toBe(416);
    units.max = 640;
    expect(fromUnit(units, 0.99)).toBe(544);
    units.step = 32;
    expect(toUnit(units, 64)).toBeCloseTo((1 + 0.5) / 20);
    const listed = paramValues(units)!;
    listed.push(-1);
    expect(paramValues(units)).toHaveLength(20);
  });

  it('continuous floats have no value list; choices and booleans do', () => {
    expect(paramValues({ kind: 'float', name: 'lr', min: 1e-4, max: 1e-2, sampling: 'log' })).toBeNull();
    expect(paramValues({ kind: 'choice', name: 'opt', values: ['adam', 'rmsprop'] })).toEqual([
      'adam',
      'rmsprop',
    ]);
    expect(paramValues({ kind: 'boolean', name: 'b' })).toEqual([false, true]);
    expect(paramValues({ kind: 'fixed', name: 'f', value: 'relu' })).toEqual(['relu']);
  });
});

describe('validation names the parameter', () => {
  const bad: [Param[], RegExp][] = [
    [[{ kind: 'int', name: 'units', min: 10, max: 2 }], /units: min \(10\) is greater than max \(2\)/],
    [[{ kind: 'int', name: 'units', min: 1, max: 20, step: 0 }], /units: step must be a positive integer/],
    [[{ kind: 'float', name: 'lr', min: 0, max: 1, step: -0.1 }], /lr: step must be greater than 0/],
    [[{ kind: 'float', name: 'lr', min: 0, max: 1, sampling: 'log' }], /lr: log sampling needs min > 0/],
    [[{ kind: 'choice', name: 'opt', values: [] }], /opt: a choice needs at least one value/],
    [
      [{ kind: 'int', name: 'u', min: 1, max: 2, condition: { parent: 'layers', values: [3] } }],
      /u: its condition refers to "layers"/,
    ],
    [
      [
        { kind: 'int', name: 'a', min: 1, max: 2 },
        { kind: 'int', name: 'a', min: 1, max: 2 },
      ],
      /a: the name is used twice/,
    ],
  ];
  it.each(bad)('rejects %#', (params, message) => {
    expect(() => validateSpace({ params })).toThrow(SpaceError);
    expect(() => validateSpace({ params })).toThrow(message);
  });
  it('accepts a condition that can never hold: the parameter is simply inactive (layers fixed at 2)', () => {
    const space = courseSearchSpace();
    space.params[0] = { kind: 'fixed', name: 'layers', value: 2 };
    expect(() => validateSpace(space)).not.toThrow();
    const config = sampleConfig(space, new Rng(1));
    expect(config.units_2).toBeUndefined();
    expect(config.units_1).toBeDefined();
  });
  it('accepts the course preset', () => {
    expect(() => validateSpace(courseSearchSpace())).not.toThrow();
  });
});

describe('conditions', () => {
  const space = courseSearchSpace();
  it('units_3 exists only when layers ≥ 4', () => {
    const units3 = space.params.find((p) => p.name === 'units_3')!;
    expect(isActive(units3, { layers: 3 })).toBe(false);
    expect(isActive(units3, { layers: 4 })).toBe(true);
    expect(isActive(units3, { layers: 6 })).toBe(true);
  });
  it('sampled configs hold exactly the active parameters', () => {
    const rng = new Rng(7);
    for (let i = 0; i < 200; i++) {
      const config = sampleConfig(space, rng);
      const layers = config.layers as number;
      for (let l = 0; l < 6; l++) expect(`units_${l}` in config).toBe(l < layers);
      expect(configFits(space, config)).toBe(true);
      expect(config.batch_size).toBe(32);
    }
  });
  it('completeConfig drops inactive parameters and fills fixed ones', () => {
    const c = completeConfig(space, { layers: 2, units_0: 160, units_5: 416, learning_rate: 0.001 });
    expect(c.units_5).toBeUndefined();
    expect(c.units_0).toBe(160);
    expect(c.activation).toBe('relu');
    expect(configFits(space, c)).toBe(true);
  });
});

describe('size and grid', () => {
  it('counts conditional configs exactly', () => {
    const space: SearchSpace = {
      params: [
        { kind: 'int', name: 'layers', min: 1, max: 2 },
        { kind: 'choice', name: 'u0', values: [1, 2, 3] },
        { kind: 'choice', name: 'u1', values: [1, 2], condition: { parent: 'layers', values: [2] } },
      ],
    };
    expect(spaceSize(space)).toBe(3 + 3 * 2);
    const all = [...enumerateConfigs(space, 3)];
    expect(all).toHaveLength(9);
    expect(new Set(all.map(configKey)).size).toBe(9);
    expect(gridSize(space, 3)).toBe(9);
  });
  it('says continuous when a float has no step', () => {
    expect(spaceSize(courseSearchSpace())).toBe('continuous');
    expect(gridSize(courseSearchSpace(), 3)).toBeGreaterThan(1000);
  });
});

describe('unit-cube transforms', () => {
  const params: Param[] = [
    { kind: 'float', name: 'lr', min: 1e-4, max: 1e-1, sampling: 'log' },
    { kind: 'float', name: 'r', min: 1e-3, max: 1, sampling: 'reverse_log' },
    { kind: 'float', name: 'd', min: 0, max: 0.3, step: 0.1 },
    { kind: 'int', name: 'u', min: 32, max: 512, step: 128 },
    { kind: 'int', name: 'n', min: 1, max: 1000, sampling: 'log' },
    { kind: 'choice', name: 'c', values: ['a', 'b', 'c'] },
    { kind: 'boolean', name: 'b' },
  ];
  it.each(params.map((p) => [p.name, p] as const))('%s round-trips through [0, 1]', (_name, p) => {
    const rng = new Rng(3);
    for (let i = 0; i < 100; i++) {
      const u = rng.next();
      const v = fromUnit(p, u);
      const back = toUnit(p, v);
      expect(back).toBeGreaterThanOrEqual(0);
      expect(back).toBeLessThanOrEqual(1);
      const again = fromUnit(p, back);
      if (typeof v === 'number') expect(again as number).toBeCloseTo(v, 9);
      else expect(again).toBe(v);
    }
  });
  it('log sampling spreads evenly over decades', () => {
    const p: Param = { kind: 'float', name: 'lr', min: 1e-4, max: 1e-2, sampling: 'log' };
    expect(fromUnit(p, 0.5) as number).toBeCloseTo(1e-3, 12);
    const rng = new Rng(11);
    let below = 0;
    for (let i = 0; i < 2000; i++) if ((fromUnit(p, rng.next()) as number) < 1e-3) below++;
    expect(below / 2000).toBeGreaterThan(0.45);
    expect(below / 2000).toBeLessThan(0.55);
  });
});

describe('seeded PRNG', () => {
  it('the same seed gives the same stream; another seed does not', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 10 }, () => a.next());
    expect(Array.from({ length: 10 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 10 }, () => c.next())).not.toEqual(sa);
  });
  it('is roughly uniform', () => {
    const rng = new Rng(1);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 10000; i++) bins[Math.floor(rng.next() * 10)]++;
    for (const b of bins) expect(Math.abs(b - 1000)).toBeLessThan(150);
  });
});
