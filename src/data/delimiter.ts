import Papa from 'papaparse';
import type { Delimiter } from './table';

const CANDIDATES: readonly Delimiter[] = ['\t', ';', ','];
const SAMPLE_ROWS = 50;
/** Whitespace splitting must give the same field count on this share of the sampled lines. */
const WHITESPACE_CONSISTENCY = 0.9;

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
 * A file with no comma or semicolon that splits on runs of spaces into more fields than that (say
 * auto-mpg.data, aligned columns with one tab before a quoted name) is space-separated: `' '`.
 */
export function detectDelimiter(text: string): Delimiter {
  const scores = CANDIDATES.map((delimiter) => score(text, delimiter)).filter((s) => s.fields >= 2);
  scores.sort((a, b) => b.consistency - a.consistency || b.fields - a.fields);
  const best = scores[0];
  const fewFields = !best || best.fields < 3;
  // A tab file whose rows sometimes have two tabs in a row (UCI's seeds) splits evenly on runs of
  // whitespace; a tab file with empty cells does not, and stays tab-separated.
  const unevenTabs = best?.delimiter === '\t' && best.consistency < 1;
  const spaces = fewFields || unevenTabs ? whitespaceScore(text) : undefined;
  if (spaces && fewFields && spaces.fields > (best?.fields ?? 1)) return ' ';
  if (spaces && unevenTabs && spaces.fields === best.fields && spaces.consistency > best.consistency)
    return ' ';
  return best ? best.delimiter : ',';
}

function score(text: string, delimiter: Delimiter): Score {
  const parsed = Papa.parse<string[]>(text, { delimiter, preview: SAMPLE_ROWS, skipEmptyLines: 'greedy' });
  return scoreRows(
    parsed.data.map((row) => row.length),
    delimiter,
  );
}

function scoreRows(lengths: number[], delimiter: Delimiter): Score {
  const counts = new Map<number, number>();
  for (const length of lengths) counts.set(length, (counts.get(length) ?? 0) + 1);
  let fields = 0;
  let best = 0;
  for (const [length, count] of counts) {
    if (count > best || (count === best && length > fields)) [fields, best] = [length, count];
  }
  return { delimiter, fields, consistency: lengths.length === 0 ? 0 : best / lengths.length };
}

/** Space-separated fields of the first lines, when no line has a comma or semicolon outside quotes. */
function whitespaceScore(text: string): Score | undefined {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, SAMPLE_ROWS);
  const lengths: number[] = [];
  for (const line of lines) {
    const unquoted = line.replace(/"[^"]*"/g, '""');
    if (/[,;]/.test(unquoted)) return undefined;
    lengths.push(unquoted.trim().split(/[ \t]+/).length);
  }
  const scored = scoreRows(lengths, ' ');
  return scored.fields >= 2 && scored.consistency >= WHITESPACE_CONSISTENCY ? scored : undefined;
}

/**
 * Space-separated text as tab-separated: each line trimmed, every run of spaces and tabs outside
 * double quotes one tab. Lines keep their place, so row numbers in messages stay right.
 */
export function spacesToTabs(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => (i % 2 === 1 ? part : collapseOutsideQuotes(part.trim())))
    .join('');
}

function collapseOutsideQuotes(line: string): string {
  let out = '';
  let quoted = false;
  let inRun = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === ' ' || ch === '\t')) {
      if (!inRun) out += '\t';
      inRun = true;
      continue;
    }
    inRun = false;
    out += ch;
  }
  return out;
}

/**
 * Excel writes `sep=;` as the first line of a CSV to name its delimiter: the delimiter it names,
 * when it is one of ours.
 */
export function excelSeparator(text: string): Delimiter | undefined {
  const match = /^"?sep=(.)"?[ \t]*(\r\n|\r|\n|$)/i.exec(text);
  const named = match?.[1];
  return named === ',' || named === ';' || named === '\t' ? named : undefined;
}
