/** Number and text formatting shared by the reports. */
import type { ParamValue } from '../core/space/types';

/** Four significant digits, without trailing zeros: 0.0031415 → "0.003142", 32 → "32", 1e-7 → "1e-7". */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return String(Number(x.toPrecision(digits)));
}

export function formatValue(v: ParamValue): string {
  return typeof v === 'number' ? formatNumber(v) : String(v);
}

/** "a, b and c" */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 trial", "3 trials" */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
