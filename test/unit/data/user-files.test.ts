/** Real-world CSV shapes: which column is the target and why, the header decision, the roles. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCsv, type DatasetAnalysis, type LoadOptions } from '../../../src/data';
import { looksLikeDates } from '../../../src/data/dates';
import { classesCsv, numericNamesCsv, recordNumberCsv, yearsHeaderCsv } from '../../fixtures/generated';

const fixture = (file: string) =>
  readFileSync(new URL(`../../fixtures/csv/${file}`, import.meta.url), 'utf8');

function loadText(text: string, fileName: string, options: Partial<LoadOptions> = {}) {
  const result = loadCsv(text, { fileName, seed: 3, ...options });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const load = (file: string, options: Partial<LoadOptions> = {}) => loadText(fixture(file), file, options);
const column = (analysis: DatasetAnalysis, name: string) => analysis.columns.find((c) => c.name === name);

describe('user files, as public datasets come', () => {
  it('titanic: Survived (not last) is the target by its name; Name, Ticket, Cabin and PassengerId are left out', () => {
    const { analysis, dataset } = load('titanic-like.csv');
    expect(analysis.target).toBe('Survived');
    expect(analysis.targetChoice).toMatchObject({ rule: 'name', guess: false });
    expect(analysis.targetChoice.reason).toContain('"Survived"');
    expect(dataset.task).toBe('binary');
    for (const name of ['PassengerId', 'Name', 'Ticket', 'Cabin'])
      expect(column(analysis, name), name).toMatchObject({ role: 'ignored' });
    expect(column(analysis, 'Name')?.reason).toMatch(/free text or an identifier/);
    expect(column(analysis, 'Embarked')).toMatchObject({ role: 'feature', type: 'categorical' });
    expect(dataset.featureNames).toContain('Pclass');
    expect(dataset.featureNames).not.toContain('Survived');
  });

  it('wine quality: a semicolon file with quoted names, quality (3…8) is the multi-class target', () => {
    const { analysis, dataset } = load('wine-quality-like.csv');
    expect(analysis.delimiter).toBe(';');
    expect(analysis.hasHeader).toBe(true);
    expect(analysis.target).toBe('quality');
    expect(analysis.targetChoice.guess).toBe(false);
    expect(dataset.task).toBe('multiclass');
    expect(dataset.features).toBe(11);
  });

  it('wine quality as regression: the target read as a number predicts the number', () => {
    const { dataset, analysis } = load('wine-quality-like.csv', { numeric: ['quality'] });
    expect(dataset.task).toBe('regression');
    expect(column(analysis, 'quality')).toMatchObject({ role: 'target', type: 'numeric' });
    expect(analysis.warnings.join(' ')).not.toMatch(/treated as regression/);
  });

  it('adult: income with spaces around its values is the binary target; fnlwgt is a measurement', () => {
    const { analysis, dataset } = load('adult-like.csv');
    expect(analysis.target).toBe('income');
    expect(dataset.task).toBe('binary');
    expect(dataset.classNames).toEqual(['<=50K', '>50K']);
    // Adult writes an unknown work class as "?": missing, filled from the training rows.
    expect(column(analysis, 'workclass')).toMatchObject({ role: 'feature', type: 'categorical' });
    expect(column(analysis, 'workclass')?.missing).toBeGreaterThan(0);
    // A census weight: it nearly never repeats, but its values are not codes (5 and 6 digits, unsorted).
    expect(column(analysis, 'fnlwgt')).toMatchObject({ role: 'feature', type: 'numeric' });
  });

  it('mushrooms: class is the first column and still the target', () => {
    const { analysis, dataset } = load('mushrooms-like.csv');
    expect(analysis.target).toBe('class');
    expect(analysis.columns[0].role).toBe('target');
    expect(dataset.classNames).toEqual(['e', 'p']);
  });

  it('a pandas index "Unnamed: 0" is an identifier; species is the target', () => {
    const { analysis, dataset } = load('unnamed-index.csv');
    expect(column(analysis, 'Unnamed: 0')).toMatchObject({ role: 'ignored', because: 'identifier' });
    expect(analysis.target).toBe('species');
    expect(dataset.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  it('a UCI file without a header: detected as data, the last column taken as a flagged guess', () => {
    const { analysis, dataset } = load('uci-headerless.csv');
    expect(analysis.hasHeader).toBe(false);
    expect(analysis.header.reason).toMatch(/numbers where names would be/);
    expect(analysis.rowsRead).toBe(60);
    expect(analysis.target).toBe('column_14');
    expect(analysis.targetChoice).toMatchObject({ rule: 'last-column', guess: true });
    expect(analysis.targetChoice.reason).toMatch(/no column is named like a target/);
    expect(dataset.task).toBe('multiclass');
    expect(column(analysis, 'column_12')?.missing).toBeGreaterThan(0);
  });

  it('headerless multi-class with text labels: the first row is data because its label recurs below', () => {
    const { analysis, dataset } = load('headerless-multiclass.csv');
    expect(analysis.hasHeader).toBe(false);
    expect(analysis.rowsRead).toBe(30);
    expect(dataset.classNames).toEqual(['Iris-setosa', 'Iris-versicolor', 'Iris-virginica']);
  });

  it('alphabetically sorted columns: price (regression) is chosen by name over weight, the last column', () => {
    const { analysis, dataset } = load('alphabetical-regression.csv');
    expect(analysis.target).toBe('price');
    expect(dataset.task).toBe('regression');
    expect(column(analysis, 'weight')).toMatchObject({ role: 'feature' });
  });

  it('a header of numbers ending in a word (0,1,…,56,target) is a header', () => {
    const { analysis, dataset } = loadText(numericNamesCsv(57, 40), 'sklearn.csv');
    expect(analysis.hasHeader).toBe(true);
    expect(analysis.header.reason).toMatch(/"target" is text above a column of numbers/);
    expect(analysis.header.reason).toMatch(/0, 1, 2, …, 56 count up in equal steps/);
    expect(analysis.rowsRead).toBe(40);
    expect(analysis.columns).toHaveLength(58);
    expect(analysis.target).toBe('target');
    expect(dataset.features).toBe(57);
  });

  it('a header of years and a word is a header', () => {
    const { analysis } = loadText(yearsHeaderCsv(30), 'years.csv');
    expect(analysis.hasHeader).toBe(true);
    expect(analysis.columns.map((c) => c.name)).toEqual(['2019', '2020', '2021', '2022', 'growth']);
    expect(analysis.target).toBe('growth');
    expect(analysis.targetChoice.guess).toBe(true);
  });

  it('the header switch overrides detection, and says what detection thought', () => {
    const forcedNo = loadText(numericNamesCsv(5, 30), 'five.csv', { header: false, target: 'column_6' });
    expect(forcedNo.analysis.hasHeader).toBe(false);
    expect(forcedNo.analysis.header).toMatchObject({ forced: true, detected: true });
    expect(forcedNo.analysis.rowsRead).toBe(31);
    const forcedYes = load('uci-headerless.csv', { header: true });
    expect(forcedYes.analysis.hasHeader).toBe(true);
    expect(forcedYes.analysis.header).toMatchObject({ forced: true, detected: false });
    expect(forcedYes.analysis.rowsRead).toBe(59);
  });

  it('a record number not called id (≥ 95 % different whole numbers) is left out with the reason', () => {
    const { analysis, dataset } = loadText(recordNumberCsv(80), 'records.csv');
    expect(column(analysis, 'record')).toMatchObject({ role: 'ignored', because: 'identifier' });
    expect(column(analysis, 'record')?.reason).toBe(
      '98% of the rows have a different whole number: it looks like an identifier',
    );
    expect(dataset.featureNames).toEqual(['height', 'weight']);
    expect(analysis.target).toBe('label');
  });

  it('six classes: multi-class with six class names', () => {
    const { dataset } = loadText(classesCsv(6, 20), 'six.csv');
    expect(dataset.task).toBe('multiclass');
    expect(dataset.classNames).toHaveLength(6);
  });

  it('auto-mpg.data: aligned columns separated by runs of spaces, a tab before a quoted car name', () => {
    const { analysis, dataset } = load('auto-mpg.data');
    expect(analysis.delimiter).toBe(' ');
    expect(analysis.hasHeader).toBe(false);
    expect(analysis.columns).toHaveLength(9);
    expect(analysis.rowsUsed).toBe(60);
    // The quoted names keep their spaces and are free text; horsepower's "?" is missing.
    expect(analysis.preview.rows[0][8]).toBe('car model 0');
    expect(column(analysis, 'column_9')).toMatchObject({ role: 'ignored', because: 'too-many-values' });
    expect(column(analysis, 'column_4')?.missing).toBeGreaterThan(0);
    // Weights in pounds ("3504.") rarely repeat but are a measurement, not an identifier.
    expect(column(analysis, 'column_5')).toMatchObject({ role: 'feature', type: 'numeric' });
    expect(dataset.features).toBe(7);
  });

  it('a CSV saved by Excel with its sep=; line: the named delimiter, the next line the header', () => {
    const { analysis } = load('excel-sep.csv');
    expect(analysis.delimiter).toBe(';');
    expect(analysis.columns.map((c) => c.name)).toEqual(['Name', 'Height', 'Weight', 'Group']);
    expect(column(analysis, 'Height')).toMatchObject({ role: 'feature', type: 'numeric' });
    expect(analysis.rowsUsed).toBe(59);
  });

  it('bike sharing: counts that rarely repeat are measurements, and the last one (cnt) is the target', () => {
    const { analysis } = load('bike-day.csv');
    expect(analysis.target).toBe('cnt');
    expect(analysis.task).toBe('regression');
    expect(column(analysis, 'instant')).toMatchObject({ role: 'ignored', because: 'identifier' });
    for (const name of ['casual', 'registered', 'temp'])
      expect(column(analysis, name)).toMatchObject({ role: 'feature', type: 'numeric' });
  });

  it('Kaggle breast cancer: a trailing comma on every line is an empty column, left out; id by its name', () => {
    const { analysis, dataset } = load('breast-cancer-kaggle.csv');
    expect(analysis.target).toBe('diagnosis');
    expect(dataset.task).toBe('binary');
    expect(column(analysis, 'id')).toMatchObject({ role: 'ignored', because: 'identifier' });
    expect(analysis.columns.at(-1)).toMatchObject({ role: 'ignored', because: 'empty' });
    expect(dataset.features).toBe(5);
  });

  it('California housing: whole-number totals are features; the house value is the target by its name', () => {
    const { analysis } = load('california-housing.csv');
    expect(analysis.target).toBe('median_house_value');
    expect(analysis.task).toBe('regression');
    for (const name of ['total_rooms', 'total_bedrooms', 'population', 'households'])
      expect(column(analysis, name)).toMatchObject({ role: 'feature' });
    expect(column(analysis, 'total_bedrooms')?.missing).toBeGreaterThan(0);
  });

  it('numbers written as 1,234,567, $1,200, 5.3% or a quoted "48,0" are numbers, each style said once', () => {
    const { analysis, dataset } = load('countries-like.csv');
    for (const name of ['Population', 'Area (sq. mi.)', 'Literacy (%)', 'GDP ($ per capita)', 'Growth'])
      expect(column(analysis, name)).toMatchObject({ type: 'numeric', role: 'feature' });
    expect(column(analysis, 'Literacy (%)')?.missing).toBe(1);
    const warnings = analysis.warnings.join(' ');
    expect(warnings).toMatch(
      /column "Area \(sq\. mi\.\)": numbers written with thousands separators.*"[\d,]+" was read as \d+\)/,
    );
    expect(warnings).toMatch(
      /column "Literacy \(%\)": numbers written with a decimal comma were read as decimals \("\d+,\d" was read as \d+\.\d\)/,
    );
    expect(warnings).toMatch(/column "GDP \(\$ per capita\)".*"\$[\d,]+" was read as \d+\)/);
    expect(warnings).not.toMatch(/spreadsheet formula/);
    expect(warnings).not.toMatch(/column "Population"/);
    const area = dataset.featureNames.indexOf('Area (sq. mi.)');
    expect(area).toBeGreaterThanOrEqual(0);
    // Standardised values stay finite: every cell was read as a number.
    expect(Array.from(dataset.x).every(Number.isFinite)).toBe(true);
  });

  it('a text column of words is not mistaken for styled numbers', () => {
    const text = [
      'size,label',
      ...Array.from({ length: 30 }, (_, i) => `${i % 2 ? '"1,5"' : 'big'},${i % 2}`),
    ].join('\n');
    const { analysis } = loadText(text, 'words.csv');
    expect(column(analysis, 'size')).toMatchObject({ type: 'categorical' });
  });

  it('near-unique whole numbers are an identifier only when they look like codes', () => {
    const rows = (value: (i: number) => number) =>
      [
        'first,code,count,label',
        ...Array.from({ length: 60 }, (_, i) => `${i % 7},${value(i)},${(i * 97) % 5000},${i % 2}`),
      ].join('\n');
    // Six-digit codes, unsorted and seldom round: an identifier, wherever the column is.
    const codes = loadText(
      rows((i) => 300_000 + ((i * 7919) % 99_991)),
      'codes.csv',
    ).analysis;
    expect(column(codes, 'code')).toMatchObject({ role: 'ignored', because: 'identifier' });
    // Counts of every length: a measurement.
    expect(column(codes, 'count')).toMatchObject({ role: 'feature' });
    // Round six-digit values (prices) are measurements too.
    const prices = loadText(
      rows((i) => 150_000 + i * 1_500),
      'prices.csv',
    ).analysis;
    expect(column(prices, 'code')).toMatchObject({ role: 'feature' });
  });
});

describe('dates', () => {
  it('a date column is left out as dates, saying how to use one; the rest of the file loads', () => {
    const day = (i: number) => new Date(Date.UTC(2008, 11, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const lines = ['Date,Location,MinTemp,Humidity3pm,RainTomorrow'];
    for (let i = 0; i < 400; i++)
      lines.push(
        `${day(i)},${['Albury', 'Sydney', 'Perth'][i % 3]},${(i % 17) - 3},${(i * 7) % 100},${i % 4 ? 'No' : 'Yes'}`,
      );
    const { analysis, dataset } = loadText(lines.join('\n'), 'weatherAUS.csv');
    expect(column(analysis, 'Date')).toMatchObject({ role: 'ignored' });
    expect(column(analysis, 'Date')?.reason).toMatch(
      /^dates such as "2008-12-01" \(400 different\): a date is not a category/,
    );
    expect(analysis.target).toBe('RainTomorrow');
    expect(dataset.featureNames).toContain('MinTemp');
  });

  it('tells dates and date-times in the usual ways of writing them from codes that only look alike', () => {
    for (const dates of [
      ['2008-12-01', '2008-12-02'],
      ['01/12/2008', '31/12/2008'],
      ['12-01-2008', '1.2.08'],
      ['2019-03-04 10:30', '2019-03-04T10:30:15Z'],
      ['1-Dec-2008', '02 Jan 2009'],
      ['December 1, 2008', 'Jan 2 2009'],
    ])
      expect(looksLikeDates([...dates, null]), dates.join(' ')).toBe(true);
    for (const codes of [
      ['A-12-3', '2008-12-01'],
      ['12345', '67890'],
      ['B/0/P', 'F/1/S'],
      ['red', 'blue'],
      [],
    ])
      expect(looksLikeDates(codes), codes.join(' ')).toBe(false);
  });
});

describe('role overrides', () => {
  it('excludes a column, reads a numeric one as categories, and names unknown columns in a warning', () => {
    const { analysis, dataset } = load('titanic-like.csv', {
      ignore: ['Fare', 'Nope'],
      categorical: ['Pclass'],
    });
    expect(column(analysis, 'Fare')).toMatchObject({ role: 'ignored', because: 'excluded' });
    expect(column(analysis, 'Pclass')).toMatchObject({
      role: 'feature',
      type: 'categorical',
      inferredType: 'numeric',
    });
    expect(dataset.featureNames).toEqual(expect.arrayContaining(['Pclass=1', 'Pclass=2', 'Pclass=3']));
    expect(analysis.warnings).toContain(
      'titanic-like.csv has no column "Nope" (to be left out); that setting was ignored.',
    );
  });

  it('reads a mostly-text column as numbers when asked, its text cells as missing', () => {
    const text = [
      'size,colour,label',
      ...Array.from({ length: 20 }, (_, i) => `${i % 3 ? i : 'big'},red${i % 4},${i % 2}`),
    ].join('\n');
    const auto = loadText(text, 'mixed.csv');
    expect(column(auto.analysis, 'size')).toMatchObject({ type: 'categorical' });
    const forced = loadText(text, 'mixed.csv', { numeric: ['size', 'colour'] });
    expect(column(forced.analysis, 'size')).toMatchObject({ type: 'numeric', missing: 7 });
    // A column with no number at all cannot be read as numbers: it stays categorical.
    expect(column(forced.analysis, 'colour')).toMatchObject({ type: 'categorical', numericShare: 0 });
  });

  it('a target the user names wins over the name rule and is not a guess', () => {
    const { analysis } = load('titanic-like.csv', { target: 'Embarked' });
    expect(analysis.target).toBe('Embarked');
    expect(analysis.targetChoice).toEqual({
      rule: 'given',
      guess: false,
      reason: 'you chose it',
      alternatives: [],
      candidates: [],
    });
    expect(column(analysis, 'Survived')).toMatchObject({ role: 'feature' });
  });
});

describe('content hash', () => {
  it('is the same for the same cells whatever the delimiter and line endings, and changes with one cell', () => {
    const rows = [
      ['a', 'b', 'label'],
      ...Array.from({ length: 12 }, (_, i) => [`${i}`, `${i % 5}.5`, i % 2 ? 'x' : 'y']),
    ];
    const hash = (cells: string[][], delimiter: string, newline: string) =>
      loadText(cells.map((r) => r.join(delimiter)).join(newline), 'h.csv').analysis.contentHash;
    const base = hash(rows, ',', '\n');
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(hash(rows, ';', '\n')).toBe(base);
    expect(hash(rows, '\t', '\r\n')).toBe(base);
    const changed = rows.map((r) => [...r]);
    changed[3][1] = '9.5';
    expect(hash(changed, ',', '\n')).not.toBe(base);
  });

  it('does not depend on the header decision', () => {
    const text = fixture('uci-headerless.csv');
    const auto = loadText(text, 'h.csv').analysis.contentHash;
    expect(loadText(text, 'h.csv', { header: true }).analysis.contentHash).toBe(auto);
  });
});
