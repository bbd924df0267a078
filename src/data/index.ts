/**
 * src/data: CSV text, built-in datasets and synthetic 2-D sets → `EncodedDataset` for the trainers,
 * plus a `DatasetAnalysis` the UI shows. Pure TypeScript: no DOM, no tfjs. Nothing throws; every
 * entry point returns `Result<T, DataError>` (`{ ok: true, value }` or `{ ok: false, error }`), and
 * every error message names the file and, where it applies, the row and column.
 *
 *   loadCsvBytes(bytes, options) → the same, from file bytes: UTF-8 (BOM or not), UTF-16 LE/BE (by BOM or
 *     by its zero bytes) and otherwise Windows-1252 with a warning.
 *   loadCsv(text, { fileName, seed, target?, targetFrom?, splits?, folds?, cardinalityCap?, header?,
 *                   columnNames?, ignore?, include?, categorical?, numeric?, name? })
 *     → Result<{ analysis, dataset }>
 *   loadSynthetic(kind, { seed, size?, noise?, splits?, folds? })  → Result<{ analysis, dataset }>
 *   CATALOGUE, catalogueEntry(id), catalogueLoadOptions(entry): built-in sets; the app fetches
 *     `entry.url` (relative, e.g. `datasets/iris.csv`) and passes the text to loadCsv.
 *
 * The rules, in pipeline order:
 * - Reading: NUL bytes, a ZIP signature or >5 % unreadable characters → `binary-file`. A UTF-8 BOM is
 *   stripped, cells are trimmed, blank lines dropped. The delimiter (comma, semicolon, tab) is the one
 *   that splits the first rows most consistently into ≥ 2 fields, or the one Excel's `sep=;` first line
 *   names. A file without commas or semicolons whose lines split on runs of spaces into ≥ 2 fields, more
 *   than any of those gives (when none gives 3), is space-separated (UCI `.data` files): `' '`. In semicolon files `3,5` reads as 3.5.
 * - Header: the whole first row is read against the rows below. A number in it is data, unless the
 *   first row's numbers count up in equal whole-number steps across their columns (`0,1,…,56,target`,
 *   `2019,2020,2021`) and no row below does; a text above a column of numbers is a name; a text that
 *   recurs in its column below is data. `header: true/false` overrides it (the user's switch). Without
 *   one, columns are `column_1…` (or the caller's `columnNames`). Row numbers in messages are file rows
 *   as an editor shows them (header = 1). `analysis.header` says what was detected and why.
 * - Ragged rows (field count ≠ the first row's) are skipped with a warning listing them; more than
 *   10 % ragged → `ragged-rows` error naming the first one.
 * - Missing cells: '', '?', NA, NaN, null (any case). Infinity, inf or an overflowing number such as
 *   1e999 in a used numeric column → `non-finite` error naming row and column.
 * - Column types: numeric when ≥ 95 % of the non-missing cells are numbers (the others are read as
 *   missing, with a warning naming them); otherwise categorical; all missing → ignored. A column that
 *   falls short only because it writes numbers another way (`1,234,567`, `$1,200`, `5.3%`, a quoted
 *   `"48,0"` in a comma file) is read in that style, with a warning showing one cell and its value.
 * - Types can be overridden: `categorical` reads a numeric column as categories, `numeric` reads a
 *   column's text cells as missing (on the target: classes, or regression even for whole numbers).
 * - Ignored columns, each with its reason: chosen by the caller (`ignore`); all missing; constant;
 *   identifier-like (named id, ID, *_id, userId, Unnamed: 0… or, with ≥ 20 rows, whole numbers counting
 *   up by one from row to row, or all different (with ≥ 50 rows, ≥ 95 % different) AND code-like: the
 *   first column, sorted, or all of one length ≥ 5 digits, and mostly not multiples of 10; counts,
 *   weights and prices that rarely repeat stay measurements); categorical with
 *   more distinct values than `cardinalityCap` (20). `include` keeps an identifier-like or many-valued
 *   column (up to 200 one-hot values).
 * - Target: `target` when given; otherwise `chooseTarget`: a column named like a target (target, label,
 *   class, outcome, y… then the targets of well-known public datasets: Survived, quality, income,
 *   diagnosis, species…; then a name containing such a word), never an identifier; failing that, the
 *   last column that is no identifier, free text, constant or empty, flagged as a guess.
 *   `analysis.targetChoice` says which rule chose it and why, whether the name was a strong clue
 *   (target, Survived) or a weak one (income, price: measurements often but not always predicted),
 *   and, in doubt, the `candidates` that could as well be the target: the last column after a weak
 *   clue, and any column named like an outcome (Churn, isFraud, Loan_Status…), each with ≤ 10 values
 *   and no identifier. The choice itself does not change. Rows without a target value are dropped
 *   (with a warning), never imputed. Two distinct values → binary, y 0/1 with classNames [negative, positive]:
 *   numbers → the larger is positive; no/yes, false/true, negative/positive… → the affirmative;
 *   otherwise the LESS frequent value (the class of interest is usually the rarer: M in M/B).
 *   ≤ 20 distinct text or whole-number values → multiclass, classes in sorted order. Other numbers →
 *   regression, and y holds the RAW target (not standardised; metrics stay in the data's units); a
 *   numeric target with more than 20 whole-number values (say 1000 codes) is regression with a warning
 *   saying so, and a TEXT target with more than 20 values → `too-many-classes`.
 * - Numbers beyond 32-bit float range (1e308) → `non-finite` ("too large"). Repeated header names are
 *   renamed name_2… with a warning; cells that look like spreadsheet formulas (=, +, -, @) stay plain
 *   text, with a warning naming the first.
 * - Fewer than 10 usable rows → `too-few-rows`; one class → `single-class`.
 * - Splits: seeded by `seed`, 0.7/0.15/0.15 by default, stratified by class for classification, sizes
 *   apportioned overall; `folds: k` also deals train ∪ validation into k stratified folds.
 * - Imputation (median / most frequent) and standardisation (mean, population std; std 0 → 1) are
 *   fitted on the TRAIN rows only and applied to all rows. Categoricals are one-hot (`column=value`).
 */
