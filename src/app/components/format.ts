/** Number, value and duration formatting shared by the panels. */
import type { ParamValue } from '../../core/space';

const grouped = new Intl.NumberFormat('en-US');

/** 12288 → "12,288". */
export const formatCount = (n: number): string => grouped.format(n);

/** A metric or hyperparameter value, short but exact enough to compare: 0.98541 → "0.9854", 0.00031 → "3.1e-4". */
export function formatNumber(n: number, digits = 4): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return grouped.format(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6))
    return Number(n.toPrecision(Math.max(1, digits - 1))).toExponential();
  if (abs >= 100) return n.toFixed(Math.max(0, digits - 3));
  return String(Number(n.toFixed(digits)));
}

/** Values as they appear in a search space: numbers in full (grid values are exact), texts as they are. */
export function formatValue(v: ParamValue): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
  return String(v);
}

/** 80_000 → "1 min 20 s"; 3_900_000 → "1 h 5 min"; 4_000 → "4 s". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** "1 trial", "3 trials". */
export const plural = (n: number, word: string, many = `${word}s`): string =>
  `${formatCount(n)} ${n === 1 ? word : many}`;

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
