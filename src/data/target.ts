import { fail, ok, type Result } from './errors';
import { distinctValues, valueKey, type ColumnProfile } from './infer';
import type { Task } from './types';

/** Up to this many distinct whole numbers make a classification target; more are a quantity. */
export const MAX_CLASSES = 20;

/** Up to this many distinct text values make a classification target (letter recognition has 26). */
export const MAX_TEXT_CLASSES = 50;

/**
 * Text values that would make classes, as many as a classifier takes and each with some rows: when
 * more than half the rows have their own value the column holds names or free text.
 */
export const textClassesFit = (distinct: number, rows: number): boolean =>
  distinct <= MAX_TEXT_CLASSES && distinct <= rows / 2;

export interface TargetEncoding {
  task: Task;
  /** Index = encoded class. Binary: [negative, positive]. */
  classNames: string[];
  /** Per row of the profile: class index, or the raw value for regression. */
  y: Float32Array;
}

const AFFIRMATIVE: Record<string, string> = {
  yes: 'no',
  y: 'n',
  true: 'false',
  t: 'f',
  positive: 'negative',
  pos: 'neg',
  present: 'absent',
  on: 'off',
};

/**
 * The task follows from the target's distinct values: exactly two → binary; at most 20 whole numbers,
 * or text values that fit as classes (`textClassesFit`) → multiclass; otherwise numbers → regression
 * (the value is kept raw, not scaled).
 * `quantity` (the user set the target's type to numeric) makes whole numbers regression too (wine
 * quality 3…9 predicted as a number). The profile must have no missing rows (the caller drops rows
 * without a target first).
 */
export function encodeTarget(profile: ColumnProfile, file: string, quantity = false): Result<TargetEncoding> {
  const column = profile.name;
  if (profile.type === 'empty') {
    return fail('target-all-missing', file, `${file}: the target column "${column}" has no values.`, {
      column,
    });
  }
  const values = distinctValues(profile);
  if (values.length < 2) {
    return fail(
      'single-class',
      file,
      `${file}: the target column "${column}" has only one value ("${values[0]}"); a model needs at least two classes to tell apart.`,
      { column },
    );
  }
  if (values.length === 2) return ok(classify(profile, 'binary', binaryOrder(profile, values)));
  const numeric = profile.type === 'numeric';
  const rows = profile.numbers.length || profile.texts.length;
  if (
    numeric
      ? values.length <= MAX_CLASSES && profile.integers && !quantity
      : textClassesFit(values.length, rows)
  )
    return ok(classify(profile, 'multiclass', values));
  if (numeric) return ok({ task: 'regression', classNames: [], y: Float32Array.from(profile.numbers) });
  return fail(
    'too-many-classes',
    file,
    profile.inferredType === 'numeric'
      ? `${file}: the target column "${column}", read as categories, has ${values.length} different values; classification supports at most ${MAX_TEXT_CLASSES} classes. Set its type back to numeric to predict the number.`
      : values.length <= MAX_TEXT_CLASSES
        ? `${file}: the target column "${column}" has ${values.length} different text values in ${rows} rows: names or free text, not classes with rows to learn from, and regression needs numbers.`
        : `${file}: the target column "${column}" has ${values.length} different text values; classification supports at most ${MAX_TEXT_CLASSES} classes and regression needs numbers.`,
    { column },
  );
}

function classify(profile: ColumnProfile, task: Task, classNames: string[]): TargetEncoding {
  const index = new Map(classNames.map((name, i) => [name, i]));
  const y = new Float32Array(profile.numbers.length || profile.texts.length);
  for (let i = 0; i < y.length; i++) y[i] = index.get(valueKey(profile, i) as string) as number;
  return { task, classNames, y };
}

/**
 * [negative, positive] for a two-valued target: numbers → the larger is positive (0/1, 1/2, −1/1);
 * a known pair (no/yes, false/true, negative/positive…) → the affirmative one; otherwise the LESS
 * frequent value is positive, because the class of interest (malignant, fraud, disease) is usually
 * the rarer one; on a tie, the later one in sorted order.
 */
export function binaryOrder(profile: ColumnProfile, sorted: string[]): string[] {
  const [a, b] = sorted;
  if (profile.type === 'numeric') return [a, b];
  const lowA = a.toLowerCase();
  const lowB = b.toLowerCase();
  if (AFFIRMATIVE[lowB] === lowA) return [a, b];
  if (AFFIRMATIVE[lowA] === lowB) return [b, a];
  let countA = 0;
  let countB = 0;
  for (const text of profile.texts) {
    if (text === a) countA++;
    else if (text === b) countB++;
  }
  return countA < countB ? [b, a] : [a, b];
}
