/**
 * Which column to predict when the user has not said: one whose name says it is the target (as the
 * public datasets name theirs), never an identifier or free text; the last usable column only as a
 * guess the user is asked to check.
 */
import type { ColumnProfile } from './infer';
import { identifierReason } from './roles';
import { textClassesFit } from './target';

export type TargetRule = 'given' | 'name' | 'last-column';

export interface TargetChoice {
  index: number;
  rule: TargetRule;
  /** True when nothing but the column's position supports the choice: the user should check it. */
  guess: boolean;
  /** For a choice by name: how strongly the name says "target". */
  clue?: TargetClue;
  /** Why this column, as a clause: "its name, "Survived", is a usual name for a target". */
  reason: string;
  /** Other columns named like a target, which the user may have meant. */
  alternatives: string[];
}

/** Names that mean "the answer" in any dataset. */
const GENERIC = [
  'target',
  'label',
  'labels',
  'class',
  'y',
  'outcome',
  'output',
  'target_class',
  'class_label',
];

/**
 * Outcomes that well-known public datasets (UCI, Kaggle) predict, matched as whole names: Titanic's
 * Survived, iris species, credit default, bank marketing's deposit, churn, heart disease, stroke,
 * diabetes, fraud, spam… and the whole target names of single famous sets (house prices' SalePrice,
 * Boston's MEDV, California's median_house_value, abalone's Rings, student G3), rarely an input elsewhere.
 */
const OUTCOMES = [
  'survived',
  'survival',
  'diagnosis',
  'species',
  'variety',
  'churn',
  'exited',
  'attrition',
  'fraud',
  'is_fraud',
  'isfraud',
  'default',
  'default_payment_next_month',
  'default_payment',
  'deposit',
  'subscribed',
  'loan_status',
  'approved',
  'readmitted',
  'heartdisease',
  'heart_disease',
  'disease',
  'diabetes',
  'stroke',
  'cardio',
  'saleprice',
  'sale_price',
  'medv',
  'rings',
  'g3',
  'median_house_value',
  'purchased',
  'converted',
  'clicked',
  'is_canceled',
  'spam',
  'sentiment',
];

/**
 * Measurements that are often, but not always, the target: adult's income, salaries, prices,
 * insurance charges, wine quality. Many files hold them as inputs beside another label.
 */
const MEASUREMENTS = ['income', 'salary', 'price', 'charges', 'quality'];

/** Words that mark a target inside a longer name: `income_class`, `is_fraud_flag`, `target_value`. */
const TOKENS = ['target', 'label', 'class', 'outcome', 'fraud', 'churn', 'survived', 'diagnosis'];

/** `Default payment next month` → `default_payment_next_month`; `SalePrice` → `saleprice`. */
export function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * How strongly a name says "target": strong for names that mean the answer (target, class, Survived,
 * diagnosis), weak for measurements that often are (income, price) and for a target word inside a
 * longer name.
 */
export type TargetClue = 'strong' | 'weak';

/** 1: a generic target name; 2: a well-known dataset's target; 3: a target word inside the name. */
export function targetNameRule(name: string): { tier: 1 | 2 | 3; clue: TargetClue } | undefined {
  const n = normaliseName(name);
  if (GENERIC.includes(n)) return { tier: 1, clue: 'strong' };
  if (OUTCOMES.includes(n)) return { tier: 2, clue: 'strong' };
  if (MEASUREMENTS.includes(n)) return { tier: 2, clue: 'weak' };
  if (n.split('_').some((token) => TOKENS.includes(token))) return { tier: 3, clue: 'weak' };
  return undefined;
}

export function targetNameTier(name: string): 1 | 2 | 3 | undefined {
  return targetNameRule(name)?.tier;
}

/**
 * Why a column cannot be a target (identifier, free text, constant, empty), or undefined when it can.
 * A column named like a target is only refused as an identifier for its name or a row-number count:
 * prices and incomes may well be whole numbers that nearly never repeat.
 */
export function unusableAsTarget(profile: ColumnProfile, rows: number, named = false): string | undefined {
  if (profile.type === 'empty') return 'every value is missing';
  if (profile.distinct < 2) return 'it has a single value';
  if (profile.missing > rows / 2) return 'most of its values are missing';
  const identifier = identifierReason(profile, rows, named ? 'name-or-count' : 'all');
  if (identifier) return identifier;
  if (profile.type === 'categorical' && !textClassesFit(profile.distinct, rows - profile.missing))
    return `it has ${profile.distinct} different text values: free text or names, not classes`;
  return undefined;
}

/** With an x column beside it, y is a coordinate (x, y, label), not the answer. */
export function hasCoordinates(header: readonly string[]): boolean {
  return header.some((name) => normaliseName(name) === 'x');
}

/**
 * `profileAt(c)` profiles column c over every row (called lazily: only for the columns looked at).
 * Among columns named like a target, the most specific tier wins, then the later column.
 */
export function chooseTarget(
  header: readonly string[],
  rows: number,
  profileAt: (column: number) => ColumnProfile,
): TargetChoice {
  const coordinates = hasCoordinates(header);
  // A column named like a target is meant as one even when it cannot be (a label with one value):
  // choosing it lets the error say what is wrong with it. Only an identifier is passed over.
  const named = header
    .map((name, c) => ({
      c,
      name,
      rule: coordinates && normaliseName(name) === 'y' ? undefined : targetNameRule(name),
    }))
    .flatMap(({ c, name, rule }) =>
      rule ? [{ c, name, ...rule, usable: unusableAsTarget(profileAt(c), rows, true) === undefined }] : [],
    )
    .filter((n) => identifierReason(profileAt(n.c), rows, 'name-or-count') === undefined)
    .sort((a, b) => a.tier - b.tier || Number(b.usable) - Number(a.usable) || b.c - a.c);
  if (named.length > 0) {
    const best = named[0];
    const why =
      best.tier === 1
        ? `its name, "${best.name}", is a usual name for a target column`
        : best.tier === 3
          ? `its name, "${best.name}", contains a word that marks a target`
          : best.clue === 'strong'
            ? `its name, "${best.name}", is what public datasets call the value to predict`
            : `its name, "${best.name}", is a measurement that public datasets often, but not always, predict`;
    return {
      index: best.c,
      rule: 'name',
      guess: best.tier === 3,
      clue: best.clue,
      reason: why,
      alternatives: named.slice(1).map((n) => n.name),
    };
  }
  const last = header.length - 1;
  const skipped: string[] = [];
  for (let c = last; c >= 0; c--) {
    const problem = unusableAsTarget(profileAt(c), rows);
    if (!problem) {
      const passed = skipped.length > 0 ? ` (${skipped.join('; ')})` : '';
      return {
        index: c,
        rule: 'last-column',
        guess: true,
        reason:
          c === last
            ? `no column is named like a target (target, label, class, outcome…), so the last column was taken`
            : `no column is named like a target, so the last usable column was taken${passed}`,
        alternatives: [],
      };
    }
    skipped.push(`"${header[c]}": ${problem}`);
  }
  return {
    index: last,
    rule: 'last-column',
    guess: true,
    reason: 'no column can be a target, so the last column was tried',
    alternatives: [],
  };
}
