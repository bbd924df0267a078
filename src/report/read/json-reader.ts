/**
 * Small readers for untrusted JSON: each checks one value's shape and returns a fresh, typed copy,
 * or throws ShapeError naming the path (`state.trials[3].score`). Callers catch it at their boundary.
 */

export class ShapeError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ShapeError';
  }
}

/** Keys that could reach an object's prototype when copied naively. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

export function readObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ShapeError(path, `expected an object, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (key === '__proto__') throw new ShapeError(path, 'the key "__proto__" is not allowed');
  }
  return value as Record<string, unknown>;
}

export function readString(value: unknown, path: string, maxLength = 10_000): string {
  if (typeof value !== 'string') throw new ShapeError(path, `expected text, got ${describe(value)}`);
  if (value.length > maxLength) throw new ShapeError(path, `text longer than ${maxLength} characters`);
  return value;
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean')
    throw new ShapeError(path, `expected true or false, got ${describe(value)}`);
  return value;
}

/** Non-finite numbers and −0 are written as text (JSON has no NaN) and read back here. */
const SPECIAL_NUMBERS: Record<string, number> = {
  NaN: NaN,
  Infinity: Infinity,
  '-Infinity': -Infinity,
  '-0': -0,
};

export function encodeNumber(x: number): number | string {
  if (Number.isFinite(x) && !Object.is(x, -0)) return x;
  return Object.is(x, -0) ? '-0' : String(x);
}

export function readNumber(value: unknown, path: string, options: { special?: boolean } = {}): number {
  if (typeof value === 'number') return value;
  if (options.special && typeof value === 'string' && value in SPECIAL_NUMBERS) return SPECIAL_NUMBERS[value];
  throw new ShapeError(path, `expected a number, got ${describe(value)}`);
}

export function readInteger(value: unknown, path: string, min = -Infinity): number {
  const n = readNumber(value, path);
  if (!Number.isInteger(n) || n < min)
    throw new ShapeError(path, `expected a whole number${min > -Infinity ? ` ≥ ${min}` : ''}, got ${n}`);
  return n;
}

export function readEnum<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new ShapeError(path, `expected one of ${allowed.join(', ')}, got ${quote(value)}`);
  return value as T;
}

export function readList<T>(
  value: unknown,
  path: string,
  each: (item: unknown, path: string) => T,
  maxLength = 1_000_000,
): T[] {
  if (!Array.isArray(value)) throw new ShapeError(path, `expected a list, got ${describe(value)}`);
  if (value.length > maxLength) throw new ShapeError(path, `more than ${maxLength} entries`);
  return value.map((item, i) => each(item, `${path}[${i}]`));
}

/** A string-keyed record; built with Object.fromEntries so no key can touch a prototype. */
export function readRecord<T>(
  value: unknown,
  path: string,
  each: (item: unknown, path: string) => T,
): Record<string, T> {
  const o = readObject(value, path);
  return Object.fromEntries(Object.keys(o).map((key) => [key, each(o[key], `${path}.${key}`)]));
}

/** Copies `key` into `target` only when it is present in `source`. */
export function optional<T>(
  source: Record<string, unknown>,
  key: string,
  path: string,
  read: (value: unknown, path: string) => T,
): T | undefined {
  return source[key] === undefined ? undefined : read(source[key], `${path}.${key}`);
}

/** A value for a message: JSON-quoted, cut to 40 characters, with no character that could start markup. */
export function quote(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(typeof value);
  }
  const cut = [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
  return JSON.stringify(cut).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
