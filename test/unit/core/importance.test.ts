import { describe, expect, it } from 'vitest';
import { importance, type ImportanceRow } from '../../../src/core/importance';
import { Rng } from '../../../src/core/rng';
import type { Param } from '../../../src/core/space';

const params: Param[] = [
  { kind: 'float', name: 'learning_rate', min: 1e-4, max: 1e-1, sampling: 'log' },
  { kind: 'int', name: 'units', min: 32, max: 512, step: 32 },
  { kind: 'choice', name: 'optimizer', values: ['adam', 'sgd', 'rmsprop'] },
  { kind: 'fixed', name: 'batch_size', value: 32 },
];

/** The score depends strongly on the learning rate, slightly on the optimizer, not at all on units. */
function rows(n: number, seed: number): ImportanceRow[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => {
    const lr = 1e-4 * Math.pow(1000, rng.next());
    const units = 32 * rng.int(1, 16);
    const optimizer = rng.pick(['adam', 'sgd', 'rmsprop']);
    const score =
      0.5 +
      0.4 * Math.exp(-((Math.log10(lr) + 2.5) ** 2)) +
      (optimizer === 'sgd' ? -0.03 : 0) +
      rng.normal(0, 0.005);
    return { config: { learning_rate: lr, units, optimizer, batch_size: 32 }, score };
  });
}

const byName = (result: { name: string; importance: number }[]) =>
  Object.fromEntries(result.map((r) => [r.name, r.importance]));

describe('hyperparameter importance (fANOVA on a random forest)', () => {
  it('gives most of the importance to the parameter the score depends on', () => {
    const result = byName(importance(params, rows(60, 1), { seed: 3 }));
    expect(result.learning_rate).toBeGreaterThan(0.7);
    expect(result.learning_rate).toBeGreaterThan(5 * result.units);
  });

  it('approaches the analytic variance shares of additive effects as data grows', () => {
    const space: Param[] = [
      { kind: 'float', name: 'a', min: 0, max: 1 },
      { kind: 'float', name: 'b', min: 0, max: 1 },
      { kind: 'choice', name: 'c', values: ['x', 'y', 'z'] },
    ];
    const rng = new Rng(1);
    const data = Array.from({ length: 200 }, () => {
      const [a, b, c] = [rng.next(), rng.next(), rng.pick(['x', 'y', 'z'])];
      return {
        config: { a, b, c },
        score: (a > 0.5 ? 1 : 0) + 0.5 * (b > 0.5 ? 1 : 0) + (c === 'y' ? 1 : 0),
      };
    });
    // Variances 1/4, 1/16 and 2/9 → shares 0.47, 0.12, 0.42.
    const result = byName(importance(space, data, { seed: 1 }));
    expect(Math.abs(result.a - 0.47)).toBeLessThan(0.1);
    expect(Math.abs(result.b - 0.12)).toBeLessThan(0.1);
    expect(Math.abs(result.c - 0.42)).toBeLessThan(0.1);
  });

  it('covers the tunable parameters only, sorted, summing to 1', () => {
    const result = importance(params, rows(30, 2), { seed: 1 });
    expect(result.map((r) => r.name).sort()).toEqual(['learning_rate', 'optimizer', 'units']);
    for (let i = 1; i < result.length; i++)
      expect(result[i - 1].importance).toBeGreaterThanOrEqual(result[i].importance);
    expect(result.reduce((s, r) => s + r.importance, 0)).toBeCloseTo(1, 10);
    for (const r of result) expect(r.importance).toBeGreaterThanOrEqual(0);
  });

  it('is deterministic for a seed', () => {
    const data = rows(25, 5);
    expect(importance(params, data, { seed: 9 })).toEqual(importance(params, data, { seed: 9 }));
  });

  it('swapping which parameter matters swaps the ranking', () => {
    const rng = new Rng(11);
    const data = Array.from({ length: 50 }, () => {
      const lr = 1e-4 * Math.pow(1000, rng.next());
      const units = 32 * rng.int(1, 16);
      return {
        config: { learning_rate: lr, units, optimizer: 'adam' },
        score: units / 512 + rng.normal(0, 0.002),
      };
    });
    const result = importance(params, data, { seed: 2 });
    expect(result[0].name).toBe('units');
    expect(result[0].importance).toBeGreaterThan(0.8);
  });

  it('handles conditional parameters that are inactive in some rows', () => {
    const conditional: Param[] = [
      { kind: 'int', name: 'layers', min: 1, max: 3 },
      {
        kind: 'int',
        name: 'units_2',
        min: 32,
        max: 256,
        step: 32,
        condition: { parent: 'layers', values: [3] },
      },
      { kind: 'float', name: 'dropout', min: 0, max: 0.5 },
    ];
    const rng = new Rng(4);
    const data = Array.from({ length: 40 }, () => {
      const layers = rng.int(1, 3);
      const config: Record<string, number> = { layers, dropout: rng.next() * 0.5 };
      if (layers === 3) config.units_2 = 32 * rng.int(1, 8);
      const score = layers === 3 ? 0.6 + (config.units_2 / 256) * 0.3 : 0.6;
      return { config, score: score + rng.normal(0, 0.002) };
    });
    const result = byName(importance(conditional, data, { seed: 1 }));
    expect(result.units_2 + result.layers).toBeGreaterThan(0.8);
    expect(result.dropout).toBeLessThan(0.15);
  });

  it('returns zeros when the scores do not vary or there are too few rows', () => {
    const flat = rows(10, 6).map((r) => ({ ...r, score: 0.7 }));
    expect(importance(params, flat).every((r) => r.importance === 0)).toBe(true);
    expect(importance(params, rows(1, 7)).every((r) => r.importance === 0)).toBe(true);
    expect(importance(params, [])).toHaveLength(3);
  });
});
