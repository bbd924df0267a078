/** RFC 4180 CSV cells that spreadsheets open safely. */

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell: a leading = + - @ (or tab, CR) gets an apostrophe so Excel and co. never evaluate it. */
export function textCell(value: string): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return quoteCell(safe);
}

/** A number cell: written as is (−0.5 stays a number, not text). */
export function numberCell(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/** Quotes a cell that holds a comma, a quote or a line break; doubles the quotes inside. */
export function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows joined with CRLF, as RFC 4180 asks. */
export function csvText(rows: string[][]): string {
  return rows.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
