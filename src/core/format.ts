/** Numbers, values and counts as text: one definition for every panel, chart and report. */
import type { ParamValue } from './space/types';

const grouped = new Intl.NumberFormat('en-US');

/** 12288 → "12,288". */
export const formatCount = (n: number): string => grouped.format(n);

/**
 * A metric or setting, short but exact enough to compare: `digits` significant digits, and exponent
 * form below 0.0001 and from a million. 0.98541 → "0.9854", 0.00031 → "0.00031", 2e-5 → "2e-5", 32 → "32".
 */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const abs = Math.abs(x);
  if (abs < 1e-4 || abs >= 1e6) return Number(x.toPrecision(Math.max(1, digits - 1))).toExponential();
  return String(Number(x.toPrecision(digits)));
}

/** A hyperparameter value, numbers rounded for reading: "0.003162", "adam", "true". One argument, for `map`. */
export const formatValue = (v: ParamValue): string => (typeof v === 'number' ? formatNumber(v) : String(v));

/** A value as written in a search space: exact (grid values are exact), only float noise removed. */
export const formatExact = (v: ParamValue): string =>
  typeof v === 'number' ? String(Number.isInteger(v) ? v : Number(v.toPrecision(12))) : String(v);

/** "1 trial", "1,200 trials". */
export const plural = (n: number, word: string, many = `${word}s`): string =>
  `${formatCount(n)} ${n === 1 ? word : many}`;

/** "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${formatCount(n)}${suffix}`;
}
