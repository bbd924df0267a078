/** Which data the study on screen ran on, and whether the data loaded now is that data. */
import type { DatasetSetup } from '../core/experiment';
import { identityDifference, type DatasetIdentity } from '../data';

export interface StudyData {
  /** Unknown for a results file of an older version. */
  identity?: DatasetIdentity;
  setup?: DatasetSetup;
  origin: 'run' | 'import' | 'restore';
}

const LISTS = [
  ['exclude', 'columns left out'],
  ['include', 'columns kept although flagged'],
  ['categorical', 'columns read as categories'],
  ['numeric', 'columns read as numbers'],
] as const;

const sameNames = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

const foldsWords = (folds: number) =>
  folds >= 2 ? `${folds}-fold cross-validation` : 'one validation split';

/** How the column roles, header or validation differ between two setups of the same data, in words. */
export function setupDifference(study: DatasetSetup, current: DatasetSetup): string | undefined {
  const parts: string[] = [];
  if (study.header !== current.header) parts.push('the header setting');
  for (const [list, words] of LISTS) if (!sameNames(study[list], current[list])) parts.push(words);
  if (study.folds !== current.folds)
    parts.push(`validation (${foldsWords(study.folds)}, not ${foldsWords(current.folds)})`);
  if (parts.length === 0) return undefined;
  return `the study's data settings differ: ${parts.join(', ')}`;
}

export interface StudyDataProblem {
  /** `data`: other data is loaded; `settings`: the same data, set up differently. */
  kind: 'data' | 'settings';
  message: string;
}

/** Why the loaded data cannot stand in for the study's, or undefined when it can (or is unknown). */
export function studyDataProblem(
  study: StudyData | undefined,
  loaded: DatasetIdentity | undefined,
  loadedSetup: DatasetSetup,
): StudyDataProblem | undefined {
  if (!study?.identity || !loaded) return undefined;
  const data = identityDifference(study.identity, loaded);
  if (data) return { kind: 'data', message: data };
  const settings = study.setup ? setupDifference(study.setup, loadedSetup) : undefined;
  return settings ? { kind: 'settings', message: settings } : undefined;
}

/** What the button that puts the study's data back says. */
export function loadLabel(study: StudyData, problem: StudyDataProblem): string {
  if (problem.kind === 'settings') return 'Use the study’s data settings';
  const source = study.setup?.source;
  if (source?.kind === 'csv') return `Choose ${source.fileName}…`;
  return `Load ${study.identity?.name ?? 'the study’s data'}`;
}
