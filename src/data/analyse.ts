import { FLOAT32_MAX } from './cells';
import { fail, ok, type DataError, type Result } from './errors';
import { formulaWarning } from './formula';
import { hashRows } from './hash';
import { profileColumn, valueKey, type CellRef, type ColumnProfile, type ColumnType } from './infer';
import { chooseRole, type ColumnRole, type IgnoredBecause } from './roles';
import type { Delimiter, RawTable } from './table';
import { encodeTarget, MAX_CLASSES, type TargetEncoding } from './target';
import { chooseTarget, type TargetClue, type TargetRule } from './target-choice';
import { targetCandidates, type TargetCandidate } from './target-doubt';
import type { Task } from './types';

export const DEFAULT_CARDINALITY_CAP = 20;
/** Fewer usable rows than this cannot be split into train, validation and test sensibly. */
export const MIN_ROWS = 10;
const PREVIEW_ROWS = 10;

export interface AnalyseOptions {
  /** Target column name; when omitted, chosen by `chooseTarget` (a column named like a target…). */
  target?: string;
  /** Who named `target`: the user (the default), or a built-in dataset that documents its target. */
  targetFrom?: 'user' | 'catalogue';
  cardinalityCap?: number;
  /** Columns to leave out. */
  ignore?: string[];
  /** Columns to keep even though they look like identifiers or have many values. */
  include?: string[];
  /** Columns to read as categories although they hold numbers (a target: classes). */
  categorical?: string[];
  /** Columns to read as numbers, their text cells as missing (a target: regression). */
  numeric?: string[];
}

export interface ColumnAnalysis {
  name: string;
  /** The type used: as inferred, or as the user set it. */
  type: ColumnType;
  /** The type the values suggest. */
  inferredType: ColumnType;
  /** Share of the present cells that are numbers (above 0, the column can be read as numeric). */
  numericShare: number;
  role: ColumnRole;
  /** Why the column is ignored. */
  reason?: string;
  /** Which rule left it out (the user can include identifiers and many-valued columns). */
  because?: IgnoredBecause;
  /** Missing cells (text read as missing in a numeric column included); for the target: rows dropped. */
  missing: number;
  /** Distinct non-missing values. */
  distinct: number;
  /** What missing cells were filled with (features with missing cells, once encoded). */
  imputedWith?: number | string;
  /** The encoded feature names this column became (features, once encoded). */
  encodedAs?: string[];
}

export interface TargetChoiceInfo {
  rule: TargetRule;
  /** Only the column's position supports the choice: ask the user to check it. */
  guess: boolean;
  /** For a choice by name: strong (target, Survived) or weak (income: often, not always, the target). */
  clue?: TargetClue;
  /** A clause: "its name, "Survived", is what public datasets call the value to predict". */
  reason: string;
  /** Other columns named like a target. */
  alternatives: string[];
  /**
   * When the choice is in doubt, every other column that could well be the target, with why: the
   * last column after a weak clue, a few-valued column named like an outcome. Empty otherwise.
   */
  candidates: TargetCandidate[];
}

export interface HeaderInfo {
  /** What detection concluded (also when the caller decided). */
  detected: boolean;
  /** The caller (the user's switch, a catalogue entry) decided, not detection. */
  forced: boolean;
  /** Why detection concluded what it did, as a clause. */
  reason: string;
}

export interface DatasetAnalysis {
  fileName: string;
  delimiter: Delimiter;
  hasHeader: boolean;
  header: HeaderInfo;
  /** FNV-1a 64 of every record as read (16 hex digits): names the content whatever its encoding. */
  contentHash: string;
  /** Data rows read (blank and skipped ragged rows excluded). */
  rowsRead: number;
  /** Rows used: those with a target value. */
  rowsUsed: number;
  columns: ColumnAnalysis[];
  target: string;
  targetChoice: TargetChoiceInfo;
  task: Task;
  classNames: string[];
  /** Rows per class, in classNames order; empty for regression. */
  classCounts: number[];
  /** The first rows as read (trimmed cells), under the column names. */
  preview: { header: string[]; rows: string[][] };
  warnings: string[];
}

/** Everything encoding needs, decided from the table alone. */
export interface Plan {
  analysis: DatasetAnalysis;
  /** Indices into table.rows of the rows used. */
  rows: number[];
  /** Feature columns profiled over `rows`. */
  features: ColumnProfile[];
  target: TargetEncoding;
}

