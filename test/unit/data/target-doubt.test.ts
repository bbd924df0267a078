/** Doubt about the target chosen for the user: the other strong candidates, and no false alarms. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isOutcomeName, loadCsv, loadCsvBytes, targetNameRule } from '../../../src/data';
import {
  classesCsv,
  highCardinalityCsv,
  incomeBeforeLabelCsv,
  manyClassesCsv,
  numericNamesCsv,
  recordNumberCsv,
  yearsHeaderCsv,
} from '../../fixtures/generated';

/** A CSV of `rows` rows whose columns are given as name → one cell per row. */
function csv(columns: Record<string, (i: number) => string | number>, rows = 40): string {
  const names = Object.keys(columns);
  const lines = Array.from({ length: rows }, (_, i) => names.map((n) => columns[n](i)).join(','));
  return [names.join(','), ...lines].join('\n');
}

function analyse(text: string, target?: string) {
  const result = loadCsv(text, { fileName: 'shape.csv', seed: 1, target });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.analysis;
}

const age = (i: number) => 20 + ((i * 7) % 30);
const money = (i: number) => 20000 + ((i * 7919) % 50000);
const yesNo = (i: number) => (i % 3 ? 'no' : 'yes');

describe('outcome names', () => {
  it.each([
    'Survived',
    'diagnosis',
    'default payment next month',
    'default.payment.next.month',
    'y',
    'deposit',
    'Churn',
    'class',
    'Outcome',
    'result',
    'status',
    'Loan_Status',
    'approved',
    'isFraud',
    'is_fraud_flag',
    'Attrition_Flag',
    'HeartDisease',
    'DEATH_EVENT',
    'spam',
    'Clicked on Ad',
    'income_class',
  ])('%s reads like an outcome', (name) => expect(isOutcomeName(name)).toBe(true));

  it.each([
    'classroom',
    'Pclass',
    'statusCode',
    'marital-status',
    'smoking_status',
    'churn_rate',
    'response_time',
    'poutcome',
    'pos_y',
    'yield',
    'income',
    'LoanAmount',
    'age',
  ])('%s does not', (name) => expect(isOutcomeName(name)).toBe(false));
});

describe('name clues', () => {
  it.each(['income', 'Salary', 'price', 'charges', 'quality', 'income_class'])('%s is a weak clue', (name) =>
    expect(targetNameRule(name)?.clue).toBe('weak'),
  );

  it.each(['target', 'class', 'label', 'Outcome', 'y', 'Survived', 'diagnosis', 'median_house_value'])(
    '%s is a strong clue',
    (name) => expect(targetNameRule(name)?.clue).toBe('strong'),
  );
});

