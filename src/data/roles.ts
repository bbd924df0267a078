import type { ColumnProfile } from './infer';

export type ColumnRole = 'feature' | 'target' | 'ignored';

export interface RoleChoice {
  role: ColumnRole;
  reason?: string;
}

export interface RoleOptions {
  /** Categorical columns with more distinct values than this are left out (one-hot would explode). */
  cardinalityCap: number;
  /** Columns the user leaves out. */
  ignore: readonly string[];
  /** Columns kept even though they look like identifiers. */
  include: readonly string[];
}

/** `id`, `ID`, `patient_id`, `row-id`, `ID code`, `index`… */
const ID_WORD = /^(id|index|identifier|row ?number)$|[_\s.-]id$|^id[_\s.-]/i;
/** `userId`, `PatientID` (case matters: `acid`, `paid` and `fluid` are not identifiers). */
const ID_CAMEL = /[a-z](Id|ID)$/;
/** The whole-number-identifier rule needs this many rows, so a short column of counts is not taken for one. */
const ID_MIN_ROWS = 20;

/** Why a non-target column is left out, or that it is a feature. */
export function chooseRole(profile: ColumnProfile, rows: number, options: RoleOptions): RoleChoice {
  const name = profile.name;
  if (options.ignore.includes(name)) return { role: 'ignored', reason: 'left out by you' };
  if (profile.type === 'empty') return { role: 'ignored', reason: 'every value is missing' };
  if (profile.distinct === 1) {
    return { role: 'ignored', reason: `constant: every value is "${profile.example}", so it cannot help` };
  }
  if (!options.include.includes(name)) {
    if (ID_WORD.test(name) || ID_CAMEL.test(name)) {
      return { role: 'ignored', reason: `the name "${name}" marks an identifier, not a measurement` };
    }
    if (
      profile.type === 'numeric' &&
      profile.integers &&
      profile.missing === 0 &&
      rows >= ID_MIN_ROWS &&
      profile.distinct === rows
    ) {
      return {
        role: 'ignored',
        reason: 'every row has a different whole number: it looks like an identifier',
      };
    }
  }
  if (profile.type === 'categorical' && profile.distinct > options.cardinalityCap) {
    return {
      role: 'ignored',
      reason: `${profile.distinct} different text values, more than the limit of ${options.cardinalityCap} for one-hot encoding`,
    };
  }
  return { role: 'feature' };
}
