import { describe, expect, it } from 'vitest';
import { cellNumber, mightBeStyledNumber, styledNumber } from '../../../src/data/cells';

describe('reading one cell as a number', () => {
  it('plain numbers, and decimal commas only in semicolon files', () => {
    expect(cellNumber('3.5', false)).toBe(3.5);
    expect(cellNumber('-1e3', false)).toBe(-1000);
    expect(cellNumber('3,5', true)).toBe(3.5);
    expect(cellNumber('3,5', false)).toBeNaN();
  });

  it.each([
    ['1,234,567', false, 'grouped', 1234567],
    ['-12,000.5', false, 'grouped', -12000.5],
    ['$1,200', false, 'grouped', 1200],
    ['€ 45', false, 'grouped', 45],
    ['5.3%', false, 'grouped', 5.3],
    ['-0.6 %', false, 'grouped', -0.6],
    ['1.234.567,5', true, 'grouped', 1234567.5],
    ['1 234', true, 'grouped', 1234],
    ['48,0', false, 'decimal-comma', 48],
    ['73,5%', false, 'decimal-comma', 73.5],
  ] as const)('%s (decimal comma file: %s) read as %s is %d', (cell, decimalComma, style, value) => {
    expect(mightBeStyledNumber(cell)).toBe(true);
    expect(styledNumber(cell, decimalComma, style)).toBe(value);
  });

  it('refuses what is not a number in that style', () => {
    // Groups must have three digits: 1,23 is no thousands-separated number.
    expect(styledNumber('1,23', false, 'grouped')).toBeNaN();
    expect(styledNumber('12,34,567', false, 'grouped')).toBeNaN();
    expect(mightBeStyledNumber('big')).toBe(false);
    expect(mightBeStyledNumber('-2+3')).toBe(false);
    expect(mightBeStyledNumber('A4')).toBe(false);
  });
});