describe('doubt about the target', () => {
  it('an income-like column chosen while the last column is a 2-valued label: the label is offered', () => {
    const a = analyse(csv({ age, salary: money, tenure: (i) => i % 9, group: yesNo }));
    expect(a.target).toBe('salary');
    expect(a.targetChoice).toMatchObject({ rule: 'name', clue: 'weak', guess: false });
    expect(a.targetChoice.reason).toContain('often, but not always');
    expect(a.targetChoice.candidates).toEqual([{ name: 'group', reason: 'last column, 2 values' }]);
  });

  it('a 2-valued column named like an outcome in the middle is offered; the last column stays the default', () => {
    const a = analyse(
      csv({ age, Attrition_Flag: yesNo, balance: money, region: (i) => ['north', 'south', 'east'][i % 3] }),
    );
    expect(a.target).toBe('region');
    expect(a.targetChoice).toMatchObject({ rule: 'last-column', guess: true });
    expect(a.targetChoice.candidates).toEqual([
      { name: 'Attrition_Flag', reason: 'named like an outcome, 2 values' },
    ]);
  });

  it('after a weak clue, the last column named like an outcome says both', () => {
    const a = analyse(csv({ income: money, age, Response: (i) => ['a', 'b', 'c'][i % 3] }));
    expect(a.target).toBe('income');
    expect(a.targetChoice.candidates).toEqual([
      { name: 'Response', reason: 'last column, named like an outcome, 3 values' },
    ]);
  });

  it('a strong clue needs no flag: bank marketing’s y beside its yes/no default input', () => {
    const a = analyse(csv({ age, default: yesNo, balance: money, y: (i) => (i % 4 ? 'no' : 'yes') }));
    expect(a.target).toBe('y');
    expect(a.targetChoice).toMatchObject({ clue: 'strong', candidates: [] });
  });

  it('a strong clue with nothing else qualifying: no flag, even with a 2-valued last column', () => {
    const a = analyse(csv({ age, income: money, label: yesNo, smoker: (i) => (i % 2 ? 'yes' : 'no') }));
    expect(a.target).toBe('label');
    expect(a.targetChoice).toMatchObject({ clue: 'strong', guess: false, candidates: [] });
  });

  it('a weak clue while the last column is an identifier or free text: no flag', () => {
    const branch = (i: number) => `b${i % 3}`;
    expect(analyse(csv({ age, income: money, branch_id: branch })).targetChoice.candidates).toEqual([]);
    const note = (i: number) => `"called on day ${i}, asked about fees"`;
    expect(analyse(csv({ age, income: money, note })).targetChoice.candidates).toEqual([]);
  });

  it('a weak clue while the last column is a many-valued measurement: no flag', () => {
    const a = analyse(csv({ age, price: money, weight: (i) => (0.5 + i / 10).toFixed(2) }));
    expect(a.target).toBe('price');
    expect(a.targetChoice.candidates).toEqual([]);
  });

  it('a column named like an outcome with many values, or y beside x, is no candidate', () => {
    const many = analyse(csv({ age, result: (i) => i % 30, balance: money, group: yesNo }));
    expect(many.targetChoice.candidates).toEqual([]);
    const plot = analyse(csv({ x: (i) => i % 7, y: (i) => i % 5, colour: (i) => (i % 2 ? 'red' : 'blue') }));
    expect(plot.target).toBe('colour');
    expect(plot.targetChoice.candidates).toEqual([]);
  });

  it('both shapes in one file: every strong candidate, in table order', () => {
    const a = analyse(incomeBeforeLabelCsv(120));
    expect(a.target).toBe('income');
    expect(a.targetChoice.candidates).toEqual([
      { name: 'Attrition_Flag', reason: 'named like an outcome, 2 values' },
      { name: 'offer_accepted', reason: 'last column, 2 values' },
    ]);
  });

  it('letter recognition: the label, 26 letters first before whole-number measurements, is offered and takes', () => {
    const features = Object.fromEntries(
      ['x-box', 'y-box', 'width', 'high', 'onpix', 'yegvx'].map((name, j) => [
        name,
        (i: number) => (i * (j + 3)) % 16,
      ]),
    );
    const text = csv({ lettr: (i) => String.fromCharCode(65 + ((i * 7) % 26)), ...features }, 2000);
    const a = analyse(text);
    expect(a.target).toBe('yegvx');
    expect(a.targetChoice.candidates).toEqual([{ name: 'lettr', reason: 'the only text column, 26 values' }]);
    const chosen = loadCsv(text, { fileName: 'letter-recognition.csv', seed: 1, target: 'lettr' });
    expect(chosen.ok && chosen.value.dataset.task).toBe('multiclass');
    expect(chosen.ok && chosen.value.dataset.classNames).toHaveLength(26);
  });

  it('two text columns among numbers: neither is offered for being text', () => {
    const text = csv({
      age,
      colour: (i) => ['red', 'blue'][i % 2],
      size: (i) => ['S', 'M', 'L'][i % 3],
      score: money,
    });
    expect(analyse(text).targetChoice.candidates).toEqual([]);
  });

  it('a target the user chose raises no doubt', () => {
    const text = csv({ age, salary: money, tenure: (i) => i % 9, group: yesNo });
    expect(analyse(text, 'salary').targetChoice.candidates).toEqual([]);
  });
});

describe('no false alarms', () => {
  const files = (dir: string) =>
    readdirSync(new URL(`../../../${dir}/`, import.meta.url)).map((f) => ({
      name: f,
      bytes: new Uint8Array(readFileSync(new URL(`../../../${dir}/${f}`, import.meta.url))),
    }));

  it('on the shipped UCI files and every fixture that loads', () => {
    const all = [...files('public/datasets'), ...files('test/fixtures/csv')];
    let loaded = 0;
    for (const { name, bytes } of all) {
      const result = loadCsvBytes(bytes, { fileName: name, seed: 1 });
      if (!result.ok) continue;
      loaded++;
      expect(result.value.analysis.targetChoice.candidates, name).toEqual([]);
    }
    expect(loaded).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ['many classes', manyClassesCsv(12, 'text')],
    ['free text', highCardinalityCsv(60)],
    ['numbered names', numericNamesCsv(20, 60)],
    ['years header', yearsHeaderCsv(40)],
    ['record numbers', recordNumberCsv(80)],
    ['six classes', classesCsv(6, 20)],
  ])('on the generated fixture: %s', (_, text) => {
    expect(analyse(text).targetChoice.candidates).toEqual([]);
  });
});
