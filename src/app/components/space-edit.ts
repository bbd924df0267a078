/** Pure helpers of the search-space editor: kind changes, fixing, conditions and value lists in words. */
import {
  paramValues,
  validateParam,
  SpaceError,
  type Condition,
  type Param,
  type ParamValue,
  type SearchSpace,
} from '../../core/space';
import { formatExact } from './format';

export type Kind = Param['kind'];
export const KINDS: readonly Kind[] = ['int', 'float', 'choice', 'boolean', 'fixed'];

/** The exact values, or null when continuous or invalid. */
export function safeValues(p: Param): ParamValue[] | null {
  try {
    validateParam(p);
    return paramValues(p);
  } catch {
    return null;
  }
}

/** The value a parameter is fixed at: its first value, or min for a continuous float. */
export function firstValue(p: Param): ParamValue {
  if (p.kind === 'fixed') return p.value;
  if (p.kind === 'boolean') return false;
  if (p.kind === 'choice') return p.values[0] ?? '';
  return safeValues(p)?.[0] ?? p.min;
}

export function fixParam(p: Param, value: ParamValue = firstValue(p)): Param {
  return withCondition({ kind: 'fixed', name: p.name, value }, p.condition);
}

function withCondition(p: Param, condition: Condition | undefined): Param {
  return condition ? { ...p, condition } : p;
}

function numbersOf(p: Param): number[] {
  if (p.kind === 'int' || p.kind === 'float') return [p.min, p.max];
  if (p.kind === 'fixed') return typeof p.value === 'number' ? [p.value] : [];
  if (p.kind === 'choice') return p.values.filter((v): v is number => typeof v === 'number');
  return [0, 1];
}

/** The closest definition of another kind, keeping name, condition and as much of the range as fits. */
export function convertKind(p: Param, kind: Kind): Param {
  if (kind === p.kind) return p;
  const nums = numbersOf(p);
  const lo = nums.length ? Math.min(...nums) : 0;
  const hi = nums.length ? Math.max(...nums) : 1;
  const sampling = (p.kind === 'int' || p.kind === 'float') && p.sampling ? { sampling: p.sampling } : {};
  switch (kind) {
    case 'int': {
      const min = Math.ceil(lo);
      const max = Math.max(min, Math.floor(hi));
      const step =
        p.kind === 'float' && p.step !== undefined && p.step >= 1 ? { step: Math.round(p.step) } : {};
      return withCondition({ kind: 'int', name: p.name, min, max, ...step, ...sampling }, p.condition);
    }
    case 'float':
      return withCondition(
        { kind: 'float', name: p.name, min: lo, max: hi === lo ? lo + 1 : hi, ...sampling },
        p.condition,
      );
    case 'choice': {
      const values = p.kind === 'fixed' ? [p.value] : safeValues(p);
      const list = values && values.length <= 20 ? values : [lo, hi];
      return withCondition({ kind: 'choice', name: p.name, values: [...list] }, p.condition);
    }
    case 'boolean':
      return withCondition({ kind: 'boolean', name: p.name }, p.condition);
    case 'fixed':
      return fixParam(p);
  }
}

/** "when layers ≥ 4", "when lr_decay_rate is 0.95 or 0.9". */
export function describeCondition(condition: Condition, space: SearchSpace): string {
  const parent = space.params.find((p) => p.name === condition.parent);
  const wanted = condition.values;
  const domain = parent ? safeValues(parent) : null;
  if (parent?.kind === 'int' && domain && wanted.every((v) => typeof v === 'number')) {
    const sorted = (domain as number[]).slice().sort((a, b) => a - b);
    const possible = sorted.filter((v) => wanted.includes(v));
    if (possible.length === 0) return `never: ${condition.parent} does not take ${listOr(wanted)}`;
    if (possible.length === sorted.length) return `when ${condition.parent} is any of its values`;
    const from = sorted.indexOf(possible[0]);
    const contiguous = possible.every((v, i) => sorted[from + i] === v);
    if (possible.length > 1 && contiguous && from + possible.length === sorted.length)
      return `when ${condition.parent} ≥ ${possible[0]}`;
    if (possible.length > 1 && contiguous && from === 0)
      return `when ${condition.parent} ≤ ${possible[possible.length - 1]}`;
  }
  return wanted.length === 1
    ? `when ${condition.parent} = ${formatExact(wanted[0])}`
    : `when ${condition.parent} is ${listOr(wanted)}`;
}

function listOr(values: ParamValue[]): string {
  const texts = values.map(formatExact);
  return texts.length <= 1
    ? texts.join('')
    : `${texts.slice(0, -1).join(', ')} or ${texts[texts.length - 1]}`;
}

/** The exact values in words: "32, 160, 288, 416", "continuous (log)", or a shortened long list. */
export function describeValues(p: Param, longest = 10): string {
  if (p.kind === 'float' && p.step === undefined) return `continuous (${p.sampling ?? 'linear'})`;
  const values = safeValues(p);
  if (!values) return '—';
  const texts = values.map(formatExact);
  if (texts.length <= longest) return texts.join(', ');
  return `${texts.slice(0, 4).join(', ')}, …, ${texts.slice(-2).join(', ')} (${texts.length} values)`;
}

/** Every parameter's problem: its own definition's, and the first whole-space one (conditions, names). */
export function spaceProblems(space: SearchSpace, spaceError: SpaceError | null): Map<string, string> {
  const problems = new Map<string, string>();
  for (const p of space.params) {
    try {
      validateParam(p);
    } catch (e) {
      if (e instanceof SpaceError) problems.set(p.name, withoutName(e));
    }
  }
  if (spaceError && !problems.has(spaceError.param)) problems.set(spaceError.param, withoutName(spaceError));
  return problems;
}

function withoutName(e: SpaceError): string {
  const prefix = `${e.param}: `;
  return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}

const PER_LAYER = /^(.+)_(\d+)$/;

export type Row = { kind: 'param'; index: number } | { kind: 'layers'; indices: number[] };

/** Consecutive per-layer parameters (units_0, dropout_0, units_1…) become one collapsible group. */
export function groupRows(space: SearchSpace): Row[] {
  const rows: Row[] = [];
  let group: number[] = [];
  const flush = () => {
    if (group.length >= 4) rows.push({ kind: 'layers', indices: group });
    else for (const index of group) rows.push({ kind: 'param', index });
    group = [];
  };
  space.params.forEach((p, index) => {
    if (PER_LAYER.test(p.name)) group.push(index);
    else {
      flush();
      rows.push({ kind: 'param', index });
    }
  });
  flush();
  return rows;
}

/** "units 32, 160, 288, 416 · dropout 0, 0.1, 0.2, 0.3 (the same for every layer)". */
export function summariseLayers(params: Param[]): string {
  const byBase = new Map<string, string[]>();
  for (const p of params) {
    const base = p.name.match(PER_LAYER)?.[1] ?? p.name;
    byBase.set(base, [...(byBase.get(base) ?? []), describeValues(p, 6)]);
  }
  const parts = [...byBase].map(([base, texts]) => {
    const same = texts.every((t) => t === texts[0]);
    return `${base}: ${same ? texts[0] : 'differs per layer'}`;
  });
  return parts.join(' · ');
}
