import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCsv, loadCsvBytes, type DataErrorCode, type Loaded } from '../../../src/data';
import { highCardinalityCsv, largeCsv, manyClassesCsv } from '../../fixtures/generated';

const bytes = (file: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/csv/${file}`, import.meta.url)));
const load = (file: string) => loadCsvBytes(bytes(file), { fileName: file, seed: 1 });

function loaded(file: string, result = load(file)): Loaded {
  if (!result.ok) throw new Error(`${file} should load, got: ${result.error.message}`);
  return result.value;
}

function column(value: Loaded, name: string) {
  const found = value.analysis.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

describe('bad input: files that are refused, each with its own message', () => {
  const refused: [file: string, code: DataErrorCode, words: RegExp][] = [
    ['empty.csv', 'empty-file', /empty\.csv is empty/],
    ['whitespace-only.csv', 'empty-file', /whitespace-only\.csv is empty/],
    ['blank-lines.csv', 'empty-file', /is empty/],
    ['header-only.csv', 'header-only', /has a header row but no data rows/],
    ['one-column.csv', 'too-few-columns', /has only one column.*separated by commas, semicolons or tabs/],
    ['ragged-many.csv', 'ragged-rows', /row 4 has 2 fields but 3 were expected.*in double quotes/],
    ['unclosed-quote.csv', 'unclosed-quote', /a double quote opened in row 2 is never closed/],
    ['single-class.csv', 'single-class', /only one value \("same"\).*at least two classes/],
    ['target-all-missing.csv', 'target-all-missing', /every value of the target column "label" is missing/],
    ['too-few-rows.csv', 'too-few-rows', /only 6 usable rows; at least 10/],
    ['infinity.csv', 'non-finite', /row 8, column "a": "Infinity" is not a finite number/],
    ['overflow.csv', 'non-finite', /row 11, column "b": "1e999" is not a finite number/],
    [
      'huge-number.csv',
      'non-finite',
      /row 8, column "b": "1e308" is too large: training uses 32-bit numbers/,
    ],
    ['binary-garbage.bin', 'binary-file', /binary-garbage\.bin contains binary data.*not a CSV text file/],
    ['xlsx-like.xlsx', 'binary-file', /is a ZIP archive \(an Excel \.xlsx or OpenDocument file\?\)/],
  ];
  it.each(refused)('%s → %s', (file, code, words) => {
    const result = load(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(words);
    expect(result.error.message).toContain(file);
  });

  it('a text target with 1000 classes is refused: too many classes for a classifier, not numbers for regression', () => {
    const result = loadCsv(manyClassesCsv(1000, 'text'), { fileName: 'classes.csv', seed: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('too-many-classes');
    expect(result.error.message).toMatch(
      /"label" has 1000 different text values; classification supports at most 50 classes/,
    );
  });
});

describe('awkward input: files that load, with what was assumed said in words', () => {
  it('a UTF-8 BOM is stripped from the first column name', () => {
    expect(loaded('bom.csv').analysis.columns.map((c) => c.name)).toEqual(['a', 'b', 'target']);
  });

  it.each(['utf16le-bom.csv', 'utf16be-bom.csv'])('%s is decoded by its byte-order mark', (file) => {
    const value = loaded(file);
    expect(value.analysis.columns.map((c) => c.name)).toEqual(['a', 'b', 'label']);
    expect(value.dataset.rows).toBe(15);
  });

  it('UTF-16 without a BOM is recognised by its zero bytes, and the guess is said', () => {
    const value = loaded('utf16le-no-bom.csv');
    expect(value.dataset.rows).toBe(15);
    expect(value.analysis.warnings[0]).toMatch(/no byte-order mark but looks like UTF-16LE text/);
  });

  it('a Windows-1252 file is read as such, with a warning to check accents', () => {
    const value = loaded('latin1.csv');
    expect(value.analysis.preview.rows[0][0]).toBe('naïve');
    expect(value.analysis.warnings[0]).toMatch(/is not UTF-8; it was read as Windows-1252/);
  });

  it.each([
    ['semicolon.csv', ';'],
    ['semicolon-decimal-comma.csv', ';'],
    ['tab-separated.tsv', '\t'],
    ['crlf.csv', ','],
  ])('%s: the delimiter %j is detected', (file, delimiter) => {
    const value = loaded(file);
    expect(value.analysis.delimiter).toBe(delimiter);
    expect(value.analysis.columns.length).toBeGreaterThanOrEqual(3);
  });

  it('decimal commas in a semicolon file are read as decimals', () => {
    expect(column(loaded('semicolon-decimal-comma.csv'), 'height').type).toBe('numeric');
  });

  it('quoted commas and newlines stay inside their field', () => {
    const value = loaded('quoted-fields.csv');
    expect(value.analysis.preview.rows[0][0]).toMatch(/^line one, with comma\r?\nline two 0$/);
    expect(value.analysis.columns.map((c) => c.name)).toEqual(['note', 'x', 'y', 'label']);
  });

  it("'?' and 'NA' are missing, counted, and filled from the training rows", () => {
    const value = loaded('question-marks.csv');
    expect(column(value, 'a')).toMatchObject({ type: 'numeric', missing: 5, role: 'feature' });
    expect(column(value, 'b')).toMatchObject({ type: 'numeric', missing: 4, role: 'feature' });
    expect(column(value, 'a').imputedWith).toEqual(expect.any(Number));
    expect(Array.from(value.dataset.x).every(Number.isFinite)).toBe(true);
  });

  it('NaN cells are missing values, not errors', () => {
    const value = loaded('nan-cells.csv');
    expect(column(value, 'b').missing).toBe(1);
    expect(Array.from(value.dataset.x).every(Number.isFinite)).toBe(true);
  });

  it('an all-missing column and a constant column are left out, each with its reason', () => {
    expect(column(loaded('all-missing-column.csv'), 'empty')).toMatchObject({
      role: 'ignored',
      reason: 'every value is missing',
    });
    expect(column(loaded('constant-column.csv'), 'same')).toMatchObject({
      role: 'ignored',
      reason: 'constant: every value is "7", so it cannot help',
    });
  });

  it('a mostly-numeric column reads the odd text cell as missing, naming it', () => {
    expect(loaded('mostly-numeric.csv').analysis.warnings.join(' ')).toMatch(
      /row 13, column "reading": "broken" is not a number/,
    );
  });

  it('a few ragged rows are skipped with a warning naming them', () => {
    expect(loaded('ragged-few.csv').analysis.warnings.join(' ')).toMatch(
      /rows 5, 17\)\. Those rows were skipped/,
    );
  });

  it('duplicate column names are de-duplicated with a warning naming them', () => {
    const value = loaded('duplicate-columns.csv');
    expect(value.analysis.columns.map((c) => c.name)).toEqual(['x', 'x_2', 'y', 'label']);
    expect(value.analysis.warnings).toContain(
      'duplicate-columns.csv: the column name "x" appears 2 times; the repeats were renamed "x_2".',
    );
  });

  it('formula-like cells are plain text (a categorical feature), never evaluated, and flagged', () => {
    const value = loaded('formula-cells.csv');
    expect(column(value, 'note')).toMatchObject({ type: 'categorical', role: 'feature', distinct: 4 });
    expect(value.dataset.featureNames).toContain("note==cmd|' /C calc'!A0");
    expect(value.analysis.warnings.join(' ')).toMatch(
      /"\+SUM\(1\+1\)" looks like a spreadsheet formula \(15 such cell\(s\)\); it is read as plain text and never evaluated/,
    );
  });

  it('markup in a header is kept as a plain column name', () => {
    expect(loaded('xss-header.csv').analysis.columns[0].name).toBe('<img src=x onerror=alert(1)>');
  });

  it('a file without a header gets generated names, and says so', () => {
    const value = loaded('no-header.csv');
    expect(value.analysis.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3']);
    expect(value.analysis.warnings[0]).toMatch(
      /has no header row; the columns are named column_1 to column_3/,
    );
  });

  it('a numeric target with 1000 whole-number values is treated as regression, and the message says why', () => {
    const result = loadCsv(manyClassesCsv(1000, 'numbers'), { fileName: 'codes.csv', seed: 1 });
    const value = loaded('codes.csv', result);
    expect(value.dataset.task).toBe('regression');
    expect(value.analysis.warnings.join(' ')).toMatch(
      /"label" has 1000 different whole numbers, more than the 20 a classifier takes as classes, so it is treated as regression/,
    );
  });

  it('a high-cardinality text feature is left out (one-hot would explode), the rest is used', () => {
    const value = loaded(
      'comments.csv',
      loadCsv(highCardinalityCsv(500), { fileName: 'comments.csv', seed: 1 }),
    );
    expect(column(value, 'comment')).toMatchObject({
      role: 'ignored',
      reason:
        'nearly every row has its own value (500 different): free text or an identifier, not categories',
    });
    expect(value.dataset.featureNames).toEqual(['x']);
  });

  it('a 50 MB file parses completely, with finite features', () => {
    const text = largeCsv(50 * 1024 * 1024);
    expect(text.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const value = loaded('large.csv', loadCsv(text, { fileName: 'large.csv', seed: 1 }));
    expect(value.dataset.rows).toBe(text.split('\n').length - 2);
    expect(value.dataset.features).toBe(10);
    expect(value.dataset.x.every(Number.isFinite)).toBe(true);
  }, 120_000);
});
