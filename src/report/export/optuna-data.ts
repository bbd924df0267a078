/**
 * The encoded dataset as a CSV for the Optuna bundle: the features as the network sees them but NOT
 * standardised (x · std + mean, so the script fits the standardisation on the train rows itself), the
 * target (the class name, or the value for regression), and the split each row had in the browser.
 */
import type { EncodedDataset } from '../../data/types';
import { csvText, numberCell, quoteCell } from './csv-cells';

export type SplitName = 'train' | 'validation' | 'test';

export interface DataColumns {
  file: string;
  task: EncodedDataset['task'];
  features: string[];
  target: string;
  split: string;
  /** The k-fold column (empty for test rows), when the study used cross-validation. */
  fold: string | null;
  classNames: string[];
  rows: number;
  splitSizes: Record<SplitName, number>;
}

/** Each row's split (and fold), checking that every row is in exactly one split. */
export function rowSplits(dataset: EncodedDataset): { split: SplitName[]; fold: (number | undefined)[] } {
  const split = new Array<SplitName | undefined>(dataset.rows);
  for (const name of ['train', 'validation', 'test'] as const)
    for (const row of dataset.splits[name]) {
      if (split[row] !== undefined) throw new Error(`row ${row} is in both ${split[row]} and ${name}`);
      split[row] = name;
    }
  const missing = split.findIndex((s) => s === undefined);
  if (missing >= 0) throw new Error(`row ${missing} is in no split`);
  const fold = new Array<number | undefined>(dataset.rows);
  dataset.splits.folds?.forEach((rows, k) => rows.forEach((row) => (fold[row] = k)));
  return { split: split as SplitName[], fold };
}

/**
 * Decimals that keep a feature to 1e-7 of its standard deviation, finer than the float32 it was stored
 * in: 3.6215999126 (float32 noise) is written 3.6216, and standardising it again gives the same value.
 */
function decimalsFor(std: number): number {
  return Math.min(20, Math.max(0, Math.ceil(-Math.log10(std * 1e-7))));
}

/** Distinct names for the extra columns: `split` unless a feature or the target is called that. */
function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(name); i++) name = `${wanted}_${i}`;
  taken.add(name);
  return name;
}

export function optunaDataCsv(
  dataset: EncodedDataset,
  file = 'data.csv',
): { text: string; columns: DataColumns } {
  const { split, fold } = rowSplits(dataset);
  const taken = new Set(dataset.featureNames);
  const target = uniqueName(dataset.targetName, taken);
  const splitColumn = uniqueName('split', taken);
  const foldColumn = dataset.splits.folds ? uniqueName('fold', taken) : null;
  const { mean, std } = dataset.scaler;
  const f = dataset.features;
  const decimals = std.map(decimalsFor);
  const rows: string[][] = [
    [...dataset.featureNames, target, splitColumn, ...(foldColumn ? [foldColumn] : [])].map(quoteCell),
  ];
  for (let r = 0; r < dataset.rows; r++) {
    const cells: string[] = [];
    for (let j = 0; j < f; j++)
      cells.push(numberCell(Number((dataset.x[r * f + j] * std[j] + mean[j]).toFixed(decimals[j]))));
    const y = dataset.y[r];
    cells.push(dataset.task === 'regression' ? numberCell(y) : quoteCell(dataset.classNames[y]));
    cells.push(split[r]);
    if (foldColumn) cells.push(numberCell(fold[r]));
    rows.push(cells);
  }
  return {
    text: csvText(rows),
    columns: {
      file,
      task: dataset.task,
      features: [...dataset.featureNames],
      target,
      split: splitColumn,
      fold: foldColumn,
      classNames: [...dataset.classNames],
      rows: dataset.rows,
      splitSizes: {
        train: dataset.splits.train.length,
        validation: dataset.splits.validation.length,
        test: dataset.splits.test.length,
      },
    },
  };
}
