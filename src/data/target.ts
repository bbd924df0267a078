import { fail, ok, type Result } from './errors';
import { distinctValues, valueKey, type ColumnProfile } from './infer';
import type { Task } from './types';

/** Up to this many distinct values (text, or whole numbers) make a classification target. */
export const MAX_CLASSES = 20;

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
 * The task follows from the target's distinct values: exactly two → binary; at most 20 that are text
 * or whole numbers → multiclass; otherwise numbers → regression (the value is kept raw, not scaled).
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
  if (values.length <= MAX_CLASSES && (!numeric || (profile.integers && !quantity))) {
    return ok(classify(profile, 'multiclass', values));
  }
  if (numeric) return ok({ task: 'regression', classNames: [], y: Float32Array.from(profile.numbers) });
  return fail(
    'too-many-classes',
    file,
    profile.inferredType === 'numeric'
      ? `${file}: the target column "${column}", read as categories, has ${values.length} different values; classification supports at most ${MAX_CLASSES} classes. Set its type back to numeric to predict the number.`
      : `${file}: the target column "${column}" has ${values.length} different text values; classification supports at most ${MAX_CLASSES} classes and regression needs numbers.`,
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
