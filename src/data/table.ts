/** The raw table: what a CSV file (or a synthetic generator) becomes before any inference. */
import type { HeaderDecision } from './header';

/** `' '` stands for runs of spaces and tabs (UCI's `.data` files: auto-mpg, housing). */
export type Delimiter = ',' | ';' | '\t' | ' ';

export interface RawTable {
  fileName: string;
  delimiter: Delimiter;
  /** False when the file had no header row and the names were generated (or given by the caller). */
  hasHeader: boolean;
  /** What header detection concluded from the first row, and why (also when the caller decided). */
  headerDetection?: HeaderDecision;
  /** `hasHeader` was the caller's decision (the user's switch, a catalogue entry), not detection's. */
  headerForced?: boolean;
  /** One name per column, unique. */
  header: string[];
  /** Trimmed cells; every row has exactly `header.length` cells. */
  rows: string[][];
  /** For each row, the 1-based row of the file it came from (the header is row 1). */
  rowNumbers: number[];
  /** Sentences about what was skipped or assumed while reading. */
  warnings: string[];
  /** Hash of every record of the file as read, header row included (see `hashRows`). */
  contentHash?: string;
}

/** `semicolon` rather than `;` in messages: a teacher reads the name more easily than the glyph. */
export function delimiterName(delimiter: Delimiter): string {
  return delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : delimiter === '\t' ? 'tab' : 'space';
}
