import { Rng } from '../core/rng';
import { analyseTable, type AnalyseOptions, type DatasetAnalysis } from './analyse';
import { readCsv, type ReadCsvOptions } from './csv';
import { decodeCsvBytes } from './decode';
import { encodeFeatures } from './encode';
import { fail, guard, ok, type Result } from './errors';
import { DEFAULT_SPLITS, makeSplits, splitProblem, type SplitFractions } from './split';
import { applyScaler, fitScaler } from './standardise';
import type { RawTable } from './table';
import type { EncodedDataset } from './types';

export interface EncodeOptions extends AnalyseOptions {
  /** Seeds the split (and fold) shuffles: the same seed gives the same split. */
  seed: number;
  /** Dataset name; the file name without its extension when omitted. */
  name?: string;
  /** Defaults to 0.7 / 0.15 / 0.15. */
  splits?: SplitFractions;
  /** k ≥ 2: k-fold cross-validation folds over train ∪ validation (sets `dataset.splits.folds`). */
  folds?: number;
}

export type LoadOptions = EncodeOptions & ReadCsvOptions;

export interface Loaded {
  analysis: DatasetAnalysis;
  dataset: EncodedDataset;
}

/** CSV text → analysis + encoded, split, standardised dataset. Never throws: errors are values. */
export function loadCsv(text: string, options: LoadOptions): Result<Loaded> {
  const table = readCsv(text, options);
  return table.ok ? loadTable(table.value, options) : table;
}

/** File bytes → the same pipeline, after detecting the text encoding (UTF-8, UTF-16, Windows-1252). */
export function loadCsvBytes(bytes: Uint8Array, options: LoadOptions): Result<Loaded> {
  const decoded = decodeCsvBytes(bytes, options.fileName);
  const loaded = loadCsv(decoded.text, options);
  if (loaded.ok && decoded.warning) loaded.value.analysis.warnings.unshift(decoded.warning);
  return loaded;
}

/** The same pipeline from a raw table (what the synthetic generators produce). */
export function loadTable(table: RawTable, options: EncodeOptions): Result<Loaded> {
  return guard(table.fileName, () => encodeTable(table, options));
}

function encodeTable(table: RawTable, options: EncodeOptions): Result<Loaded> {
  const file = table.fileName;
  const planned = analyseTable(table, options);
  if (!planned.ok) return planned;
  const { analysis, rows, features, target } = planned.value;
  const fractions = options.splits ?? DEFAULT_SPLITS;
  const problem = splitProblem(fractions, options.folds, rows.length);
  if (problem) return fail('bad-options', file, `Cannot split ${file}: ${problem}.`);

  const classes = target.task === 'regression' ? null : target.y;
  const splits = makeSplits(rows.length, classes, fractions, new Rng(options.seed), options.folds);
  const encoded = encodeFeatures(features, rows.length, splits.train);
  const scaler = fitScaler(encoded.x, encoded.featureNames.length, splits.train);
  applyScaler(encoded.x, scaler);

  features.forEach((profile, i) => {
    const column = analysis.columns.find((c) => c.name === profile.name);
    if (!column) return;
    column.encodedAs = encoded.encodedAs[i];
    const fill = encoded.imputed[i];
    if (fill !== undefined) column.imputedWith = fill;
  });
  const dataset: EncodedDataset = {
    name: options.name ?? file.replace(/\.[^.]+$/, ''),
    task: target.task,
    featureNames: encoded.featureNames,
    targetName: analysis.target,
    classNames: target.classNames,
    rows: rows.length,
    features: encoded.featureNames.length,
    x: encoded.x,
    y: target.y,
    splits,
    scaler,
  };
  return ok({ analysis, dataset });
}
