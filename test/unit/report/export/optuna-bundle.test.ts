import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { configFits } from '../../../../src/core/space';
import { isMultiFidelity } from '../../../../src/core/oracles/registry';
import { optunaBundle, optunaZip } from '../../../../src/report/export/optuna-bundle';
import { optunaDataCsv, rowSplits } from '../../../../src/report/export/optuna-data';
import { optunaTrials, prunerSettings } from '../../../../src/report/export/optuna-trials';
import { parseResultsJson } from '../../../../src/report/read/results-reader';
import { courseSettings, runStudy } from '../../support/report-fixtures';
import { bundleOf, catalogueDataset } from '../../support/optuna-fixtures';

const banknote = catalogueDataset('banknote');

function rowsOf(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('the data file', () => {
  it("marks every row's split exactly as the dataset has it", () => {
    const { text, columns } = optunaDataCsv(banknote);
    const rows = rowsOf(text);
    expect(rows).toHaveLength(banknote.rows);
    for (const split of ['train', 'validation', 'test'] as const) {
      const marked = rows.flatMap((r, i) => (r[columns.split] === split ? [i] : []));
      expect(marked).toEqual([...banknote.splits[split]]);
    }
    expect(columns.splitSizes.train).toBe(banknote.splits.train.length);
    expect(columns.fold).toBeNull();
  });

  it('writes the features before standardisation: standardised on its train rows they are the same again', () => {
    const { text, columns } = optunaDataCsv(banknote);
    const rows = rowsOf(text);
    const f = banknote.features;
    const train = rows.filter((r) => r[columns.split] === 'train');
    columns.features.forEach((name, j) => {
      const values = train.map((r) => Number(r[name]));
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
      rows.forEach((r, i) => expect((Number(r[name]) - mean) / std).toBeCloseTo(banknote.x[i * f + j], 5));
    });
    rows.forEach((r, i) => expect(r[columns.target]).toBe(banknote.classNames[banknote.y[i]]));
  });

  it('adds the fold of every train and validation row under cross-validation', () => {
    const dataset = catalogueDataset('iris', { folds: 3 });
    const { text, columns } = optunaDataCsv(dataset);
    const rows = rowsOf(text);
    expect(columns.fold).toBe('fold');
    dataset.splits.folds!.forEach((fold, k) => {
      const marked = rows.flatMap((r, i) => (r.fold === String(k) ? [i] : []));
      expect(marked).toEqual([...fold]);
    });
    expect(rows.filter((r) => r.split === 'test').every((r) => r.fold === '')).toBe(true);
  });

  it('keeps the extra columns apart from a feature called "split"', () => {
    const dataset = { ...banknote, featureNames: ['split', ...banknote.featureNames.slice(1)] };
    const { text, columns } = optunaDataCsv(dataset);
    expect(columns.split).toBe('split_2');
    expect(text.split('\r\n')[0].split(',')).toEqual([
      ...dataset.featureNames,
      dataset.targetName,
      'split_2',
    ]);
  });

  it('refuses a dataset whose splits overlap', () => {
    const broken = { ...banknote, splits: { ...banknote.splits, test: banknote.splits.train.slice(0, 1) } };
    expect(() => rowSplits(broken)).toThrow(/in both train and test/);
  });
});

describe('the browser trials in Optuna', () => {
  const settings = courseSettings({ maxEpochs: 9, factor: 3 }, { executionsPerTrial: 2 });
  const state = runStudy(settings, { fail: [1], stopAt: 6 }).toJSON();
  const { trials, skipped } = optunaTrials(settings, state.trials);

  it('makes one Optuna trial of each chain of promotions, covering every finished browser trial once', () => {
    const covered = trials.flatMap((t) => t.browserTrials);
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered.sort()).toEqual(state.trials.map((t) => t.id).sort());
    expect(skipped).toEqual([]);
    const byId = new Map(state.trials.map((t) => [t.id, t]));
    for (const t of trials) {
      const chain = t.browserTrials.map((id) => byId.get(id)!);
      chain.slice(1).forEach((trial, i) => expect(trial.parentId).toBe(chain[i].id));
      expect(Object.keys(t.intermediateValues).map(Number)).toEqual(
        Array.from({ length: Object.keys(t.intermediateValues).length }, (_, i) => i + 1),
      );
    }
    expect(trials.some((t) => t.browserTrials.length === 3)).toBe(true);
  });

  it('is COMPLETE with the browser score only at the full budget, PRUNED below it, FAIL when it failed', () => {
    const fixed = Object.fromEntries(
      settings.space.params.flatMap((p) => (p.kind === 'fixed' ? [[p.name, p.value]] : [])),
    );
    const byId = new Map(state.trials.map((t) => [t.id, t]));
    for (const t of trials) {
      const leaf = byId.get(t.browserTrials.at(-1)!)!;
      if (leaf.state === 'failed') expect(t.state).toBe('FAIL');
      else if (leaf.state === 'completed' && leaf.resource === 9) {
        expect(t.state).toBe('COMPLETE');
        expect(t.value).toBe(leaf.score);
      } else expect([t.state, t.value]).toEqual(['PRUNED', null]);
      expect(configFits(settings.space, { ...t.params, ...fixed })).toBe(true);
    }
    expect(new Set(trials.map((t) => t.state))).toEqual(new Set(['COMPLETE', 'PRUNED', 'FAIL']));
  });

  it('averages the executions per epoch and records each rung reached as the pruner would', () => {
    expect(prunerSettings(settings)).toEqual({ minResource: 1, reductionFactor: 3 });
    const full = trials.find((t) => t.state === 'COMPLETE' && t.browserTrials.length === 3)!;
    expect(Object.keys(full.systemAttrs)).toEqual([
      'completed_rung_0',
      'completed_rung_1',
      'completed_rung_2',
    ]);
    expect(full.systemAttrs.completed_rung_1).toBe(full.intermediateValues['3']);
    const leaf = state.trials.find((t) => t.id === full.browserTrials[2])!;
    const epoch9 = leaf.executions.map((e) => e.history.find((h) => h.epoch === 9)!.metrics.val_accuracy);
    expect(full.intermediateValues['9']).toBeCloseTo((epoch9[0] + epoch9[1]) / 2, 12);
  });

  it('keeps only searched, active parameters (Fixed ones are constants)', () => {
    for (const t of trials) {
      expect(t.params).not.toHaveProperty('batch_size');
      const layers = Number(t.params.layers);
      expect('units_5' in t.params).toBe(layers >= 6);
    }
  });

  it('leaves out running trials and says why', () => {
    const running = runStudy(courseSettings({ algorithm: 'random', maxTrials: 3, epochs: 2 })).toJSON();
    running.trials[2] = { ...running.trials[2], state: 'running', executions: [] };
    const converted = optunaTrials(running.settings, running.trials);
    expect(converted.trials).toHaveLength(2);
    expect(converted.skipped).toEqual([
      { id: running.trials[2].id, reason: 'it was still running when the study was exported' },
    ]);
  });

  it('uses the most aggressive Hyperband bracket as the first rung', () => {
    const rungOf = (tuner: object) => prunerSettings(courseSettings(tuner)).minResource;
    expect(rungOf({ maxEpochs: 10, factor: 3 })).toBe(2);
    expect(rungOf({ algorithm: 'random', epochs: 4, factor: 3 })).toBe(2);
    expect(rungOf({ algorithm: 'random', epochs: 1 })).toBe(1);
    expect(isMultiFidelity(courseSettings({ algorithm: 'tpe' }).tuner)).toBe(false);
  });
});

