/**
 * run_optuna.py for real, with Debian's Python (optuna 3.1, torch 1.13) and SQLite: the distributions,
 * the import of the browser's trials by concurrent workers, the PyTorch training for every task, and
 * the results file the playground imports back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFits, paramValues } from '../../../../src/core/space';
import type { Param } from '../../../../src/core/space/types';
import { encodeNumber } from '../../../../src/report/read/json-reader';
import { optunaParam } from '../../../../src/report/export/optuna-distributions';
import { parseResultsJson } from '../../../../src/report/read/results-reader';
import { courseSettings, runStudy } from '../../support/report-fixtures';
import {
  bundleOf,
  catalogueDataset,
  csvDataset,
  python,
  removeBundles,
  writeBundle,
} from '../../support/optuna-fixtures';

const EVERY_KIND: Param[] = [
  { kind: 'int', name: 'int_step', min: 32, max: 512, step: 128 },
  { kind: 'int', name: 'int_log', min: 1, max: 64, sampling: 'log' },
  { kind: 'int', name: 'int_log_step', min: 2, max: 64, step: 4, sampling: 'log' },
  { kind: 'int', name: 'int_reverse_log', min: 1, max: 10, sampling: 'reverse_log' },
  { kind: 'float', name: 'float_linear', min: 0, max: 1 },
  { kind: 'float', name: 'float_log', min: 1e-4, max: 1e-2, sampling: 'log' },
  { kind: 'float', name: 'float_reverse_log', min: 0.9, max: 0.999, sampling: 'reverse_log' },
  { kind: 'float', name: 'float_step', min: 0, max: 0.3, step: 0.1 },
  { kind: 'float', name: 'float_step_uneven', min: 0.05, max: 0.5, step: 0.2 },
  { kind: 'float', name: 'float_log_step', min: 0.001, max: 0.01, step: 0.003, sampling: 'log' },
  { kind: 'choice', name: 'choice', values: [1, 0.95, 'adam', true] },
  { kind: 'boolean', name: 'boolean' },
  { kind: 'fixed', name: 'fixed', value: 32 },
];

const CHECK_DISTRIBUTIONS = `
import json, sys
import optuna
cases = json.load(open(sys.argv[1]))
out = {}
for case in cases:
    d = optuna.distributions.json_to_distribution(json.dumps(case["distribution"]))
    values = case["values"]
    if isinstance(d, optuna.distributions.CategoricalDistribution):
        count = len(d.choices)
    elif d.step is not None:
        count = int(round((d.high - d.low) / d.step)) + 1
    else:
        count = None
    out[case["name"]] = {
        "class": type(d).__name__,
        "log": getattr(d, "log", False),
        "contains": all(d._contains(d.to_internal_repr(v)) for v in values),
        "count": count,
    }
print(json.dumps(out))
`;

describe('run_optuna.py', () => {
  afterAll(removeBundles);

  it('compiles', async () => {
    const dir = writeBundle(
      bundleOf(
        runStudy(courseSettings({ algorithm: 'random', maxTrials: 1, epochs: 1 })).toJSON(),
        catalogueDataset('banknote'),
      ),
    );
    await python(['-m', 'py_compile', 'run_optuna.py'], dir);
    expect(await python(['run_optuna.py', '--help'], dir)).toContain('--export-results');
  });

  it('maps every kind of parameter to an Optuna distribution holding exactly its values', async () => {
    const dir = writeBundle(
      bundleOf(
        runStudy(courseSettings({ algorithm: 'random', maxTrials: 1, epochs: 1 })).toJSON(),
        catalogueDataset('banknote'),
      ),
    );
    const cases = EVERY_KIND.flatMap((p) => {
      const { distribution } = optunaParam(p);
      if (!distribution) return [];
      const values = paramValues(p) ?? (p.kind === 'float' ? [p.min, (p.min + p.max) / 2, p.max] : []);
      return [{ name: p.name, distribution, values }];
    });
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(cases));
    writeFileSync(join(dir, 'check.py'), CHECK_DISTRIBUTIONS);
    const out = JSON.parse(await python(['check.py', 'cases.json'], dir));
    expect(optunaParam(EVERY_KIND.at(-1)!)).toEqual({ name: 'fixed' });
    for (const p of EVERY_KIND.slice(0, -1)) {
      const exact = paramValues(p);
      expect(out[p.name], p.name).toEqual({
        class:
          p.kind === 'int'
            ? 'IntDistribution'
            : p.kind === 'float'
              ? 'FloatDistribution'
              : 'CategoricalDistribution',
        log: p.name === 'int_log' || p.name === 'float_log',
        contains: true,
        count: exact ? exact.length : null,
      });
    }
    for (const name of ['int_log_step', 'int_reverse_log', 'float_reverse_log', 'float_log_step'])
      expect(optunaParam(EVERY_KIND.find((p) => p.name === name)!).note, name).toMatch(/linear scale/);
  });

  it('loads the browser trials once when two workers start together, trains new ones and writes them back', async () => {
    const settings = courseSettings({ maxEpochs: 3, factor: 3 }, { executionsPerTrial: 2, seed: 5 });
    const state = runStudy(settings, { fail: [1], stopAt: 3 }).toJSON();
    const bundle = bundleOf(state, catalogueDataset('banknote', { seed: 5 }));
    const dir = writeBundle(bundle);
    const storage = `sqlite:///${join(dir, 'study.db')}`;
    const worker = ['run_optuna.py', '--storage', storage, '--n-trials', '1', '--seed', '0'];
    await Promise.all([python(worker, dir), python([...worker.slice(0, -1), '1'], dir)]);
    await python(
      ['run_optuna.py', '--storage', storage, '--n-trials', '0', '--export-results', 'results.json'],
      dir,
    );

    const parsed = parseResultsJson(readFileSync(join(dir, 'results.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    const { trials, settings: read, done } = parsed.value.state;
    expect(read).toEqual(settings);
    expect(done).toMatch(/continued on Optuna in study .*: \d+ trials from the browser, 2 from Optuna/);
    const browser = trials.filter((t) => !t.id.startsWith('optuna-'));
    expect(browser).toEqual(state.trials);
    const added = trials.filter((t) => t.id.startsWith('optuna-'));
    expect(added).toHaveLength(2);
    expect(added.map((t) => t.number)).toEqual([state.trials.length, state.trials.length + 1]);
    for (const t of added) {
      expect(configFits(settings.space, t.config)).toBe(true);
      expect(['completed', 'stopped']).toContain(t.state);
      expect(t.executions).toHaveLength(2);
      const history = t.executions[0].history;
      expect(history.map((h) => h.epoch)).toEqual([1, 2, 3].slice(0, history.length));
      expect(Object.keys(history[0].metrics).sort()).toEqual(
        ['accuracy', 'auc', 'loss', 'val_accuracy', 'val_auc', 'val_loss'].sort(),
      );
      expect(history[0].learningRate).toBe(t.config.learning_rate);
      if (t.state === 'completed') expect(t.score).toBeGreaterThan(0.5);
    }

    const counts = JSON.parse(
      await python(
        [
          '-c',
          'import json, sys, optuna; s = optuna.load_study(study_name=sys.argv[1], storage=sys.argv[2]); ' +
            'print(json.dumps({"trials": len(s.trials), "states": [t.state.name for t in s.trials], ' +
            '"loaded": s.user_attrs["playground:browser_trials_loaded"], ' +
            '"rungs": [sorted(k for k in t.system_attrs if k.startswith("completed_rung")) for t in s.trials]}))',
          bundle.folder,
          storage,
        ],
        dir,
      ),
    );
    const optunaSection = JSON.parse(bundle.files['study.json']).optuna;
    expect(counts.loaded).toBe(optunaSection.trials.length);
    expect(counts.trials).toBe(optunaSection.trials.length + 2);
    expect(counts.states.slice(0, -2)).toEqual(optunaSection.trials.map((t: { state: string }) => t.state));
    expect(counts.rungs.slice(0, -2)).toEqual(
      optunaSection.trials.map((t: { systemAttrs: object }) => Object.keys(t.systemAttrs).sort()),
    );
  });

  it('refuses to join a study started from another export', async () => {
    const state = runStudy(courseSettings({ algorithm: 'random', maxTrials: 2, epochs: 1 })).toJSON();
    const first = writeBundle(bundleOf(state, catalogueDataset('banknote', { seed: 1 })));
    const second = writeBundle(bundleOf(state, catalogueDataset('banknote', { seed: 2 })));
    const storage = `sqlite:///${join(first, 'study.db')}`;
    await python(['run_optuna.py', '--storage', storage, '--n-trials', '0'], first);
    await expect(python(['run_optuna.py', '--storage', storage, '--n-trials', '0'], second)).rejects.toThrow(
      /was started from another export/,
    );
  });

  it('trains a multi-class task with softmax and cross-entropy, and stops early as the browser would', async () => {
    const settings = courseSettings({ algorithm: 'random', maxTrials: 3, epochs: 30 });
    const state = runStudy(settings).toJSON();
    const dir = writeBundle(bundleOf(state, catalogueDataset('iris')));
    const out = JSON.parse(await python(['run_optuna.py', '--reproduce-best'], dir));
    expect(out).toMatchObject({ metric: 'val_accuracy', epochs: 30, epochsTrained: [30] });
    expect(out.pytorch).toBeGreaterThan(0.8);
    expect(out.val_accuracy.pytorch).toBe(out.pytorch);

    const patient = writeBundle(
      bundleOf(state, catalogueDataset('iris'), { earlyStopping: { enabled: true, patience: 1 } }),
    );
    const stopped = JSON.parse(await python(['run_optuna.py', '--reproduce-best'], patient));
    expect(stopped.epochsTrained[0]).toBeLessThan(30);
  });

  it('trains a regression with a linear output and the squared error', async () => {
    const rows = Array.from({ length: 240 }, (_, i) => {
      const a = Math.sin(i * 1.7);
      const b = Math.cos(i * 0.3);
      return `${a.toFixed(4)},${b.toFixed(4)},${(2 * a - b + 0.05 * Math.sin(i * 7.1)).toFixed(4)}`;
    });
    const dataset = csvDataset(['a,b,y', ...rows].join('\n'), 'y');
    expect(dataset.task).toBe('regression');
    const settings = courseSettings(
      { algorithm: 'random', maxTrials: 3, epochs: 40 },
      { objective: { metric: 'val_loss', direction: 'min' } },
    );
    const dir = writeBundle(bundleOf(runStudy(settings).toJSON(), dataset));
    const out = JSON.parse(await python(['run_optuna.py', '--reproduce-best'], dir));
    const validation = [...dataset.splits.validation].map((r) => dataset.y[r]);
    const mean = validation.reduce((s, v) => s + v, 0) / validation.length;
    const variance = validation.reduce((s, v) => s + (v - mean) ** 2, 0) / validation.length;
    expect(out.metric).toBe('val_loss');
    expect(out.pytorch).toBeLessThan(variance / 4);
    expect(out).not.toHaveProperty('val_accuracy');
  });

  it('writes numbers JSON cannot hold as the texts the playground reads', () => {
    expect([NaN, Infinity, -Infinity].map(encodeNumber)).toEqual(['NaN', 'Infinity', '-Infinity']);
    const script = readFileSync(
      new URL('../../../../src/report/export/optuna/playground_study.py', import.meta.url),
      'utf8',
    );
    expect(script).toContain(
      'return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")',
    );
  });
});
