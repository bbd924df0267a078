import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCsv, type DataError } from '../../../src/data';

const fixture = (file: string) =>
  readFileSync(new URL(`../../fixtures/csv/${file}`, import.meta.url), 'utf8');

function errorOf(text: string, fileName: string, options: { target?: string } = {}): DataError {
  const result = loadCsv(text, { fileName, seed: 1, ...options });
  if (result.ok) throw new Error(`${fileName} loaded, but an error was expected`);
  return result.error;
}

const errorFor = (file: string, options: { target?: string } = {}) => errorOf(fixture(file), file, options);

describe('bad input gives a specific error naming file, row and column', () => {
  it('empty file and a file of blank lines', () => {
    expect(errorFor('empty.csv')).toEqual({
      code: 'empty-file',
      file: 'empty.csv',
      message: 'empty.csv is empty.',
    });
    expect(errorFor('blank-lines.csv')).toMatchObject({
      code: 'empty-file',
      message: 'blank-lines.csv is empty.',
    });
  });

  it('header only', () => {
    expect(errorFor('header-only.csv')).toMatchObject({
      code: 'header-only',
      row: 1,
      message: 'header-only.csv has a header row but no data rows.',
    });
  });

  it('a single column', () => {
    expect(errorFor('one-column.csv')).toMatchObject({
      code: 'too-few-columns',
      message: expect.stringMatching(/^one-column.csv has only one column/),
    });
  });

  it('many ragged rows: an error naming the first one and the field counts', () => {
    expect(errorFor('ragged-many.csv')).toEqual({
      code: 'ragged-rows',
      file: 'ragged-many.csv',
      row: 4,
      message:
        'ragged-many.csv: row 4 has 2 fields but 3 were expected (as in row 1); 5 of 20 data rows have the wrong number of fields (rows 4, 8, 11, 14, 20). ' +
        'Check that the file is comma-separated and that text containing a comma is in double quotes.',
    });
  });

  it('a few ragged rows are skipped with a warning that lists them', () => {
    const result = loadCsv(fixture('ragged-few.csv'), { fileName: 'ragged-few.csv', seed: 1 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.dataset.rows).toBe(28);
    expect(result.value.analysis.warnings).toContain(
      'ragged-few.csv: row 5 has 4 fields but 3 were expected (as in row 1); 2 of 30 data rows have the wrong number of fields (rows 5, 17). Those rows were skipped.',
    );
  });

  it('an unclosed quote names the row where it opens', () => {
    expect(errorFor('unclosed-quote.csv')).toMatchObject({
      code: 'unclosed-quote',
      row: 2,
      message: expect.stringContaining('row 2'),
    });
  });

  it('a quote in the middle of a field names its row', () => {
    const text = [
      'a,b,label',
      '1,2,0',
      '"ab"c,2,0',
      ...Array.from({ length: 12 }, (_, i) => `${i},${i},${i % 2}`),
    ].join('\n');
    expect(errorOf(text, 'quotes.csv')).toMatchObject({
      code: 'unclosed-quote',
      row: 3,
      message:
        'quotes.csv: row 3 has a double quote in the middle of a field. A quote must enclose a whole field and be closed.',
    });
  });

  it('single-class target', () => {
    expect(errorFor('single-class.csv')).toEqual({
      code: 'single-class',
      file: 'single-class.csv',
      column: 'label',
      message:
        'single-class.csv: the target column "label" has only one value ("same"); a model needs at least two classes to tell apart.',
    });
  });

  it('an all-missing target is an error; an all-missing feature is only ignored', () => {
    expect(errorFor('target-all-missing.csv')).toMatchObject({
      code: 'target-all-missing',
      column: 'label',
      message: 'target-all-missing.csv: every value of the target column "label" is missing.',
    });
    const ok = loadCsv(fixture('all-missing-column.csv'), { fileName: 'all-missing-column.csv', seed: 1 });
    expect(ok.ok && ok.value.analysis.columns[1]).toMatchObject({
      name: 'empty',
      role: 'ignored',
      reason: 'every value is missing',
    });
  });

  it('Infinity and an overflowing number name row and column', () => {
    expect(errorFor('infinity.csv')).toEqual({
      code: 'non-finite',
      file: 'infinity.csv',
      row: 8,
      column: 'a',
      message:
        'infinity.csv, row 8, column "a": "Infinity" is not a finite number. Replace it with a real value, or leave the cell empty to have it filled in.',
    });
    expect(errorFor('overflow.csv')).toMatchObject({
      code: 'non-finite',
      row: 11,
      column: 'b',
      message: expect.stringContaining('"1e999"'),
    });
  });

  it('binary content: NUL bytes, a ZIP (xlsx) signature, unreadable characters', () => {
    expect(errorOf('a,b\u0000\u0001\n1,2', 'data.bin')).toMatchObject({
      code: 'binary-file',
      message: expect.stringMatching(/^data.bin contains binary data \(a NUL byte at character 4\)/),
    });
    expect(errorOf('PK\u0003\u0004\u0014\u0000', 'book.xlsx').message).toMatch(
      /^book.xlsx is a ZIP archive \(an Excel .xlsx/,
    );
    const garbage = Array.from({ length: 400 }, (_, i) =>
      i % 3 === 0 ? '\ufffd' : i % 3 === 1 ? '\u0007' : 'x',
    ).join('');
    expect(errorOf(garbage, 'noise.csv')).toMatchObject({
      code: 'binary-file',
      message: expect.stringContaining('unreadable characters'),
    });
  });

  it('fewer than 10 usable rows', () => {
    expect(errorFor('too-few-rows.csv')).toMatchObject({
      code: 'too-few-rows',
      message: 'too-few-rows.csv has only 6 usable rows; at least 10 are needed to train, validate and test.',
    });
  });

  it('an unknown target column lists the columns there are', () => {
    expect(errorFor('bom.csv', { target: 'price' })).toMatchObject({
      code: 'unknown-column',
      column: 'price',
      message: 'bom.csv has no column "price". Its columns are: a, b, target.',
    });
  });

  it('a text target where most rows have their own value: names, not classes', () => {
    const text = ['a,b,name', ...Array.from({ length: 30 }, (_, i) => `${i},${i % 3},person${i}`)].join('\n');
    expect(errorOf(text, 'names.csv', { target: 'name' })).toMatchObject({
      code: 'too-many-classes',
      column: 'name',
      message: expect.stringContaining(
        '30 different text values in 30 rows: names or free text, not classes',
      ),
    });
  });

  it('no usable features', () => {
    const text = ['id,flat,label', ...Array.from({ length: 12 }, (_, i) => `${i},1,${i % 2}`)].join('\n');
    expect(errorOf(text, 'bare.csv')).toMatchObject({
      code: 'no-features',
      message: expect.stringMatching(
        /^bare.csv has no usable feature columns besides the target "label" \("id": .*identifier.*; "flat": constant/,
      ),
    });
  });

  it('bad split options', () => {
    const result = loadCsv(fixture('bom.csv'), {
      fileName: 'bom.csv',
      seed: 1,
      splits: { train: 0.5, validation: 0.5, test: 0.5 },
    });
    expect(!result.ok && result.error).toMatchObject({
      code: 'bad-options',
      message: 'Cannot split bom.csv: the split fractions add up to 1.5, not 1.',
    });
    const folds = loadCsv(fixture('bom.csv'), { fileName: 'bom.csv', seed: 1, folds: 1 });
    expect(!folds.ok && folds.error.code).toBe('bad-options');
  });
});
