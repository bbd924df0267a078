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

/**
 * How a column writes numbers that are not plain: `grouped` with thousands separators (1,234,567 in
 * comma files; 1.234.567 or 1 234 567 with a decimal comma in semicolon files), a currency sign or a
 * percent sign ($1,200, 5.3% read as 5.3); `decimal-comma` with decimal commas in a comma-separated
 * file, quoted ("48,0"), as some spreadsheet exports do. Tried only when plain reading fails a column.
 */
export type NumberStyle = 'grouped' | 'decimal-comma';

const CURRENCY_OR_PERCENT = /^([$€£¥]\s?)?(.*?)(\s?%)?$/;
const GROUPED_POINT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}([.\s\u00a0\u202f]\d{3})+(,\d+)?$/;
/** A text cell that a style could read: digits, separators and signs, no letters. */
const NUMBER_LIKE = /^[$€£¥]?\s?[+-]?[\d.,\s\u00a0\u202f]*\d[\d.,\s\u00a0\u202f]*\s?%?$/;

export function mightBeStyledNumber(cell: string): boolean {
  return NUMBER_LIKE.test(cell);
}

/** The number a cell holds when the column writes numbers in `style`, or NaN. */
export function styledNumber(cell: string, decimalComma: boolean, style?: NumberStyle): number {
  if (!style) return cellNumber(cell, decimalComma);
  const bare = CURRENCY_OR_PERCENT.exec(cell)?.[2] ?? cell;
  if (style === 'decimal-comma') return cellNumber(bare, true);
  if (!decimalComma && GROUPED_POINT.test(bare)) return Number(bare.replaceAll(',', ''));
  if (decimalComma && GROUPED_COMMA.test(bare))
    return Number(bare.replace(/[.\s\u00a0\u202f]/g, '').replace(',', '.'));
  return cellNumber(bare, decimalComma);
}

/** `cellKind` for a column that writes numbers in `style` (plainly without one). */
export function styledKind(cell: string, decimalComma: boolean, style?: NumberStyle): CellKind {
  if (isMissing(cell)) return 'missing';
  const value = styledNumber(cell, decimalComma, style);
  if (Number.isNaN(value)) return 'text';
  return Math.abs(value) <= FLOAT32_MAX ? 'number' : 'non-finite';
}

/** Training runs in 32-bit floats: a larger magnitude (1e308 is finite in JavaScript) becomes Infinity. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** `non-finite` also covers numbers too large for 32-bit floats. */
export function cellKind(cell: string, decimalComma: boolean): CellKind {
  return styledKind(cell, decimalComma);
}
