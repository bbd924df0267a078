import Papa from 'papaparse';
import type { Delimiter } from './table';

const CANDIDATES: readonly Delimiter[] = ['\t', ';', ','];
const SAMPLE_ROWS = 50;

interface Score {
  delimiter: Delimiter;
  /** Share of sampled rows that have the most common field count. */
  consistency: number;
  fields: number;
}

/**
 * Picks comma, semicolon or tab by parsing the first rows with each: the winner splits the rows into
 * the same number of fields (at least 2) most consistently; then the one giving more fields; then tab,
 * semicolon, comma in that order (a semicolon file with decimal commas splits on commas consistently too).
 */
export function detectDelimiter(text: string): Delimiter {
  const scores = CANDIDATES.map((delimiter) => score(text, delimiter)).filter((s) => s.fields >= 2);
  if (scores.length === 0) return ',';
  scores.sort((a, b) => b.consistency - a.consistency || b.fields - a.fields);
  return scores[0].delimiter;
}

function score(text: string, delimiter: Delimiter): Score {
  const parsed = Papa.parse<string[]>(text, { delimiter, preview: SAMPLE_ROWS, skipEmptyLines: 'greedy' });
  const counts = new Map<number, number>();
  for (const row of parsed.data) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let fields = 0;
  let best = 0;
  for (const [length, count] of counts) {
    if (count > best || (count === best && length > fields)) [fields, best] = [length, count];
  }
  return { delimiter, fields, consistency: parsed.data.length === 0 ? 0 : best / parsed.data.length };
}
