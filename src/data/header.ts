import { cellKind, cellNumber, type CellKind } from './cells';

const SAMPLE_ROWS = 1000;
/** A column counts as numbers below the first row when more than this share of its present cells are. */
const NUMERIC_BELOW = 0.5;

/** Whether the first row names the columns, and why, in words a user can check. */
export interface HeaderDecision {
  header: boolean;
  reason: string;
}

/**
 * Reads the whole first row against the rows below it, column by column:
 * - a number in the first row is data, unless the first row's numbers run in equal whole-number steps
 *   across their columns (`0,1,2,…,56,target`, `2019,2020,2021`) and no row below does the same;
 * - a text cell above a column of numbers is a name (`sepal_length` above `5.1`);
 * - a text cell that appears again in its column below is data (`setosa` above more `setosa`);
 * - otherwise a first row of texts none of which recurs below is a header (all-text tables).
 */
export function detectHeader(records: readonly string[][], decimalComma: boolean): HeaderDecision {
  if (records.length === 0) return { header: false, reason: 'the file has no rows' };
  const first = records[0];
  const kinds = first.map((cell) => cellKind(cell, decimalComma));
  const below = records.slice(1, 1 + SAMPLE_ROWS).filter((row) => row.length === first.length);
  const numberColumns = kinds.flatMap((k, c) => (k === 'number' || k === 'non-finite' ? [c] : []));
  const run = numberColumns.length > 0 ? nameRun(first, numberColumns, below, decimalComma) : undefined;

  if (numberColumns.length > 0 && !run) {
    const c = numberColumns[0];
    return {
      header: false,
      reason: `the first row holds numbers where names would be ("${first[c]}" in column ${c + 1}), so it is data`,
    };
  }
  const textColumns = kinds.flatMap((k, c) => (k === 'text' ? [c] : []));
  if (textColumns.length === 0 && !run) {
    return { header: false, reason: 'the first row has no names, only empty cells' };
  }
  if (below.length === 0) return { header: true, reason: 'the first row has names and nothing below it' };
  const overNumbers = textColumns.find((c) => mostlyNumbers(below, c, decimalComma));
  const runWords = run
    ? `its numbers ${quoteRun(run)} count up in equal steps across the columns, as column names do, and no row below does that`
    : '';
  if (overNumbers !== undefined) {
    const words = `"${first[overNumbers]}" is text above a column of numbers`;
    return { header: true, reason: run ? `${words}, and ${runWords}` : words };
  }
  if (run) return { header: true, reason: runWords };
  const recurring = textColumns.find((c) => below.some((row) => row[c] === first[c]));
  if (recurring !== undefined) {
    return {
      header: false,
      reason: `"${first[recurring]}" in the first row appears again below it in column ${recurring + 1}, so it is data`,
    };
  }
  return { header: true, reason: 'none of the first row’s words appears again in the rows below' };
}

/** The first row's numbers, when they form names: equal whole-number steps across ≥ 2 columns. */
function nameRun(
  first: readonly string[],
  columns: readonly number[],
  below: readonly string[][],
  decimalComma: boolean,
): string[] | undefined {
  const values = columns.map((c) => cellNumber(first[c], decimalComma));
  if (!isSteppedRun(values)) return undefined;
  if (values.length === 2 && Math.abs(values[1] - values[0]) !== 1) return undefined;
  const repeated = below.some((row) => isSteppedRun(columns.map((c) => cellNumber(row[c], decimalComma))));
  return repeated ? undefined : columns.map((c) => first[c]);
}

function isSteppedRun(values: readonly number[]): boolean {
  if (values.length < 2 || !values.every(Number.isInteger)) return false;
  const step = values[1] - values[0];
  return step !== 0 && values.every((v, i) => i === 0 || v - values[i - 1] === step);
}

function mostlyNumbers(rows: readonly string[][], column: number, decimalComma: boolean): boolean {
  let numbers = 0;
  let present = 0;
  for (const row of rows) {
    const kind: CellKind = cellKind(row[column], decimalComma);
    if (kind === 'missing') continue;
    present++;
    if (kind !== 'text') numbers++;
  }
  return present > 0 && numbers / present > NUMERIC_BELOW;
}

function quoteRun(run: readonly string[]): string {
  const shown = run.length > 4 ? [...run.slice(0, 3), '…', run[run.length - 1]] : run;
  return shown.join(', ');
}

/** Unique column names: blanks become `column_i`, repeats get `_2`, `_3`… */
export function columnNames(raw: readonly string[]): string[] {
  const used = new Set<string>();
  return raw.map((cell, i) => {
    const base = cell.trim() === '' ? `column_${i + 1}` : cell.trim();
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}

export function generatedNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `column_${i + 1}`);
}

/** Header names that occur more than once (blank names excluded), each with how often it occurs. */
export function repeatedNames(raw: readonly string[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const cell of raw) {
    const name = cell.trim();
    if (name !== '') counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count > 1).map(([name, count]) => ({ name, count }));
}
