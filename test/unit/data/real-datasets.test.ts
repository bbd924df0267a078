import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CATALOGUE,
  catalogueEntry,
  catalogueLoadOptions,
  loadCsv,
  UCI_ATTRIBUTION,
  type CsvCatalogueEntry,
} from '../../../src/data';

const read = (file: string) =>
  readFileSync(new URL(`../../../public/datasets/${file}`, import.meta.url), 'utf8');

function loadEntry(id: string, seed = 1) {
  const entry = catalogueEntry(id) as CsvCatalogueEntry;
  const result = loadCsv(read(entry.fileName), { ...catalogueLoadOptions(entry), seed });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('built-in datasets', () => {
  it('banknote: no header detected, 1372 rows, binary, 4 features', () => {
    const auto = loadCsv(read('banknote_authentication.csv'), {
      fileName: 'banknote_authentication.csv',
      seed: 1,
    });
    expect(auto.ok).toBe(true);
    if (!auto.ok) return;
    expect(auto.value.analysis.hasHeader).toBe(false);
    expect(auto.value.analysis.columns.map((c) => c.name)).toEqual([
      'column_1',
      'column_2',
      'column_3',
      'column_4',
      'column_5',
    ]);
    expect(auto.value.analysis.warnings.join(' ')).toMatch(/no header row/);
    const { dataset, analysis } = loadEntry('banknote');
    expect(analysis.hasHeader).toBe(false);
    expect(dataset.rows).toBe(1372);
    expect(dataset.task).toBe('binary');
    expect(dataset.features).toBe(4);
    expect(dataset.featureNames).toEqual(['variance', 'skewness', 'curtosis', 'entropy']);
    expect(dataset.targetName).toBe('class');
    expect(dataset.classNames).toEqual(['0', '1']);
    expect(analysis.classCounts).toEqual([762, 610]);
  });

  it('breast cancer: id ignored with a reason, diagnosis is the binary target with M positive, 30 features', () => {
    const { dataset, analysis } = loadEntry('breast-cancer');
    const id = analysis.columns.find((c) => c.name === 'id');
    expect(id?.role).toBe('ignored');
    expect(id?.reason).toMatch(/identifier/);
    expect(analysis.columns.find((c) => c.name === 'diagnosis')?.role).toBe('target');
    expect(dataset.task).toBe('binary');
    expect(dataset.features).toBe(30);
    expect(dataset.featureNames).not.toContain('id');
    expect(dataset.featureNames).toContain('concave points_mean');
    expect(dataset.classNames).toEqual(['B', 'M']);
    expect(analysis.classCounts).toEqual([357, 212]);
    expect(dataset.rows).toBe(569);
  });

  it('breast cancer: the unsorted whole-number id is caught by its values too when renamed', () => {
    const text = read('breast_cancer.csv').replace('"id"', '"patient"');
    const result = loadCsv(text, { fileName: 'breast_cancer.csv', target: 'diagnosis', seed: 1 });
    expect(result.ok && result.value.analysis.columns[0]).toMatchObject({
      role: 'ignored',
      reason: expect.stringMatching(/different whole number/),
    });
    const kept = loadCsv(text, {
      fileName: 'breast_cancer.csv',
      target: 'diagnosis',
      seed: 1,
      include: ['patient'],
    });
    expect(kept.ok && kept.value.dataset.features).toBe(31);
  });

  it('iris: multiclass with 3 classes; values like .2 are numbers', () => {
    const { dataset, analysis } = loadEntry('iris');
    expect(dataset.task).toBe('multiclass');
    expect(dataset.classNames).toEqual(['Setosa', 'Versicolor', 'Virginica']);
    expect(analysis.classCounts).toEqual([50, 50, 50]);
    expect(dataset.features).toBe(4);
    expect(analysis.columns.find((c) => c.name === 'petal_width')?.type).toBe('numeric');
    expect(new Set(dataset.y)).toEqual(new Set([0, 1, 2]));
  });

  it('iris: the default target is the last column, so no target option is needed', () => {
    const result = loadCsv(read('iris.csv'), { fileName: 'iris.csv', seed: 2 });
    expect(result.ok && result.value.dataset.targetName).toBe('variety');
  });

  it('pima: binary 0/1 target with 8 features', () => {
    const { dataset, analysis } = loadEntry('pima-diabetes');
    expect(dataset.task).toBe('binary');
    expect(dataset.classNames).toEqual(['0', '1']);
    expect(analysis.classCounts).toEqual([500, 268]);
    expect(dataset.features).toBe(8);
    expect(dataset.rows).toBe(768);
  });

  it('catalogue: every CSV entry names an existing file, its real row count, task and the attribution', () => {
    const csvEntries = CATALOGUE.filter((e): e is CsvCatalogueEntry => e.kind === 'csv');
    expect(csvEntries.map((e) => e.id)).toEqual(['banknote', 'breast-cancer', 'iris', 'pima-diabetes']);
    for (const entry of csvEntries) {
      expect(entry.url).toBe(`datasets/${entry.fileName}`);
      expect(entry.attribution).toBe(UCI_ATTRIBUTION);
      const { dataset } = loadEntry(entry.id);
      expect(dataset.rows).toBe(entry.rows);
      expect(dataset.task).toBe(entry.task);
      expect(dataset.targetName).toBe(entry.target);
    }
    expect(UCI_ATTRIBUTION).toMatch(
      /UCI Machine Learning Repository.*Dua & Graff.*darenr\/public_datasets.*Apache-2\.0/,
    );
    expect(read('README.md')).toMatch(/Dua & Graff/);
  });

  it('as a user file (no target given), each finds its documented target the same way', () => {
    const auto = (file: string) => {
      const result = loadCsv(read(file), { fileName: file, seed: 1 });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.analysis;
    };
    expect(auto('breast_cancer.csv')).toMatchObject({ target: 'diagnosis', targetChoice: { rule: 'name' } });
    expect(auto('iris.csv')).toMatchObject({ target: 'variety', targetChoice: { rule: 'name' } });
    expect(auto('pima-indians-diabetes.csv')).toMatchObject({
      target: 'target',
      targetChoice: { rule: 'name' },
    });
    // No header, no names: the last column, said to be a guess.
    expect(auto('banknote_authentication.csv')).toMatchObject({
      target: 'column_5',
      targetChoice: { rule: 'last-column', guess: true },
    });
    // Built-in entries name their target: not a guess, and said so.
    expect(loadEntry('iris').analysis.targetChoice).toMatchObject({
      rule: 'given',
      guess: false,
      reason: 'it is the target this dataset documents',
    });
  });

  it('catalogue: lists the five synthetic sets as binary', () => {
    const synthetic = CATALOGUE.filter((e) => e.kind === 'synthetic');
    expect(synthetic.map((e) => e.id)).toEqual(['circle', 'xor', 'gaussian', 'spiral', 'moons']);
    expect(synthetic.every((e) => e.task === 'binary' && e.description.length > 20)).toBe(true);
  });
});
