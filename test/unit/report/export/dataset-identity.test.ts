/** The data a study ran on travels with its results; the output layer and loss are the task's. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { courseSearchSpace, validateSpace, SpaceError } from '../../../../src/core/space';
import { defaultSetup } from '../../../../src/core/experiment';
import { Study } from '../../../../src/core/study';
import { datasetIdentity, describeIdentity, identityDifference, loadCsv } from '../../../../src/data';
import { readSearchSpace } from '../../../../src/report/read/read-space';
import { studyWithoutTaskOutput } from '../../../../src/report/read/read-study-state';
import { resultsCsv, resultsJson } from '../../../../src/report/export/results-file';
import { parseResultsJson } from '../../../../src/report/read/results-reader';
import { kerasTunerScript } from '../../../../src/report/export/keras-tuner-script';
import { courseSettings, describeCatalogueDataset, runStudy } from '../../support/report-fixtures';

const fixture = (file: string) =>
  readFileSync(new URL(`../../../fixtures/csv/${file}`, import.meta.url), 'utf8');

function identityOf(file: string, options = {}) {
  const loaded = loadCsv(fixture(file), { fileName: file, seed: 1, ...options });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return datasetIdentity(loaded.value.analysis, loaded.value.dataset);
}

/** A space as saved before the output layer left it. */
const OLD_OUTPUT_PARAMS = [
  { kind: 'fixed', name: 'output_activation', value: 'sigmoid' },
  { kind: 'fixed', name: 'loss', value: 'binary_crossentropy' },
] as const;

