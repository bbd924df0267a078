import { describe, expect, it } from 'vitest';
import { chooseTarget, targetNameTier } from '../../../src/data';
import { profileColumn } from '../../../src/data/infer';
import type { RawTable } from '../../../src/data/table';

/** A table whose columns are given as name → one cell per row. */
function table(columns: Record<string, (i: number) => string>, rows = 40): RawTable {
  const header = Object.keys(columns);
  return {
    fileName: 't.csv',
    delimiter: ',',
    hasHeader: true,
    header,
    rows: Array.from({ length: rows }, (_, i) => header.map((h) => columns[h](i))),
    rowNumbers: Array.from({ length: rows }, (_, i) => i + 2),
    warnings: [],
  };
}

function choose(columns: Record<string, (i: number) => string>, rows = 40) {
  const t = table(columns, rows);
  const every = t.rows.map((_, i) => i);
  const choice = chooseTarget(t.header, t.rows.length, (c) => profileColumn(t, c, every));
  return { ...choice, name: t.header[choice.index] };
}

const num = (i: number) => String((i * 37) % 11);
const bin = (i: number) => String(i % 2);

describe('target names', () => {
  it.each([
    ['target', 1],
    ['Label', 1],
    ['CLASS', 1],
    ['y', 1],
    ['Outcome', 1],
    ['Survived', 2],
    ['quality', 2],
    ['income', 2],
    ['default payment next month', 2],
    ['default.payment.next.month', 2],
    ['Rings', 2],
    ['G3', 2],
    ['SalePrice', 2],
    ['median_house_value', 2],
    ['is_fraud', 2],
    ['HeartDisease', 2],
    ['income_class', 3],
    ['target value', 3],
    ['is_fraud_flag', 3],
  ] as const)('%s → tier %i', (name, tier) => {
    expect(targetNameTier(name)).toBe(tier);
  });

  it.each(['Pclass', 'classroom_size', 'Name', 'Ticket', 'Cabin', 'age', 'weight', 'ylabel2'])(
    '%s is not a target name',
    (name) => expect(targetNameTier(name)).toBeUndefined(),
  );
});

describe('chooseTarget', () => {
  it('bank marketing: y (last) by its name, not a guess', () => {
    expect(choose({ age: num, balance: num, y: (i) => (i % 3 ? 'no' : 'yes') })).toMatchObject({
      name: 'y',
      rule: 'name',
      guess: false,
    });
  });

  it('california housing: median_house_value, before the last column ocean_proximity', () => {
    const c = choose({
      longitude: num,
      median_income: num,
      median_house_value: (i) => String(100000 + i * 1234),
      ocean_proximity: (i) => ['NEAR BAY', 'INLAND', '<1H OCEAN'][i % 3],
    });
    expect(c).toMatchObject({ name: 'median_house_value', rule: 'name', guess: false });
  });

  it('a generic name beats a domain name, and the other is offered as an alternative', () => {
    const c = choose({ quality: num, target: bin, x1: num });
    expect(c.name).toBe('target');
    expect(c.alternatives).toEqual(['quality']);
  });

  it('a word inside a name is only a guess', () => {
    expect(choose({ a: num, b: num, income_class: bin, c: num })).toMatchObject({
      name: 'income_class',
      guess: true,
    });
  });

  it('y beside x is a coordinate: label is the target', () => {
    expect(choose({ x: num, y: num, colour: (i) => ['red', 'blue'][i % 2] }).name).toBe('colour');
    expect(choose({ x: num, y: num, label: bin }).name).toBe('label');
  });

  it('never an identifier, even one named like a target', () => {
    const c = choose({ f1: num, f2: num, class_id: (i) => String(i), group: bin });
    expect(c.name).toBe('group');
    expect(c.rule).toBe('last-column');
  });

  it('falls back to the last usable column, passing over free text and row numbers, and says so', () => {
    const c = choose({
      f1: num,
      kind: (i) => ['a', 'b', 'c'][i % 3],
      comment: (i) => `note ${i}`,
      row: (i) => String(i + 1),
    });
    expect(c).toMatchObject({ name: 'kind', rule: 'last-column', guess: true });
    expect(c.reason).toContain('the last usable column was taken');
    expect(c.reason).toContain('"comment": it has 40 different text values: free text or names, not classes');
    expect(c.reason).toContain('"row": it counts up by one from row to row');
  });

  it('the last column itself is a plain guess', () => {
    const c = choose({ f1: num, f2: num, f3: bin });
    expect(c).toMatchObject({ name: 'f3', rule: 'last-column', guess: true });
    expect(c.reason).toBe(
      'no column is named like a target (target, label, class, outcome…), so the last column was taken',
    );
  });

  it('a column named like a target that cannot be one is still chosen, so its error explains it', () => {
    expect(choose({ f1: num, f2: num, label: () => 'same' }).name).toBe('label');
  });
});