export function analyseTable(table: RawTable, options: AnalyseOptions = {}): Result<Plan> {
  const file = table.fileName;
  const cap = options.cardinalityCap ?? DEFAULT_CARDINALITY_CAP;
  if (!(cap >= 1)) return fail('bad-options', file, `The one-hot limit must be at least 1 (got ${cap}).`);
  const categorical = options.categorical ?? [];
  const numeric = options.numeric ?? [];
  const force = (name: string) =>
    categorical.includes(name) ? 'categorical' : numeric.includes(name) ? 'numeric' : undefined;
  const everyRow = table.rows.map((_, i) => i);
  const profiles = new Map<number, ColumnProfile>();
  const profileAt = (c: number): ColumnProfile => {
    let profile = profiles.get(c);
    if (!profile) {
      profile = profileColumn(table, c, everyRow, force(table.header[c]));
      profiles.set(c, profile);
    }
    return profile;
  };

  let targetIndex: number;
  let targetChoice: TargetChoiceInfo;
  if (options.target !== undefined) {
    targetIndex = findColumn(table.header, options.target);
    if (targetIndex < 0) {
      return fail(
        'unknown-column',
        file,
        `${file} has no column "${options.target}". Its columns are: ${table.header.join(', ')}.`,
        { column: options.target },
      );
    }
    targetChoice = {
      rule: 'given',
      guess: false,
      reason: options.targetFrom === 'catalogue' ? 'it is the target this dataset documents' : 'you chose it',
      alternatives: [],
      candidates: [],
    };
  } else {
    const choice = chooseTarget(table.header, table.rows.length, profileAt);
    const { index, ...info } = choice;
    targetIndex = index;
    targetChoice = {
      ...info,
      candidates: targetCandidates(table.header, table.rows.length, profileAt, choice),
    };
  }
  const targetName = table.header[targetIndex];
  const targetAll = profileAt(targetIndex);
  if (targetAll.type === 'empty') {
    return fail(
      'target-all-missing',
      file,
      `${file}: every value of the target column "${targetName}" is missing.`,
      {
        column: targetName,
      },
    );
  }
  if (targetAll.nonFinite) return nonFinite(file, targetName, targetAll.nonFinite);
  const rows = everyRow.filter((_, i) => valueKey(targetAll, i) !== null);
  const warnings = [...table.warnings];
  warnings.push(...columnWarnings(file, targetAll));
  if (rows.length < table.rows.length) {
    const dropped = everyRow
      .filter((_, i) => valueKey(targetAll, i) === null)
      .map((i) => table.rowNumbers[i]);
    warnings.push(
      `${file}: ${dropped.length === 1 ? '1 row has' : `${dropped.length} rows have`} no value in the target column "${targetName}" and ${dropped.length === 1 ? 'was' : 'were'} left out (${dropped.length === 1 ? 'row' : 'rows'} ${list(dropped)}).`,
    );
  }
  if (rows.length < MIN_ROWS) {
    return fail(
      'too-few-rows',
      file,
      `${file} has only ${rows.length} usable ${rows.length === 1 ? 'row' : 'rows'}; at least ${MIN_ROWS} are needed to train, validate and test.`,
    );
  }
  // Profiles over every row serve as they are unless rows without a target were dropped.
  const allRows = rows.length === table.rows.length;
  const profileUsed = (c: number) =>
    allRows ? profileAt(c) : profileColumn(table, c, rows, force(table.header[c]));

  const targetProfile = profileUsed(targetIndex);
  const target = encodeTarget(targetProfile, file, numeric.includes(targetName));
  if (!target.ok) return target;
  if (target.value.task === 'regression' && targetProfile.integers && !numeric.includes(targetName)) {
    warnings.push(
      `${file}: the target "${targetName}" has ${targetProfile.distinct} different whole numbers, more than the ${MAX_CLASSES} a classifier takes as classes, so it is treated as regression (predicting the number).`,
    );
  }
  const formulas = formulaWarning(table);
  if (formulas) warnings.push(formulas);
  warnings.push(...unknownNames(file, table.header, options));

  const columns: ColumnAnalysis[] = [];
  const features: ColumnProfile[] = [];
  const roleOptions = { cardinalityCap: cap, ignore: options.ignore ?? [], include: options.include ?? [] };
  for (let c = 0; c < table.header.length; c++) {
    if (c === targetIndex) {
      const { type, inferredType, numericShare, distinct } = targetAll;
      columns.push({
        name: targetName,
        type,
        inferredType,
        numericShare,
        role: 'target',
        missing: table.rows.length - rows.length,
        distinct,
      });
      continue;
    }
    const profile = profileUsed(c);
    const choice = chooseRole(profile, rows.length, roleOptions);
    columns.push({
      name: profile.name,
      type: profile.type,
      inferredType: profile.inferredType,
      numericShare: profile.numericShare,
      ...choice,
      missing: profile.missing,
      distinct: profile.distinct,
    });
    if (choice.role !== 'feature') continue;
    if (profile.nonFinite) return nonFinite(file, profile.name, profile.nonFinite);
    warnings.push(...columnWarnings(file, profile));
    features.push(profile);
  }
  if (features.length === 0) {
    const reasons = columns.filter((c) => c.role === 'ignored').map((c) => `"${c.name}": ${c.reason}`);
    return fail(
      'no-features',
      file,
      `${file} has no usable feature columns besides the target "${targetName}"${reasons.length ? ` (${reasons.join('; ')})` : ''}.`,
    );
  }
  const classCounts = target.value.classNames.map(() => 0);
  if (target.value.task !== 'regression') for (const label of target.value.y) classCounts[label]++;
  target.value.classNames.forEach((name, k) => {
    if (classCounts[k] < 3) {
      warnings.push(
        `${file}: class "${name}" of "${targetName}" has only ${classCounts[k] === 1 ? '1 row' : `${classCounts[k]} rows`}, too few to appear in every split.`,
      );
    }
  });

  const detection = table.headerDetection;
  const analysis: DatasetAnalysis = {
    fileName: file,
    delimiter: table.delimiter,
    hasHeader: table.hasHeader,
    header: {
      detected: detection?.header ?? table.hasHeader,
      forced: table.headerForced ?? false,
      reason: detection?.reason ?? 'the columns were named when the data was made',
    },
    contentHash: table.contentHash ?? hashRows([table.header, ...table.rows]),
    rowsRead: table.rows.length,
    rowsUsed: rows.length,
    columns,
    target: targetName,
    targetChoice,
    task: target.value.task,
    classNames: target.value.classNames,
    classCounts: target.value.task === 'regression' ? [] : classCounts,
    preview: { header: [...table.header], rows: table.rows.slice(0, PREVIEW_ROWS).map((r) => [...r]) },
    warnings,
  };
  return ok({ analysis, rows, features, target: target.value });
}