describe('the zip', () => {
  const state = runStudy(courseSettings({ algorithm: 'random', maxTrials: 4, epochs: 3 })).toJSON();
  const bundle = bundleOf(state, banknote, { datasetName: 'Banknote authentication' });
  const files = unzipSync(optunaZip(bundle));

  it('holds the data, study.json, run_optuna.py with its parts and a README in one folder', () => {
    expect(bundle.folder).toBe('banknote-authentication-random-20260304-050607');
    const scripts = [
      'playground_bundle.py',
      'playground_network.py',
      'playground_storage.py',
      'playground_study.py',
      'run_optuna.py',
    ];
    expect(Object.keys(files).sort()).toEqual(
      ['README.md', 'data.csv', ...scripts, 'study.json'].map((f) => `${bundle.folder}/${f}`),
    );
    for (const script of scripts)
      expect(strFromU8(files[`${bundle.folder}/${script}`])).toBe(
        readFileSync(new URL(`../../../../src/report/export/optuna/${script}`, import.meta.url), 'utf8'),
      );
    expect(strFromU8(files[`${bundle.folder}/data.csv`])).toBe(optunaDataCsv(banknote).text);
  });

  it('writes a study.json the playground imports as the same study', () => {
    const text = strFromU8(files[`${bundle.folder}/study.json`]);
    const parsed = parseResultsJson(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.state).toEqual(state);
    expect(parsed.value.meta.datasetName).toBe('Banknote authentication');
    const optuna = JSON.parse(text).optuna;
    expect(optuna).toMatchObject({
      format: 'tuning-playground-optuna',
      version: 1,
      studyName: bundle.folder,
      epochs: 3,
      pruner: { name: 'SuccessiveHalvingPruner', minResource: 1, reductionFactor: 3 },
      earlyStopping: null,
      fixed: { batch_size: 32, activation: 'relu' },
      data: { file: 'data.csv', task: 'binary', split: 'split', rows: banknote.rows },
    });
    expect(optuna.trials).toHaveLength(4);
    expect(Object.keys(optuna.distributions)).toContain('units_5');
  });

  it('explains the commands and the mapping in its README', () => {
    const readme = strFromU8(files[`${bundle.folder}/README.md`]);
    expect(readme).toContain('python3 run_optuna.py --storage postgresql://USER:PASSWORD@HOST/DATABASE');
    expect(readme).toContain('--export-results results.json');
    expect(readme).toContain('`IntDistribution(low=32, high=416, step=128)`');
    expect(readme).toContain('`FloatDistribution(low=0.0001, high=0.01, log=True)`');
    expect(readme).toContain('4 browser trials became 4 Optuna trials: 4 complete, 0 pruned, 0 failed.');
    expect(readme).toContain('`CategoricalDistribution([False, True])`');
    expect(readme).toContain('(1 sigmoid output unit, binary_crossentropy loss)');
    expect(readme).not.toMatch(/`loss`|`output_activation`/);
  });

  it('marks the script executable for unzip', () => {
    const zip = optunaZip(bundle);
    const name = new TextEncoder().encode(`${bundle.folder}/run_optuna.py`);
    // Central directory entries: signature PK\x01\x02, external attributes at offset 38.
    for (let i = 0; i + 46 < zip.length; i++) {
      if (zip[i] !== 0x50 || zip[i + 1] !== 0x4b || zip[i + 2] !== 1 || zip[i + 3] !== 2) continue;
      const nameLength = zip[i + 28] | (zip[i + 29] << 8);
      const entry = zip.subarray(i + 46, i + 46 + nameLength);
      if (entry.length !== name.length || !entry.every((b, k) => b === name[k])) continue;
      const attrs = (zip[i + 38] | (zip[i + 39] << 8) | (zip[i + 40] << 16) | (zip[i + 41] << 24)) >>> 0;
      expect((attrs >>> 16) & 0o777).toBe(0o755);
      return;
    }
    throw new Error('run_optuna.py is not in the central directory');
  });

  it('refuses a study without a finished trial', () => {
    const empty = { ...state, trials: state.trials.map((t) => ({ ...t, state: 'running' as const })) };
    expect(() =>
      optunaBundle({ state: empty, dataset: banknote, datasetName: 'b', createdAt: '2026-01-01T00:00:00Z' }),
    ).toThrow(/Finish at least one trial/);
  });
});
