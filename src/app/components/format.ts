/** Formatting of the panels: numbers as everywhere (core/format), plus durations and value lists. */
import type { ParamValue } from '../../core/space';

export { formatCount, formatExact as formatValue, formatNumber, plural } from '../../core/format';

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