export type { Task, Splits, Standardisation, EncodedDataset } from './types';
export { outputFor } from './types';
export type { DataError, DataErrorCode, Result } from './errors';
export type { RawTable, Delimiter } from './table';
export type { ColumnType } from './infer';
export type { ColumnRole } from './roles';
export type {
  AnalyseOptions,
  ColumnAnalysis,
  DatasetAnalysis,
  HeaderInfo,
  TargetChoiceInfo,
} from './analyse';
export type { IgnoredBecause } from './roles';
export type { TargetClue, TargetRule } from './target-choice';
export { chooseTarget, targetNameRule, targetNameTier } from './target-choice';
export type { TargetCandidate } from './target-doubt';
export { FEW_VALUES, targetCandidates } from './target-doubt';
export { isOutcomeName } from './outcome-names';
export { detectHeader, type HeaderDecision } from './header';
export { hashRows } from './hash';
export type { DatasetIdentity } from './identity';
export { datasetIdentity, describeIdentity, identityDifference } from './identity';
export { DEFAULT_CARDINALITY_CAP, MIN_ROWS } from './analyse';
export type { ReadCsvOptions } from './csv';
export { readCsv } from './csv';
export type { SplitFractions } from './split';
export { DEFAULT_SPLITS } from './split';
export type { EncodeOptions, LoadOptions, Loaded } from './load';
export { loadCsv, loadCsvBytes, loadTable } from './load';
export type { DecodedText } from './decode';
export { decodeCsvBytes } from './decode';
export type { SyntheticKind, SyntheticOptions } from './synthetic';
export { SYNTHETIC_KINDS, generateSynthetic, loadSynthetic } from './synthetic';
export type { CatalogueEntry, CsvCatalogueEntry, SyntheticCatalogueEntry } from './catalogue';
export { CATALOGUE, UCI_ATTRIBUTION, catalogueEntry, catalogueLoadOptions } from './catalogue';
