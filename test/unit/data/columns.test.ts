import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCsv, type LoadOptions } from '../../../src/data';

const fixture = (file: string) =>
  readFileSync(new URL(`../../fixtures/csv/${file}`, import.meta.url), 'utf8');

function load(file: string, options: Partial<LoadOptions> = {}) {
  const result = loadCsv(fixture(file), { fileName: file, seed: 5, ...options });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function csv(lines: string[]) {
  return lines.join('\n');
}

describe('column inference and encoding', () => {
  it('counts every spelling of missing and imputes with the training rows’ median and mode', () => {
    const { analysis, dataset } = load('missing-values.csv');
    const column = (name: string) => analysis.columns.find((c) => c.name === name);
    expect(column('age')).toMatchObject({ type: 'numeric', role: 'feature', missing: 5 });
    expect(column('colour')).toMatchObject({ type: 'categorical', role: 'feature', missing: 3, distinct: 3 });
    expect(column('score')).toMatchObject({ type: 'numeric', missing: 2 });

    const raw = fixture('missing-values.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const present = Array.from(dataset.splits.train, (r) => raw[r][0]).filter(
      (c) => !['?', 'NA', 'nan', 'NULL', ''].includes(c),
    );
    const sorted = present.map(Number).sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    expect(sorted.length).toBeGreaterThan(0);
    expect(column('age')?.imputedWith).toBe(median);

    const ageIndex = dataset.featureNames.indexOf('age');
    const { mean, std } = dataset.scaler;
    const rowWithQuestionMark = 1;
    expect(dataset.x[rowWithQuestionMark * dataset.features + ageIndex]).toBeCloseTo(
      (median - mean[ageIndex]) / std[ageIndex],
      5,
    );
    expect(['red', 'blue', 'green']).toContain(column('colour')?.imputedWith);
  });

  it('one-hot encodes a categorical column as column=value, one 1 per row', () => {
    const { analysis, dataset } = load('categorical.csv');
    expect(dataset.featureNames).toEqual(['shape=circle', 'shape=square', 'shape=triangle', 'size']);
    expect(analysis.columns.find((c) => c.name === 'shape')?.encodedAs).toEqual([
      'shape=circle',
      'shape=square',
      'shape=triangle',
    ]);
    const { mean, std } = dataset.scaler;
    for (let r = 0; r < dataset.rows; r++) {
      const raw = [0, 1, 2].map((f) => dataset.x[r * dataset.features + f] * std[f] + mean[f]);
      for (const v of raw) expect(Math.abs(v - Math.round(v))).toBeLessThan(1e-4);
      expect(raw.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    // row 0 is a square
    expect(dataset.x[1] * std[1] + mean[1]).toBeCloseTo(1, 5);
  });

  it('leaves out a categorical column over the cardinality cap with the reason, and keeps it under a higher cap', () => {
    const capped = load('categorical.csv');
    expect(capped.analysis.columns.find((c) => c.name === 'code')).toMatchObject({
      role: 'ignored',
      distinct: 25,
      reason: 'nearly every row has its own value (25 different): free text or an identifier, not categories',
    });
    const wide = load('categorical.csv', { cardinalityCap: 30 });
    expect(wide.dataset.features).toBe(4 + 25);
    expect(load('categorical.csv', { cardinalityCap: 2 }).dataset.featureNames).toEqual(['size']);
  });

  it('leaves out identifiers by name, constants, all-missing columns and columns the user names', () => {
    const { analysis } = load('categorical.csv');
    expect(analysis.columns.find((c) => c.name === 'id')?.reason).toMatch(/identifier/);
    const text = csv([
      'PatientID,acid,flat,gone,keep,label',
      ...Array.from({ length: 12 }, (_, i) => `${i % 5},${i % 4},7,,${(i * 3) % 7},${i % 2}`),
    ]);
    const result = loadCsv(text, { fileName: 't.csv', seed: 1, ignore: ['acid'] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const reasons = Object.fromEntries(result.value.analysis.columns.map((c) => [c.name, c.reason]));
    expect(reasons.PatientID).toMatch(/identifier/);
    expect(reasons.acid).toBe('left out by you');
    expect(reasons.flat).toBe('constant: every value is "7", so it cannot help');
    expect(reasons.gone).toBe('every value is missing');
    expect(result.value.analysis.columns.find((c) => c.name === 'gone')?.type).toBe('empty');
    const kept = loadCsv(text, { fileName: 't.csv', seed: 1 });
    expect(kept.ok && kept.value.dataset.featureNames).toEqual(['acid', 'keep']);
    expect(result.value.dataset.featureNames).toEqual(['keep']);
  });

  it('reads a rare text cell in a numeric column as missing and warns with its row and column', () => {
    const { analysis } = load('mostly-numeric.csv');
    expect(analysis.columns[0]).toMatchObject({ name: 'reading', type: 'numeric', missing: 1 });
    expect(analysis.warnings).toContain(
      'mostly-numeric.csv, row 13, column "reading": "broken" is not a number; 1 such cell(s) in this mostly numeric column (rows 13) were treated as missing.',
    );
  });

  it('treats a column with many text cells as categorical and says why', () => {
    const { analysis } = load('mixed-column.csv');
    expect(analysis.columns[0]).toMatchObject({ name: 'level', type: 'categorical' });
    expect(analysis.warnings.join('\n')).toMatch(
      /row 4, column "level": "high" is not a number; only 80% of this column are numbers/,
    );
  });

  it('binary: any two labels; numbers and yes/no keep their natural positive class, otherwise the rarer one is positive', () => {
    const rows = (labels: string[]) => csv(['a,b,y', ...labels.map((l, i) => `${i},${(i * 7) % 5},${l}`)]);
    const classNames = (labels: string[]) => {
      const r = loadCsv(rows(labels), { fileName: 'b.csv', seed: 1 });
      return r.ok ? [r.value.dataset.task, ...r.value.dataset.classNames] : r.error.message;
    };
    const many = (a: string, na: number, b: string, nb: number) => [
      ...Array(na).fill(a),
      ...Array(nb).fill(b),
    ];
    expect(classNames(many('1', 9, '0', 3))).toEqual(['binary', '0', '1']);
    expect(classNames(many('2', 9, '-1', 3))).toEqual(['binary', '-1', '2']);
    expect(classNames(many('Yes', 3, 'No', 9))).toEqual(['binary', 'No', 'Yes']);
    expect(classNames(many('true', 9, 'false', 3))).toEqual(['binary', 'false', 'true']);
    expect(classNames(many('B', 8, 'M', 4))).toEqual(['binary', 'B', 'M']);
    expect(classNames(many('cat', 4, 'dog', 8))).toEqual(['binary', 'dog', 'cat']);
    expect(classNames(many('cat', 6, 'dog', 6))).toEqual(['binary', 'cat', 'dog']);
  });

  it('multiclass for up to 20 text or whole-number values, regression for other numbers (raw y)', () => {
    const grades = csv([
      'a,b,grade',
      ...Array.from({ length: 30 }, (_, i) => `${i},${i % 4},${(i % 5) + 3}`),
    ]);
    const g = loadCsv(grades, { fileName: 'g.csv', seed: 1 });
    expect(g.ok && g.value.dataset.task).toBe('multiclass');
    expect(g.ok && g.value.dataset.classNames).toEqual(['3', '4', '5', '6', '7']);
    const { dataset, analysis } = load('regression.csv');
    expect(dataset.task).toBe('regression');
    expect(dataset.classNames).toEqual([]);
    expect(analysis.classCounts).toEqual([]);
    expect(dataset.y[0]).toBeCloseTo(100, 4);
    expect(dataset.y[29]).toBeCloseTo(100 + 29 * 3.7 + 0.22, 3);
  });

  it('lets the caller choose the target (case-insensitively) and drops rows without a target value', () => {
    const text = csv([
      'a,label,b',
      ...Array.from({ length: 14 }, (_, i) => `${i},${i === 4 ? 'NA' : i % 2},${i * 3}`),
    ]);
    const result = loadCsv(text, { fileName: 'choose.csv', seed: 1, target: 'LABEL' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.dataset.targetName).toBe('label');
    expect(result.value.dataset.featureNames).toEqual(['a', 'b']);
    expect(result.value.dataset.rows).toBe(13);
    expect(result.value.analysis.rowsRead).toBe(14);
    expect(result.value.analysis.columns[1]).toMatchObject({ role: 'target', missing: 1 });
    expect(result.value.analysis.warnings).toContain(
      'choose.csv: 1 row has no value in the target column "label" and was left out (row 6).',
    );
  });

  it('a text cell in a numeric target drops that row and says so', () => {
    const text = csv([
      'a,b,price',
      ...Array.from({ length: 40 }, (_, i) => `${i},${i % 3},${i === 7 ? 'n/a' : 10 + i * 1.25}`),
    ]);
    const result = loadCsv(text, { fileName: 'prices.csv', seed: 1 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.dataset.task).toBe('regression');
    expect(result.value.dataset.rows).toBe(39);
    expect(result.value.analysis.warnings[0]).toMatch(
      /^prices.csv, row 9, column "price": "n\/a" is not a number/,
    );
  });

  it('analysis shows the first 10 raw rows under the column names', () => {
    const { analysis } = load('missing-values.csv');
    expect(analysis.preview.header).toEqual(['age', 'colour', 'score', 'label']);
    expect(analysis.preview.rows).toHaveLength(10);
    expect(analysis.preview.rows[1]).toEqual(['?', 'blue', '1.5', 'yes']);
    expect(analysis.rowsUsed).toBe(20);
  });
});