describe('dataset identity', () => {
  it('names the data: name, file, rows, columns, content hash, target, task and classes', () => {
    const wine = identityOf('wine-quality-like.csv');
    expect(wine).toMatchObject({
      name: 'wine-quality-like',
      fileName: 'wine-quality-like.csv',
      rows: 60,
      columns: 12,
      target: 'quality',
      task: 'multiclass',
    });
    expect(wine.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(describeIdentity(wine)).toBe(
      `wine-quality-like (wine-quality-like.csv): 60 rows, 12 columns, content ${wine.hash.slice(0, 8)}`,
    );
  });

  it('tells other data and another target apart from the same setup', () => {
    const wine = identityOf('wine-quality-like.csv');
    expect(identityDifference(wine, identityOf('wine-quality-like.csv'))).toBeUndefined();
    expect(identityDifference(wine, identityOf('titanic-like.csv'))).toMatch(
      /^the results were computed on wine-quality-like .*, but titanic-like .* is loaded$/,
    );
    const asNumber = identityOf('wine-quality-like.csv', { numeric: ['quality'] });
    expect(identityDifference(wine, asNumber)).toBe(
      'the results predicted "quality" (multiclass), but "quality" (regression) is the target now',
    );
  });
});

describe('results files carry the dataset', () => {
  const identity = identityOf('wine-quality-like.csv');
  const setup = {
    ...defaultSetup().dataset,
    source: { kind: 'csv' as const, fileName: 'wine-quality-like.csv' },
    numeric: ['alcohol'],
    exclude: ['density'],
    header: true,
  };

  it('round-trips the identity and setup, with the output layer and loss the task trains with', () => {
    const state = runStudy(courseSettings({ algorithm: 'random', maxTrials: 3, epochs: 1 })).toJSON();
    const meta = { datasetName: 'wine', createdAt: 'now', data: { identity, setup } };
    const text = resultsJson(state, meta);
    const file = JSON.parse(text);
    expect(file.data).toMatchObject({
      hash: identity.hash,
      rows: 60,
      columns: 12,
      output: { units: identity.classNames.length, activation: 'softmax', loss: 'categorical_crossentropy' },
    });
    expect(text).not.toMatch(/sigmoid|binary_crossentropy/);
    const parsed = parseResultsJson(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.meta).toEqual(meta);
  });

  it('reads files of older versions without a dataset, and refuses a damaged one', () => {
    const state = runStudy(courseSettings({ algorithm: 'random', maxTrials: 2, epochs: 1 })).toJSON();
    const old = parseResultsJson(resultsJson(state, { datasetName: 'x', createdAt: 'now' }));
    expect(old.ok && old.value.meta.data).toBeUndefined();
    const file = JSON.parse(
      resultsJson(state, { datasetName: 'x', createdAt: 'now', data: { identity, setup } }),
    );
    file.data.hash = 'not a hash';
    const damaged = parseResultsJson(JSON.stringify(file));
    expect(damaged).toEqual({
      ok: false,
      error: 'The results file is damaged: file.data.hash: expected 16 hex digits.',
    });
    file.data.hash = identity.hash;
    file.data.setup.folds = 1;
    expect(parseResultsJson(JSON.stringify(file)).ok).toBe(false);
  });

  it('the CSV ends with the output activation and loss of the task', () => {
    const study = runStudy(courseSettings({ algorithm: 'random', maxTrials: 2, epochs: 1 }));
    const csv = resultsCsv(study.toJSON().trials, study.settings.space, study.settings.objective, {
      activation: 'linear',
      loss: 'mean_squared_error',
    });
    const [header, first] = csv.trim().split(/\r?\n/);
    expect(header.endsWith(',output_activation,loss')).toBe(true);
    expect(first.endsWith(',linear,mean_squared_error')).toBe(true);
  });
});

describe('the output layer is not a hyperparameter', () => {
  it('the course space has no output activation or loss, and a space naming them is refused', () => {
    const names = courseSearchSpace().params.map((p) => p.name);
    expect(names).not.toContain('output_activation');
    expect(names).not.toContain('loss');
    const space = { params: [...courseSearchSpace().params, OLD_OUTPUT_PARAMS[0]] };
    expect(() => validateSpace(space)).toThrow(SpaceError);
    expect(() => validateSpace(space)).toThrow(/follow from the task/);
  });

  it('the Keras Tuner script of a multi-class study names softmax and categorical cross-entropy only', () => {
    const script = kerasTunerScript({
      settings: courseSettings(),
      dataset: describeCatalogueDataset('iris'),
    });
    expect(script).toContain('OUTPUT_ACTIVATION = "softmax"');
    expect(script).toContain('LOSS = "categorical_crossentropy"');
    expect(script).not.toMatch(/sigmoid|binary_crossentropy|hp\.Fixed\("(output_activation|loss)"/);
  });

  it('old links and files: the fixed sigmoid and binary cross-entropy are dropped on reading', () => {
    const old = { params: [...courseSearchSpace().params, ...OLD_OUTPUT_PARAMS] };
    expect(readSearchSpace(JSON.parse(JSON.stringify(old)), 'space')).toEqual(courseSearchSpace());
  });

  it('an old saved study replays the same trials without them', () => {
    const settings = courseSettings({ algorithm: 'random', maxTrials: 4, epochs: 1 });
    const before = runStudy({
      ...settings,
      space: { params: [...settings.space.params, ...OLD_OUTPUT_PARAMS] },
    }).toJSON();
    expect(before.trials[0].config.output_activation).toBe('sigmoid');
    const upgraded = studyWithoutTaskOutput(before);
    expect(upgraded.trials[0].config).not.toHaveProperty('output_activation');
    expect(upgraded.trials[0].config).not.toHaveProperty('loss');
    const now = runStudy(settings).toJSON();
    expect(upgraded.trials.map((t) => t.config)).toEqual(now.trials.map((t) => t.config));
    expect(
      Study.restore(upgraded)
        .toJSON()
        .trials.map((t) => t.id),
    ).toEqual(before.trials.map((t) => t.id));
    const parsed = parseResultsJson(resultsJson(before, { datasetName: 'x', createdAt: 'now' }));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.state.trials.map((t) => t.config)).toEqual(now.trials.map((t) => t.config));
  });
});
