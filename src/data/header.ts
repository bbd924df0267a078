import { cellKind } from './cells';

const SAMPLE_ROWS = 1000;

/**
 * The first row is a header when none of its cells is a number, at least one is text, and either
 * some column below it is mostly numbers, or none of its texts appears again in its column below
 * (which catches headers of all-text tables).
 */
export function looksLikeHeader(records: string[][], decimalComma: boolean): boolean {
  if (records.length === 0) return false;
  const first = records[0];
  const kinds = first.map((cell) => cellKind(cell, decimalComma));
  if (kinds.some((k) => k === 'number' || k === 'non-finite') || !kinds.includes('text')) return false;
  const below = records.slice(1, 1 + SAMPLE_ROWS).filter((row) => row.length === first.length);
  if (below.length === 0) return true;
  const numericBelow = first.some((_, col) => {
    let numbers = 0;
    let present = 0;
    for (const row of below) {
      const kind = cellKind(row[col], decimalComma);
      if (kind === 'missing') continue;
      present++;
      if (kind !== 'text') numbers++;
    }
    return present > 0 && numbers / present > 0.5;
  });
  if (numericBelow) return true;
  return first.every((cell, col) => kinds[col] !== 'text' || below.every((row) => row[col] !== cell));
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
