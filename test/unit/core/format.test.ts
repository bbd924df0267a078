import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatExact,
  formatNumber,
  formatValue,
  joinAnd,
  ordinal,
  plural,
} from '../../../src/core/format';

describe('one number format for panels, charts and reports', () => {
  it.each([
    [0.98541, 4, '0.9854'],
    [0.00031, 4, '0.00031'],
    [0.0001, 4, '0.0001'],
    [2e-5, 4, '2e-5'],
    [1e-7, 4, '1e-7'],
    [0.35000000000000003, 4, '0.35'],
    [12.3456, 4, '12.35'],
    [1234.56, 4, '1235'],
    [32, 4, '32'],
    [2_500_000.5, 4, '2.5e+6'],
    [22.2222, 3, '22.2'],
    [NaN, 4, 'NaN'],
    [-Infinity, 4, '-Infinity'],
  ])('formatNumber(%s, %s) = %s', (x, digits, text) => {
    expect(formatNumber(x, digits)).toBe(text);
  });

  it('writes space values exactly and other values for reading', () => {
    expect(formatExact(0.1 + 0.2)).toBe('0.3');
    expect(formatExact(0.0031622776601683794)).toBe('0.00316227766017');
    expect(formatValue(0.0031622776601683794)).toBe('0.003162');
    expect([1e-5, 'adam', true].map(formatValue)).toEqual(['1e-5', 'adam', 'true']);
  });

  it('counts and lists in words', () => {
    expect(formatCount(12288)).toBe('12,288');
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(1200, 'trial')).toBe('1,200 trials');
    expect(plural(2, 'class', 'classes')).toBe('2 classes');
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b and c');
    expect(joinAnd(['a'])).toBe('a');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 1002].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '1,002nd',
    ]);
  });
});
