/**
 * Cells a spreadsheet would run as a formula (`=cmd|' /C calc'!A0`, `+SUM(…)`, `@x`, `-2+3`): the
 * app only ever reads them as text, and exports must neutralise them (see OWASP "CSV injection").
 */
import { cellKind, mightBeStyledNumber } from './cells';
import type { RawTable } from './table';

const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(cell: string): boolean {
  // `-4.3%` and `-1,200` are numbers in another style, which a spreadsheet reads as numbers too.
  return FORMULA_START.test(cell) && cellKind(cell, false) === 'text' && !mightBeStyledNumber(cell);
}

/** A warning naming the first formula-like cell and how many there are, or undefined when none. */
export function formulaWarning(table: RawTable): string | undefined {
  let first: { row: number; column: string; value: string } | undefined;
  let count = 0;
  table.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (!looksLikeFormula(cell)) return;
      count++;
      first ??= { row: table.rowNumbers[r], column: table.header[c], value: cell };
    });
  });
  if (!first) return undefined;
  return `${table.fileName}, row ${first.row}, column "${first.column}": "${first.value}" looks like a spreadsheet formula (${count} such cell(s)); it is read as plain text and never evaluated.`;
}
