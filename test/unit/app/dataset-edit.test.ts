/** The dataset panel's pure helpers: role edits, the study's data check, split advice, cells as written. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ranks } from '../../../src/app/components/leaderboard-rows';
import { tiedWith } from '../../../src/report/explain/config-words';
import {
  alsoNamedLikeTarget,
  describeOutput,
  smallSplitAdvice,
  targetInDoubt,
} from '../../../src/app/components/dataset-words';
import { formatCell } from '../../../src/app/components/format';
import {
  roleCounts,
  unusableReason,
  withTarget,
  withType,
  withUse,
} from '../../../src/app/components/role-edit';
import { loadLabel, setupDifference, studyDataProblem } from '../../../src/app/study-data';
import { defaultSetup, withHeader, withSource, type DatasetSetup } from '../../../src/core/experiment';
import { bestTrial, type Trial } from '../../../src/core/study';
import {
  datasetIdentity,
  loadCsv,
  type DatasetAnalysis,
  type Splits,
  type TargetChoiceInfo,
} from '../../../src/data';

function load(file: string, setup: Partial<DatasetSetup> = {}) {
  const text = readFileSync(new URL(`../../fixtures/csv/${file}`, import.meta.url), 'utf8');
  const result = loadCsv(text, {
    fileName: file,
    seed: 1,
    target: setup.target,
    header: setup.header,
    ignore: setup.exclude,
    include: setup.include,
    categorical: setup.categorical,
    numeric: setup.numeric,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const column = (analysis: DatasetAnalysis, name: string) => analysis.columns.find((c) => c.name === name)!;
const csvSetup = (): DatasetSetup => ({
  ...defaultSetup().dataset,
  source: { kind: 'csv', fileName: 'titanic-like.csv' },
});

describe('role edits', () => {
  it('leaving a column out and taking it back leaves no trace', () => {
    const { analysis } = load('titanic-like.csv');
    const out = withUse(csvSetup(), column(analysis, 'Fare'), false);
    expect(out.exclude).toEqual(['Fare']);
    const back = withUse(out, column(load('titanic-like.csv', out).analysis, 'Fare'), true);
    expect(back).toEqual(csvSetup());
  });

  it('a flagged identifier is taken in with include, and out again without it', () => {
    const { analysis } = load('titanic-like.csv');
    const id = column(analysis, 'PassengerId');
    expect(id.because).toBe('identifier');
    const kept = withUse(csvSetup(), id, true);
    expect(kept.include).toEqual(['PassengerId']);
    expect(column(load('titanic-like.csv', kept).analysis, 'PassengerId').role).toBe('feature');
    const dropped = withUse(kept, column(load('titanic-like.csv', kept).analysis, 'PassengerId'), false);
    expect(dropped).toMatchObject({ exclude: ['PassengerId'] });
    expect(dropped.include).toBeUndefined();
  });

  it('switching a type back to the inferred one clears the override', () => {
    const { analysis } = load('titanic-like.csv');
    const pclass = column(analysis, 'Pclass');
    const categorical = withType(csvSetup(), pclass, 'categorical');
    expect(categorical.categorical).toEqual(['Pclass']);
    expect(withType(categorical, pclass, 'numeric')).toEqual(csvSetup());
    const sex = column(analysis, 'Sex');
    expect(withType(csvSetup(), sex, 'numeric').numeric).toEqual(['Sex']);
  });

  it('a new target is never left out', () => {
    const out = withUse(csvSetup(), column(load('titanic-like.csv').analysis, 'Embarked'), false);
    expect(withTarget(out, 'Embarked')).toEqual({ ...csvSetup(), target: 'Embarked' });
  });

  it('says why a column cannot be an input, and counts the roles', () => {
    const { analysis } = load('titanic-like.csv');
    expect(unusableReason(column(analysis, 'Survived'))).toBe('the target is what the model predicts');
    expect(unusableReason(column(analysis, 'Name'))).toBeUndefined();
    expect(roleCounts(analysis.columns)).toEqual({ inputs: 7, leftOut: 4, columns: 12 });
  });

  it('another file or another header starts the roles afresh; folds stay', () => {
    const edited = { ...csvSetup(), target: 'x', exclude: ['a'], numeric: ['b'], header: true, folds: 5 };
    expect(withSource(edited, { kind: 'catalogue', id: 'iris' })).toEqual({
      ...defaultSetup().dataset,
      source: { kind: 'catalogue', id: 'iris' },
      folds: 5,
    });
    expect(withHeader(edited, false)).toEqual({ ...csvSetup(), header: false, folds: 5 });
    expect(withHeader(edited, undefined)).not.toHaveProperty('header');
  });
});

describe('the study’s data against the loaded data', () => {
  const titanic = load('titanic-like.csv');
  const identity = datasetIdentity(titanic.analysis, titanic.dataset);

  it('the same data and settings: no problem; other settings: a settings problem', () => {
    const setup = csvSetup();
    const study = { identity, setup, origin: 'import' as const };
    expect(studyDataProblem(study, identity, setup)).toBeUndefined();
    const changed = { ...setup, exclude: ['Fare'], folds: 5 };
    expect(studyDataProblem(study, identity, changed)).toEqual({
      kind: 'settings',
      message:
        "the study's data settings differ: columns left out, validation (one validation split, not 5-fold cross-validation)",
    });
    expect(loadLabel(study, { kind: 'settings', message: '' })).toBe('Use the study’s data settings');
  });

  it('other data: a data problem, and the button names the file to choose or the set to load', () => {
    const wine = load('wine-quality-like.csv');
    const problem = studyDataProblem(
      { identity, setup: csvSetup(), origin: 'import' },
      datasetIdentity(wine.analysis, wine.dataset),
      csvSetup(),
    );
    expect(problem?.kind).toBe('data');
    expect(loadLabel({ identity, setup: csvSetup(), origin: 'import' }, problem!)).toBe(
      'Choose titanic-like.csv…',
    );
    const iris = { ...identity, name: 'Iris flowers' };
    const catalogue = { ...csvSetup(), source: { kind: 'catalogue' as const, id: 'iris' } };
    expect(loadLabel({ identity: iris, setup: catalogue, origin: 'import' }, problem!)).toBe(
      'Load Iris flowers',
    );
  });

  it('unknown study data (an older results file) is no problem to report', () => {
    expect(studyDataProblem({ origin: 'import' }, identity, csvSetup())).toBeUndefined();
    expect(setupDifference(csvSetup(), { ...csvSetup(), categorical: ['a', 'b'] })).toBe(
      "the study's data settings differ: columns read as categories",
    );
    expect(
      setupDifference({ ...csvSetup(), exclude: ['a', 'b'] }, { ...csvSetup(), exclude: ['b', 'a'] }),
    ).toBeUndefined();
  });
});

describe('small validation splits and ties', () => {
  const splits = (validation: number, folds?: number): Splits => ({
    train: new Uint32Array(100),
    validation: new Uint32Array(validation),
    test: new Uint32Array(20),
    ...(folds && { folds: Array.from({ length: folds }, () => new Uint32Array(10)) }),
  });

  it('one row of a 31-row split moves accuracy by 3.2 points: suggest k-fold', () => {
    expect(smallSplitAdvice(splits(31), 'binary')).toBe(
      'With 31 validation rows, one row moves accuracy by 3.2 points: trials closer than that are not really different. k-fold cross-validation scores each configuration on all the training rows.',
    );
    expect(smallSplitAdvice(splits(1), 'regression')).toMatch(
      /^With 1 validation row, one row is 100% of the validation score/,
    );
    expect(smallSplitAdvice(splits(100), 'binary')).toBeUndefined();
    expect(smallSplitAdvice(splits(31, 5), 'binary')).toBeUndefined();
  });

  it('on equal scores the lowest trial number is the best and ranks first, and the card names the tie', () => {
    const trial = (n: number, score: number): Trial => ({
      id: `t${n}`,
      number: n,
      config: {},
      resource: 1,
      state: 'completed',
      executions: [],
      score,
    });
    const trials = [trial(0, 0.5), trial(1, 0.9), trial(2, 0.9), trial(3, 0.9)];
    expect(bestTrial(trials, 'max')?.id).toBe('t1');
    expect(ranks(trials, { metric: 'val_accuracy', direction: 'max' }).get('t1')).toBe(1);
    expect(tiedWith(trials[1], trials).map((t) => t.id)).toEqual(['t2', 't3']);
    expect(bestTrial([trial(0, 0.2), trial(1, 0.2)], 'min')?.id).toBe('t0');
  });
});

describe('what is shown', () => {
  it('cells as the file writes them; machine-printed decimals shortened, with the full text kept', () => {
    expect(formatCell('0.35000000000000003')).toEqual({ text: '0.35', full: '0.35000000000000003' });
    expect(formatCell('-2.1795816254997853')).toEqual({ text: '-2.17958', full: '-2.1795816254997853' });
    for (const cell of ['0.35', '1.0', '007', '12345678901234567890', 'abc', '', '3,5', '1e-7'])
      expect(formatCell(cell)).toEqual({ text: cell });
  });

  it('the output layer in Keras names, units counted', () => {
    expect(describeOutput('multiclass', 6)).toEqual({
      activation: 'softmax',
      loss: 'categorical_crossentropy',
      units: '6 units',
      words: 'Multi-class classification',
    });
    expect(describeOutput('regression', 0).units).toBe('1 unit');
  });

  it('"Check the target" for a guess or for other candidates, never listing a column twice', () => {
    const choice: TargetChoiceInfo = {
      rule: 'name',
      guess: false,
      reason: '',
      alternatives: ['quality'],
      candidates: [],
    };
    expect(targetInDoubt(choice)).toBe(false);
    expect(targetInDoubt({ ...choice, guess: true })).toBe(true);
    const offered = { ...choice, candidates: [{ name: 'quality', reason: 'last column, 6 values' }] };
    expect(targetInDoubt(offered)).toBe(true);
    expect(alsoNamedLikeTarget(offered)).toEqual([]);
    expect(alsoNamedLikeTarget(choice)).toEqual(['quality']);
  });
});
