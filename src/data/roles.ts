import type { ColumnProfile } from './infer';
import { looksLikeDates } from './dates';

export type ColumnRole = 'feature' | 'target' | 'ignored';

/** Why a column is left out: the user's choice, or a rule the user can override with `include`. */
export type IgnoredBecause = 'excluded' | 'empty' | 'constant' | 'identifier' | 'too-many-values';

export interface RoleChoice {
  role: ColumnRole;
  reason?: string;
  because?: IgnoredBecause;
}

export interface RoleOptions {
  /** Categorical columns with more distinct values than this are left out (one-hot would explode). */
  cardinalityCap: number;
  /** Columns the user leaves out. */
  ignore: readonly string[];
  /** Columns the user keeps even though they look like identifiers or have many values. */
  include: readonly string[];
}

/** Even a column the user includes is not one-hot encoded beyond this many values. */
export const MAX_ONE_HOT = 200;

/** `id`, `ID`, `patient_id`, `row-id`, `ID code`, `index`, pandas' `Unnamed: 0`… */
const ID_WORD = /^(id|index|identifier|row ?number|unnamed:? ?\d+)$|[_\s.-]id$|^id[_\s.-]/i;
/** `userId`, `PatientID` (case matters: `acid`, `paid` and `fluid` are not identifiers). */
const ID_CAMEL = /[a-z](Id|ID)$/;
/** The whole-number-identifier rules need this many rows, so a short column of counts is not taken for one. */
const ID_MIN_ROWS = 20;
/** "Nearly every row different" needs more rows still: 19 of 20 different counts are not an identifier. */
const NEAR_UNIQUE_MIN_ROWS = 50;
const NEAR_UNIQUE_SHARE = 0.95;

/** Codes with this many digits or more, all the same length, read as codes (842302, 100042). */
const CODE_DIGITS = 5;
/** Counts, prices and weights are often round; identifiers are not (about 1 in 10 is a multiple of 10). */
const ROUND_SHARE = 0.5;

/**
 * Why the column looks like an identifier rather than a measurement, or undefined. `name-or-count`
 * applies only the surest rules: the name, or whole numbers counting up by one from row to row.
 * Whole numbers that (nearly) never repeat are an identifier only when they also look like codes:
 * in the first column, in sorted order, or all of one length of 5 digits or more, and seldom round.
 * Counts such as bike rentals, weights in grams or populations repeat rarely too, and are measurements.
 */
export function identifierReason(
  profile: ColumnProfile,
  rows: number,
  rules: 'all' | 'name-or-count' = 'all',
): string | undefined {
  const name = profile.name;
  if (ID_WORD.test(name) || ID_CAMEL.test(name))
    return `the name "${name}" marks an identifier, not a measurement`;
  if (profile.type !== 'numeric' || !profile.integers || rows < ID_MIN_ROWS) return undefined;
  const present = rows - profile.missing;
  if (present < ID_MIN_ROWS) return undefined;
  if (isSequential(profile.numbers))
    return 'it counts up by one from row to row: it looks like a row number (an identifier)';
  if (rules === 'name-or-count') return undefined;
  const allDifferent = profile.distinct === present && profile.missing === 0;
  const nearlyAll = rows >= NEAR_UNIQUE_MIN_ROWS && profile.distinct >= NEAR_UNIQUE_SHARE * present;
  if (!(allDifferent || nearlyAll) || !looksLikeCodes(profile)) return undefined;
  if (allDifferent) return 'every row has a different whole number: it looks like an identifier';
  const share = Math.floor((profile.distinct / present) * 100);
  return `${share}% of the rows have a different whole number: it looks like an identifier`;
}

function looksLikeCodes(profile: ColumnProfile): boolean {
  let round = 0;
  let present = 0;
  let digits: number | undefined;
  let sameLength = true;
  let up = true;
  let down = true;
  let previous = NaN;
  for (const v of profile.numbers) {
    if (Number.isNaN(v)) continue;
    present++;
    if (v % 10 === 0) round++;
    const length = String(Math.abs(v)).length;
    digits ??= length;
    if (length !== digits) sameLength = false;
    if (!Number.isNaN(previous)) {
      if (v < previous) up = false;
      if (v > previous) down = false;
    }
    previous = v;
  }
  if (round > ROUND_SHARE * present) return false;
  return profile.index === 0 || up || down || (sameLength && (digits ?? 0) >= CODE_DIGITS);
}

/** Whole numbers going up (or down) by exactly one from each row to the next, missing cells skipped. */
function isSequential(values: Float64Array): boolean {
  let previous = NaN;
  let step = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (!Number.isNaN(previous)) {
      const d = v - previous;
      if (d !== 1 && d !== -1) return false;
      if (step !== 0 && d !== step) return false;
      step = d;
    }
    previous = v;
  }
  return step !== 0;
}

/** Why a non-target column is left out, or that it is a feature. */
export function chooseRole(profile: ColumnProfile, rows: number, options: RoleOptions): RoleChoice {
  const name = profile.name;
  if (options.ignore.includes(name))
    return { role: 'ignored', because: 'excluded', reason: 'left out by you' };
  if (profile.type === 'empty')
    return { role: 'ignored', because: 'empty', reason: 'every value is missing' };
  if (profile.distinct === 1) {
    return {
      role: 'ignored',
      because: 'constant',
      reason: `constant: every value is "${profile.example}", so it cannot help`,
    };
  }
  const included = options.include.includes(name);
  if (!included) {
    const identifier = identifierReason(profile, rows);
    if (identifier) return { role: 'ignored', because: 'identifier', reason: identifier };
  }
  const cap = included ? MAX_ONE_HOT : options.cardinalityCap;
  if (profile.type === 'categorical' && profile.distinct > cap) {
    const present = rows - profile.missing;
    const reason = looksLikeDates(profile.texts)
      ? `dates such as "${profile.example}" (${profile.distinct} different): a date is not a category; a column of the part that matters (its month, its weekday) added to the file can be used`
      : profile.distinct >= NEAR_UNIQUE_SHARE * present
        ? `nearly every row has its own value (${profile.distinct} different): free text or an identifier, not categories`
        : `${profile.distinct} different text values, more than the limit of ${cap} for one-hot encoding`;
    return { role: 'ignored', because: 'too-many-values', reason };
  }
  return { role: 'feature' };
}
