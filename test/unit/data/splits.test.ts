import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import {
  catalogueEntry,
  catalogueLoadOptions,
  loadCsv,
  type CsvCatalogueEntry,
  type LoadOptions,
} from '../../../src/data';
import { apportion, makeSplits } from '../../../src/data/split';
import { applyScaler, fitScaler } from '../../../src/data/standardise';

function loadBuiltIn(id: string, options: Partial<LoadOptions> = {}) {
  const entry = catalogueEntry(id) as CsvCatalogueEntry;
  const text = readFileSync(new URL(`../../../public/datasets/${entry.fileName}`, import.meta.url), 'utf8');
  const result = loadCsv(text, { ...catalogueLoadOptions(entry), seed: 11, ...options });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.dataset;
}

const classShare = (y: Float32Array, rows: Uint32Array, k: number) =>
  Array.from(rows).filter((r) => y[r] === k).length / rows.length;

describe('splits', () => {
  it('are disjoint, cover every row, sorted, and have the default 70/15/15 sizes', () => {
    const d = loadBuiltIn('pima-diabetes');
    const { train, validation, test } = d.splits;
    const all = [...train, ...validation, ...test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: d.rows }, (_, i) => i));
    expect(test.length).toBe(Math.round(768 * 0.15));
    expect(validation.length).toBe(Math.round(768 * 0.15));
    expect(train.length).toBe(768 - 2 * 115);
    for (const split of [train, validation, test])
      expect(Array.from(split)).toEqual(Array.from(split).sort((a, b) => a - b));
  });

  it('are stratified: each split has the class shares of the whole', () => {
    const d = loadBuiltIn('breast-cancer');
    const whole = Array.from(d.y).filter((v) => v === 1).length / d.rows;
    for (const split of [d.splits.train, d.splits.validation, d.splits.test]) {
      expect(Math.abs(classShare(d.y, split, 1) - whole)).toBeLessThan(0.01);
    }
    const iris = loadBuiltIn('iris');
    for (let k = 0; k < 3; k++)
      expect(Array.from(iris.splits.test).filter((r) => iris.y[r] === k).length).toBeGreaterThanOrEqual(7);
  });

  it('are seeded: the same seed gives the same split, another seed another', () => {
    const a = loadBuiltIn('iris', { seed: 3 });
    const b = loadBuiltIn('iris', { seed: 3 });
    const c = loadBuiltIn('iris', { seed: 4 });
    expect(Array.from(a.splits.test)).toEqual(Array.from(b.splits.test));
    expect(Array.from(a.splits.train)).toEqual(Array.from(b.splits.train));
    expect(Array.from(a.splits.test)).not.toEqual(Array.from(c.splits.test));
  });

  it('honour custom fractions, including no validation split', () => {
    const d = loadBuiltIn('banknote', { splits: { train: 0.8, validation: 0, test: 0.2 } });
    expect(d.splits.validation.length).toBe(0);
    expect(d.splits.test.length).toBe(Math.round(1372 * 0.2));
    expect(d.splits.train.length + d.splits.test.length).toBe(1372);
  });

  it('k-fold: k stratified folds that partition train ∪ validation; test untouched', () => {
    const d = loadBuiltIn('breast-cancer', { folds: 5 });
    const folds = d.splits.folds as Uint32Array[];
    expect(folds).toHaveLength(5);
    const pool = [...d.splits.train, ...d.splits.validation].sort((a, b) => a - b);
    expect(folds.flatMap((f) => Array.from(f)).sort((a, b) => a - b)).toEqual(pool);
    const sizes = folds.map((f) => f.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    const whole = pool.filter((r) => d.y[r] === 1).length / pool.length;
    for (const fold of folds) expect(Math.abs(classShare(d.y, fold, 1) - whole)).toBeLessThan(0.02);
    expect(loadBuiltIn('breast-cancer').splits.folds).toBeUndefined();
  });

  it('regression rows are shuffled as one group', () => {
    const splits = makeSplits(40, null, { train: 0.5, validation: 0.25, test: 0.25 }, new Rng(1));
    expect([splits.train.length, splits.validation.length, splits.test.length]).toEqual([20, 10, 10]);
    expect(Array.from(splits.test)).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('apportion gives exact totals in proportion and never more than a group holds', () => {
    expect(apportion(23, [50, 50, 50])).toEqual([8, 8, 7]);
    expect(apportion(10, [1, 100])).toEqual([0, 10]);
    expect(apportion(5, [2, 1])).toEqual([2, 1]);
    expect(apportion(0, [3, 4])).toEqual([0, 0]);
  });
});

describe('standardisation', () => {
  it('is fitted on the training rows only: train columns have mean 0 and std 1, validation does not exactly', () => {
    const d = loadBuiltIn('pima-diabetes');
    const columnStats = (rows: Uint32Array, f: number) => {
      const values = Array.from(rows, (r) => d.x[r * d.features + f]);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
      return { mean, std };
    };
    for (let f = 0; f < d.features; f++) {
      const train = columnStats(d.splits.train, f);
      expect(train.mean).toBeCloseTo(0, 4);
      expect(train.std).toBeCloseTo(1, 4);
      expect(Math.abs(columnStats(d.splits.validation, f).mean)).toBeGreaterThan(1e-4);
    }
    expect(d.scaler.mean).toHaveLength(d.features);
    expect(d.scaler.std).toHaveLength(d.features);
  });

  it('stores the raw-unit means and stds, so x · std + mean gives back the file values', () => {
    const d = loadBuiltIn('iris');
    expect(d.x[0 * d.features + 3] * d.scaler.std[3] + d.scaler.mean[3]).toBeCloseTo(0.2, 5);
    expect(d.x[0] * d.scaler.std[0] + d.scaler.mean[0]).toBeCloseTo(5.1, 5);
  });

  it('uses std 1 for a feature that is constant on the training rows, and only those rows count', () => {
    // column 0 is constant on rows 0–2 (the training rows) but not on row 3; column 1 varies
    const x = new Float32Array([4, 1, 4, 3, 4, 5, 9, 100]);
    const scaler = fitScaler(x, 2, [0, 1, 2]);
    expect(scaler).toEqual({ mean: [4, 3], std: [1, Math.sqrt(8 / 3)] });
    applyScaler(x, scaler);
    expect(Array.from(x.filter((_, i) => i % 2 === 0))).toEqual([0, 0, 0, 5]);
    expect(x[7]).toBeCloseTo(97 / Math.sqrt(8 / 3), 4);
  });
});
