/** Formatting of the panels: numbers as everywhere (core/format), plus durations and value lists. */
import type { ParamValue } from '../../core/space';

export { formatCount, formatExact, formatNumber, plural } from '../../core/format';

/** 80_000 → "1 min 20 s"; 3_900_000 → "1 h 5 min"; 4_000 → "4 s". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** Turns comma-separated text into values: numbers stay numbers, true/false become booleans. */
export function parseValues(text: string): ParamValue[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .map(parseValue);
}

export function parseValue(text: string): ParamValue {
  const t = text.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : t;
}

const DECIMAL_CELL = /^[+-]?(\d*)\.(\d+)$/;
/** A person writes a handful of digits; 16 or more are a program printing a double (0.1 + 0.2). */
const MACHINE_DIGITS = 16;

/**
 * A data cell as the file writes it, except a decimal printed to the last bit of a double
 * ("0.35000000000000003", "1.3411806951092142"): shown to 6 significant digits, with the full text
 * kept for a tooltip. Whole numbers and every other cell are shown exactly as written.
 */
export function formatCell(cell: string): { text: string; full?: string } {
  const match = DECIMAL_CELL.exec(cell);
  if (!match) return { text: cell };
  const digits = (match[1] + match[2]).replace(/^0+/, '').length;
  if (digits < MACHINE_DIGITS) return { text: cell };
  return { text: String(Number(Number(cell).toPrecision(6))), full: cell };
}
