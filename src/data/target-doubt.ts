/**
 * Doubt about a target chosen for the user: the other columns that could as well be the value to
 * predict. Two shapes misled the name rules on public files: a measurement's name (income) chosen
 * while the last column held the label, and a yes/no column named like an outcome in the middle of
 * the table. The choice stays; the user is shown these candidates to pick from.
 */
import type { ColumnProfile } from './infer';
import { isOutcomeName } from './outcome-names';
import { hasCoordinates, normaliseName, unusableAsTarget, type TargetChoice } from './target-choice';

/**
 * A label has few values: two for most public datasets' outcomes, three to seven for iris, wine
 * quality or a heart-disease grade. A column with more is a measurement, not a label to doubt over.
 */
export const FEW_VALUES = 10;

export interface TargetCandidate {
  name: string;
  /** Why it could be the target, in a few words: "last column, 2 values". */
  reason: string;
}

/**
 * Every other column that is a strong candidate: the last column, when a weak clue chose the target
 * elsewhere; any column named like an outcome. Each must have few values and be no identifier. A
 * target chosen by a strong clue (target, class, label, y…) needs no flag: bank marketing's `y` sits
 * beside a yes/no `default` that is an input, not the label. When only the position chose a numeric
 * target, the one text column among numbers is offered too, as many classes as it has: UCI's letter
 * recognition puts its label, 26 letters, first, before 16 whole-number measurements.
 */
export function targetCandidates(
  header: readonly string[],
  rows: number,
  profileAt: (column: number) => ColumnProfile,
  choice: Pick<TargetChoice, 'index' | 'rule' | 'clue'>,
): TargetCandidate[] {
  if (choice.rule === 'name' && choice.clue === 'strong') return [];
  const last = header.length - 1;
  const weakClue = choice.rule === 'name' && choice.clue === 'weak';
  const coordinates = hasCoordinates(header);
  const loneText = choice.rule === 'last-column' ? loneTextColumn(header, profileAt, choice.index) : -1;
  const candidates: TargetCandidate[] = [];
  header.forEach((name, c) => {
    if (c === choice.index) return;
    const lastColumn = weakClue && c === last;
    const outcome = isOutcomeName(name) && !(coordinates && normaliseName(name) === 'y');
    const text = c === loneText;
    if (!lastColumn && !outcome && !text) return;
    const profile = profileAt(c);
    if ((!text && profile.distinct > FEW_VALUES) || unusableAsTarget(profile, rows) !== undefined) return;
    const why = [
      lastColumn && 'last column',
      outcome && 'named like an outcome',
      text && 'the only text column',
    ].filter(Boolean);
    candidates.push({ name, reason: [...why, `${profile.distinct} values`].join(', ') });
  });
  return candidates;
}

/**
 * The one categorical column of a table whose chosen target and other columns are numbers, or -1:
 * a label written as words among measurements (whether it can be a target is checked with the rest).
 */
function loneTextColumn(
  header: readonly string[],
  profileAt: (column: number) => ColumnProfile,
  target: number,
): number {
  if (profileAt(target).type !== 'numeric') return -1;
  let text = -1;
  for (let c = 0; c < header.length; c++) {
    if (c === target) continue;
    const profile = profileAt(c);
    if (profile.type !== 'categorical') continue;
    if (text !== -1) return -1;
    text = c;
  }
  return text;
}
