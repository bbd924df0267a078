/** How one trimmed CSV cell is read: missing, a finite number, a non-finite number, or text. */

export const MISSING_TOKENS: readonly string[] = ['', '?', 'na', 'nan', 'null'];

export type CellKind = 'missing' | 'number' | 'non-finite' | 'text';

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const INFINITY_WORD = /^[+-]?(inf|infinity)$/i;

export function isMissing(cell: string): boolean {
  return MISSING_TOKENS.includes(cell.toLowerCase());
}

/**
 * The number a cell holds, or NaN when it holds none. `decimalComma` reads `3,5` as 3.5
 * (semicolon-separated files from European spreadsheets write decimals that way).
 */
export function cellNumber(cell: string, decimalComma: boolean): number {
  if (PLAIN_NUMBER.test(cell)) return Number(cell);
  if (decimalComma && DECIMAL_COMMA.test(cell)) return Number(cell.replace(',', '.'));
  if (INFINITY_WORD.test(cell)) return cell.startsWith('-') ? -Infinity : Infinity;
  return NaN;
}

/** Training runs in 32-bit floats: a larger magnitude (1e308 is finite in JavaScript) becomes Infinity. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** `non-finite` also covers numbers too large for 32-bit floats. */
export function cellKind(cell: string, decimalComma: boolean): CellKind {
  if (isMissing(cell)) return 'missing';
  const value = cellNumber(cell, decimalComma);
  if (Number.isNaN(value)) return 'text';
  return Math.abs(value) <= FLOAT32_MAX ? 'number' : 'non-finite';
}
