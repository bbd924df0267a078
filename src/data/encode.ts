import { compareText, distinctValues, type ColumnProfile } from './infer';

export interface EncodedFeatures {
  /** rows × features, row-major, NOT yet standardised. */
  x: Float32Array;
  featureNames: string[];
  /** Per input column: the value missing cells were filled with (undefined when none were missing). */
  imputed: (number | string | undefined)[];
  /** Per input column: the encoded feature names it became. */
  encodedAs: string[][];
}

/**
 * Numeric columns pass through; missing cells get the median of the TRAINING rows. Categorical
 * columns become one 0/1 column per value (`column=value`, values sorted); missing cells get the most
 * frequent value of the training rows. Training rows only, so nothing about the other splits leaks in.
 */
export function encodeFeatures(
  columns: readonly ColumnProfile[],
  rows: number,
  train: ArrayLike<number>,
): EncodedFeatures {
  const featureNames: string[] = [];
  const encodedAs: string[][] = [];
  const categories: string[][] = [];
  for (const column of columns) {
    const values = column.type === 'categorical' ? distinctValues(column) : [];
    categories.push(values);
    const names = column.type === 'categorical' ? values.map((v) => `${column.name}=${v}`) : [column.name];
    encodedAs.push(names);
    featureNames.push(...names);
  }
  const width = featureNames.length;
  const x = new Float32Array(rows * width);
  const imputed: (number | string | undefined)[] = [];
  let offset = 0;
  columns.forEach((column, c) => {
    if (column.type === 'numeric') {
      const fill = median(column.numbers, train);
      imputed.push(column.missing > 0 ? fill : undefined);
      for (let r = 0; r < rows; r++) {
        const v = column.numbers[r];
        x[r * width + offset] = Number.isNaN(v) ? fill : v;
      }
      offset += 1;
    } else {
      const fill = mode(column.texts, train);
      imputed.push(column.missing > 0 ? fill : undefined);
      const slot = new Map(categories[c].map((v, i) => [v, i]));
      for (let r = 0; r < rows; r++) {
        x[r * width + offset + (slot.get(column.texts[r] ?? fill) as number)] = 1;
      }
      offset += categories[c].length;
    }
  });
  return { x, featureNames, imputed, encodedAs };
}

/** Median of the non-missing values on the given rows; of all rows when those have none. */
function median(values: Float64Array, rows: ArrayLike<number>): number {
  let present = Array.from(rows, (r) => values[r]).filter((v) => !Number.isNaN(v));
  if (present.length === 0) present = Array.from(values).filter((v) => !Number.isNaN(v));
  present.sort((a, b) => a - b);
  const mid = present.length >> 1;
  return present.length % 2 === 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
}

/** Most frequent value on the given rows (ties: first in sorted order); of all rows when those have none. */
function mode(texts: readonly (string | null)[], rows: ArrayLike<number>): string {
  let present = Array.from(rows, (r) => texts[r]).filter((t): t is string => t !== null);
  if (present.length === 0) present = texts.filter((t): t is string => t !== null);
  const counts = new Map<string, number>();
  for (const t of present) counts.set(t, (counts.get(t) ?? 0) + 1);
  let best = '';
  let bestCount = -1;
  for (const [value, count] of [...counts].sort((a, b) => compareText(a[0], b[0]))) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}
