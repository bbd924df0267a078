import { mightBeStyledNumber, styledKind, styledNumber, type CellKind, type NumberStyle } from './cells';
import type { RawTable } from './table';

export type ColumnType = 'numeric' | 'categorical' | 'empty';

/**
 * A column is numeric when at least this share of its non-missing cells are numbers; the other cells
 * are then read as missing (with a warning naming them). Below it, the column is categorical.
 */
export const NUMERIC_SHARE = 0.95;

export interface CellRef {
  row: number;
  value: string;
}

/** What one column holds over a chosen set of rows (index i refers to the i-th chosen row). */
export interface ColumnProfile {
  name: string;
  index: number;
  /** As read, or as the caller forced it. */
  type: ColumnType;
  /** The type the values themselves suggest. */
  inferredType: ColumnType;
  /** numeric: the value per row, NaN where missing (odd text cells included); otherwise empty. */
  numbers: Float64Array;
  /** categorical: the text per row, null where missing; otherwise empty. */
  texts: (string | null)[];
  missing: number;
  distinct: number;
  /** numeric with every value whole. */
  integers: boolean;
  /** Text cells in a numeric column, read as missing. */
  oddCells: CellRef[];
  /** The first Infinity-like cell of a numeric column. */
  nonFinite?: CellRef;
  /** Share of the non-missing cells that are numbers (a categorical column may still hold some). */
  numericShare: number;
  /** The first text cell (names the culprit when a mostly-numeric column turns categorical). */
  firstText?: CellRef;
  /** The first non-missing value (for reasons such as "constant"). */
  example: string;
  /** Numbers written with thousands separators, a currency or percent sign, or decimal commas. */
  numberStyle?: { style: NumberStyle; example: { cell: string; value: number } };
}

/**
 * `force` overrides the inferred type: `categorical` reads every value as a category (numbers by
 * their value, so `1` and `1.0` are one); `numeric` reads the text cells as missing, and is ignored
 * when the column holds no number at all.
 */
export function profileColumn(
  table: RawTable,
  index: number,
  rows: readonly number[],
  force?: 'numeric' | 'categorical',
): ColumnProfile {
  const decimalComma = table.delimiter === ';';
  const cells = rows.map((r) => table.rows[r][index]);
  const { kinds, style } = readNumbers(cells, decimalComma);
  const cellNumber = (cell: string) => styledNumber(cell, decimalComma, style);
  const { numeric, text } = countKinds(kinds);
  const present = numeric + text;
  const inferredType: ColumnType =
    present === 0 ? 'empty' : numeric / present >= NUMERIC_SHARE ? 'numeric' : 'categorical';
  const type: ColumnType =
    present === 0 || !force || (force === 'numeric' && numeric === 0) ? inferredType : force;
  const example = cells.find((_, i) => kinds[i] !== 'missing') ?? '';
  const textAt = kinds.indexOf('text');
  const base = {
    name: table.header[index],
    index,
    type,
    inferredType,
    oddCells: [] as CellRef[],
    integers: false,
    numericShare: present === 0 ? 0 : numeric / present,
    firstText: textAt < 0 ? undefined : { row: table.rowNumbers[rows[textAt]], value: cells[textAt] },
    example,
    ...(style && { numberStyle: { style, example: styledExample(cells, kinds, cellNumber) } }),
  };

  if (type === 'numeric') {
    const numbers = new Float64Array(cells.length);
    const seen = new Set<number>();
    let nonFinite: CellRef | undefined;
    let integers = true;
    cells.forEach((cell, i) => {
      const kind = kinds[i];
      if (kind === 'text') base.oddCells.push({ row: table.rowNumbers[rows[i]], value: cell });
      if (kind === 'non-finite' && !nonFinite) nonFinite = { row: table.rowNumbers[rows[i]], value: cell };
      const value = kind === 'number' ? cellNumber(cell) : NaN;
      numbers[i] = value;
      if (!Number.isNaN(value)) {
        seen.add(value);
        if (!Number.isInteger(value)) integers = false;
      }
    });
    const missing = numbers.reduce((n, v) => (Number.isNaN(v) ? n + 1 : n), 0);
    return { ...base, integers, numbers, texts: [], missing, distinct: seen.size, nonFinite };
  }
  const texts = cells.map((cell, i) =>
    kinds[i] === 'missing'
      ? null
      : inferredType === 'numeric' && kinds[i] === 'number'
        ? String(cellNumber(cell))
        : cell,
  );
  const distinct = new Set(texts.filter((t) => t !== null)).size;
  return { ...base, numbers: new Float64Array(0), texts, missing: cells.length - present, distinct };
}

/**
 * Each cell's kind, read plainly; when that leaves the column short of numeric and its first text
 * cell looks like a number written another way, read in the first style that makes it numeric.
 */
function readNumbers(
  cells: readonly string[],
  decimalComma: boolean,
): { kinds: CellKind[]; style?: NumberStyle } {
  const kinds = cells.map((cell) => styledKind(cell, decimalComma));
  if (isNumeric(kinds)) return { kinds };
  const firstText = cells[kinds.indexOf('text')];
  if (firstText === undefined || !mightBeStyledNumber(firstText)) return { kinds };
  const styles: NumberStyle[] = decimalComma ? ['grouped'] : ['grouped', 'decimal-comma'];
  for (const style of styles) {
    const styled = cells.map((cell) => styledKind(cell, decimalComma, style));
    if (isNumeric(styled)) return { kinds: styled, style };
  }
  return { kinds };
}

function styledExample(
  cells: readonly string[],
  kinds: readonly CellKind[],
  read: (cell: string) => number,
): { cell: string; value: number } {
  const i = kinds.indexOf('number');
  return { cell: cells[i], value: read(cells[i]) };
}

function countKinds(kinds: readonly CellKind[]): { numeric: number; text: number } {
  let numeric = 0;
  let text = 0;
  for (const kind of kinds) {
    if (kind === 'text') text++;
    else if (kind !== 'missing') numeric++;
  }
  return { numeric, text };
}

function isNumeric(kinds: readonly CellKind[]): boolean {
  const { numeric, text } = countKinds(kinds);
  return numeric + text > 0 && numeric / (numeric + text) >= NUMERIC_SHARE;
}

/** The distinct non-missing values of a column, in natural order (numbers ascending, text sorted). */
export function distinctValues(profile: ColumnProfile): string[] {
  if (profile.type === 'numeric') {
    const values = [...new Set(Array.from(profile.numbers).filter((v) => !Number.isNaN(v)))];
    return values.sort((a, b) => a - b).map(String);
  }
  const values = [...new Set(profile.texts.filter((t): t is string => t !== null))];
  return values.sort(compareText);
}

/** The row's value as a class key (numbers canonical, so `1` and `1.0` are one class); null when missing. */
export function valueKey(profile: ColumnProfile, i: number): string | null {
  if (profile.type === 'numeric') return Number.isNaN(profile.numbers[i]) ? null : String(profile.numbers[i]);
  return profile.texts[i] ?? null;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
