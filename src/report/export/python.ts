/** Python source fragments: literals that parse back to the same value, whatever the text holds. */
import type { ParamValue } from '../../core/space/types';

/** A double-quoted str literal; ASCII only, so the file's encoding never matters. */
export function pyString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x7f) out += ch;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

export function pyInt(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : BigInt(Math.trunc(value)).toString();
}

/** Always a float literal: 1 → "1.0", 1e-7 → "1e-07"-equivalent "1e-7". */
export function pyFloat(value: number): string {
  if (Number.isNaN(value)) return 'float("nan")';
  if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** The Python type a list of values needs to be one type (Keras Tuner's Choice insists). */
export type PyType = 'int' | 'float' | 'str' | 'bool';

export function commonType(values: readonly ParamValue[]): { type: PyType; mixed: boolean } {
  if (values.every((v) => typeof v === 'boolean')) return { type: 'bool', mixed: false };
  if (values.every((v) => typeof v === 'string')) return { type: 'str', mixed: false };
  if (values.every((v) => typeof v === 'number'))
    return { type: values.every((v) => Number.isInteger(v)) ? 'int' : 'float', mixed: false };
  return { type: 'str', mixed: true };
}

/** `value` as a literal of `type` (a mixed choice becomes text, as the script's comment explains). */
export function pyValue(value: ParamValue, type: PyType): string {
  if (type === 'str') return pyString(String(value));
  if (type === 'bool') return pyBool(Boolean(value));
  if (typeof value !== 'number') return pyString(String(value));
  return type === 'int' ? pyInt(value) : pyFloat(value);
}

export function pyList(values: readonly ParamValue[], type: PyType): string {
  return `[${values.map((v) => pyValue(v, type)).join(', ')}]`;
}

export function pyStringList(values: readonly string[]): string {
  return `[${values.map(pyString).join(', ')}]`;
}

/** Text safe inside a # comment: one line, no control characters. */
export function pyComment(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ');
}

/** A valid Python identifier (and a safe directory name) from any text. */
export function pyIdentifier(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  const name = /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
  return name === '' || PYTHON_KEYWORDS.has(name) ? `${name}_` : name;
}

const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);
