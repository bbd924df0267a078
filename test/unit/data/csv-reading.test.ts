import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCsv, readCsv } from '../../../src/data';

const fixture = (file: string) =>
  readFileSync(new URL(`../../fixtures/csv/${file}`, import.meta.url), 'utf8');

function table(file: string) {
  const result = readCsv(fixture(file), { fileName: file });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('reading CSV text', () => {
  it('detects semicolons and reads decimal commas as numbers', () => {
    const t = table('semicolon-decimal-comma.csv');
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['height', 'weight', 'sport']);
    expect(t.rows).toHaveLength(24);
    const loaded = loadCsv(fixture('semicolon-decimal-comma.csv'), {
      fileName: 'semicolon-decimal-comma.csv',
      seed: 1,
    });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.analysis.columns.slice(0, 2).map((c) => c.type)).toEqual(['numeric', 'numeric']);
    const { mean } = loaded.value.dataset.scaler;
    expect(mean[1]).toBeGreaterThan(50);
    expect(mean[1]).toBeLessThan(75);
    expect(loaded.value.dataset.classNames).toEqual(['swim', 'run']);
  });

  it('detects tabs', () => {
    const t = table('tab-separated.tsv');
    expect(t.delimiter).toBe('\t');
    expect(t.header).toEqual(['temperature', 'humidity', 'wind', 'play']);
    expect(t.rows[0]).toEqual(['15', '40', 'strong', 'no']);
  });

  it('reads runs of spaces (leading ones too) as one separator, keeping quoted spaces and row numbers', () => {
    const text = '  crim    zn  "town name"\n 0.006  18.0  "Boston North"\n\n 0.027   0.0\t"Cambridge"\n';
    const result = readCsv(text, { fileName: 'housing.data', header: true });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.delimiter).toBe(' ');
    expect(result.value.header).toEqual(['crim', 'zn', 'town name']);
    expect(result.value.rows).toEqual([
      ['0.006', '18.0', 'Boston North'],
      ['0.027', '0.0', 'Cambridge'],
    ]);
    expect(result.value.rowNumbers).toEqual([2, 4]);
  });

  it('does not split on spaces when a comma or semicolon separates, or a tab gives three fields', () => {
    expect(readCsv('first name,age\nAda Lovelace,36\nAlan Turing,41\n', { fileName: 'a.csv' })).toMatchObject(
      {
        ok: true,
        value: { delimiter: ',', header: ['first name', 'age'] },
      },
    );
    const tabs = readCsv('city\tpeople\tclass\nNew York\t8\tbig\nSan Jose\t1\tmid\n', { fileName: 't.tsv' });
    expect(tabs).toMatchObject({ ok: true, value: { delimiter: '\t' } });
  });

  it('reads a tab file with stray double tabs by runs of whitespace, but keeps empty cells of a clean one', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i}.5\t${i % 3}\t${i % 5 === 0 ? '\t' : ''}${i % 2}`);
    const seeds = readCsv(['area\tgroove\tkind', ...rows].join('\n'), { fileName: 'seeds.txt' });
    expect(seeds).toMatchObject({
      ok: true,
      value: { delimiter: ' ', warnings: [expect.stringContaining('spaces')] },
    });
    if (seeds.ok) expect(seeds.value.rows.every((r) => r.length === 3)).toBe(true);
    const gaps = Array.from({ length: 20 }, (_, i) => `${i}.5\t${i % 5 === 0 ? '' : i % 3}\t${i % 2}`);
    const clean = readCsv(['area\tgroove\tkind', ...gaps].join('\n'), { fileName: 'gaps.tsv' });
    expect(clean).toMatchObject({ ok: true, value: { delimiter: '\t' } });
    if (clean.ok) expect(clean.value.rows[0]).toEqual(['0.5', '', '0']);
  });

  it("takes Excel's sep= line as the delimiter and counts it in row numbers", () => {
    const result = readCsv('sep=,\r\na;b,c\r\n1;2,3\r\n', { fileName: 'excel.csv' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.delimiter).toBe(',');
    expect(result.value.header).toEqual(['a;b', 'c']);
    expect(result.value.rowNumbers).toEqual([3]);
  });

  it('keeps quoted commas and newlines inside one cell and numbers rows as the file does', () => {
    const t = table('quoted-fields.csv');
    expect(t.delimiter).toBe(',');
    expect(t.header).toEqual(['note', 'x', 'y', 'label']);
    expect(t.rows).toHaveLength(12);
    expect(t.rows[0][0]).toBe('line one, with comma\r\nline two 0');
    expect(t.rows[1]).toEqual(['plain, 1', '1', '3', '1']);
    // the first record spans file rows 2–3, so the second record starts on row 4
    expect(t.rowNumbers.slice(0, 3)).toEqual([2, 4, 5]);
  });

  it('strips a UTF-8 byte-order mark from the first header name', () => {
    const text = fixture('bom.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(table('bom.csv').header).toEqual(['a', 'b', 'target']);
  });

  it('trims cells and drops blank lines', () => {
    const text =
      ' a , b ,label\n\n 1 , 2 , x \n   \n' +
      Array.from({ length: 12 }, (_, i) => `${i},${i * 2},${i % 2 ? 'x' : 'y'}`).join('\n');
    const result = readCsv(text, { fileName: 'spaces.csv' });
    expect(result.ok && result.value.header).toEqual(['a', 'b', 'label']);
    expect(result.ok && result.value.rows[0]).toEqual(['1', '2', 'x']);
    expect(result.ok && result.value.rowNumbers[0]).toBe(3);
    expect(result.ok && result.value.rows).toHaveLength(13);
  });

  it('detects a header over an all-text table when its names never recur below', () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `${['red', 'blue'][i % 2]},${['s', 'm', 'l'][i % 3]},${i % 2 ? 'yes' : 'no'}`,
    );
    const withHeader = readCsv(['colour,size,buy', ...rows].join('\n'), { fileName: 'shop.csv' });
    expect(withHeader.ok && withHeader.value.hasHeader).toBe(true);
    const without = readCsv(rows.join('\n'), { fileName: 'shop.csv' });
    expect(without.ok && without.value.hasHeader).toBe(false);
    expect(without.ok && without.value.header).toEqual(['column_1', 'column_2', 'column_3']);
  });

  it('names blank and repeated header cells uniquely', () => {
    const text = [
      'x,,x,label',
      ...Array.from({ length: 12 }, (_, i) => `${i},${i + 1},${i + 2},${i % 2}`),
    ].join('\n');
    const result = readCsv(text, { fileName: 'names.csv' });
    expect(result.ok && result.value.header).toEqual(['x', 'column_2', 'x_2', 'label']);
  });

  it('honours a forced header decision and given column names', () => {
    const text = fixture('bom.csv').slice(1).split('\n').slice(1).join('\n');
    const named = readCsv(text, { fileName: 'n.csv', header: false, columnNames: ['p', 'q', 'r'] });
    expect(named.ok && named.value.header).toEqual(['p', 'q', 'r']);
    const wrongCount = readCsv(text, { fileName: 'n.csv', header: false, columnNames: ['p', 'q'] });
    expect(!wrongCount.ok && wrongCount.error.message).toBe(
      'n.csv has 3 columns but 2 column names were given.',
    );
  });
});