/** A warning for each column an option names that the file does not have (a stale link, say). */
function unknownNames(file: string, header: readonly string[], options: AnalyseOptions): string[] {
  const lists = [
    ['left out', options.ignore],
    ['included', options.include],
    ['read as categories', options.categorical],
    ['read as numbers', options.numeric],
  ] as const;
  return lists.flatMap(([what, names]) =>
    (names ?? [])
      .filter((name) => !header.includes(name))
      .map((name) => `${file} has no column "${name}" (to be ${what}); that setting was ignored.`),
  );
}

function findColumn(header: readonly string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  return header.findIndex((h) => h.toLowerCase() === name.trim().toLowerCase());
}

function columnWarnings(file: string, profile: ColumnProfile): string[] {
  const styled = styleWarning(file, profile);
  return styled ? [styled, ...oddCellWarnings(file, profile)] : oddCellWarnings(file, profile);
}

function styleWarning(file: string, profile: ColumnProfile): string | undefined {
  const styled = profile.numberStyle;
  if (profile.type !== 'numeric' || !styled) return undefined;
  const example = `"${styled.example.cell}" was read as ${styled.example.value}`;
  return styled.style === 'grouped'
    ? `${file}, column "${profile.name}": numbers written with thousands separators, a currency or a percent sign were read as numbers (${example}).`
    : `${file}, column "${profile.name}": numbers written with a decimal comma were read as decimals (${example}).`;
}

function oddCellWarnings(file: string, profile: ColumnProfile): string[] {
  const column = `column "${profile.name}"`;
  const odd = profile.oddCells;
  if (odd.length > 0) {
    const first = odd[0];
    return [
      `${file}, row ${first.row}, ${column}: "${first.value}" is not a number; ${odd.length} such cell(s) in this mostly numeric column (rows ${list(odd.map((c) => c.row))}) were treated as missing.`,
    ];
  }
  if (profile.type === 'categorical' && profile.numericShare >= 0.5 && profile.firstText) {
    const first = profile.firstText;
    return [
      `${file}, row ${first.row}, ${column}: "${first.value}" is not a number; only ${Math.round(profile.numericShare * 100)}% of this column are numbers, so it is treated as categorical.`,
    ];
  }
  return [];
}

function nonFinite(file: string, column: string, cell: CellRef): { ok: false; error: DataError } {
  const what = Number.isFinite(Number(cell.value))
    ? `is too large: training uses 32-bit numbers, which stop at about ${FLOAT32_MAX.toPrecision(2)}`
    : 'is not a finite number';
  return fail(
    'non-finite',
    file,
    `${file}, row ${cell.row}, column "${column}": "${cell.value}" ${what}. Replace it with a real value, or leave the cell empty to have it filled in.`,
    { row: cell.row, column },
  );
}

function list(rows: readonly number[]): string {
  return rows.length > 5 ? `${rows.slice(0, 5).join(', ')}, …` : rows.join(', ');
}
