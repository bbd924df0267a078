import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  kerasTunerScript,
  type KerasTunerScriptInput,
} from '../../../../src/report/export/keras-tuner-script';
import { detectLayerLoop } from '../../../../src/report/export/keras-hyperparameters';
import { pyString } from '../../../../src/report/export/python';
import type { DatasetDescription } from '../../../../src/report/export/dataset-description';
import type { Algorithm } from '../../../../src/core/oracles/types';
import { courseSearchSpace } from '../../../../src/core/space';
import type { SearchSpace } from '../../../../src/core/space/types';
import { courseSettings, describeCatalogueDataset } from '../../support/report-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'kt-script-'));
let fileCount = 0;

function writeTemp(text: string): string {
  const file = join(dir, `script-${fileCount++}.py`);
  writeFileSync(file, text);
  return file;
}

/** Throws with Python's message when the file is not valid Python. */
function assertParses(script: string): void {
  const file = writeTemp(script);
  execFileSync('python3', ['-c', 'import ast,sys; ast.parse(open(sys.argv[1]).read())', file], {
    stdio: 'pipe',
  });
}

/**
 * Runs the generated define_hyperparameters(hp) against a stand-in for Keras Tuner's HyperParameters
 * (first value of every range, None inside an inactive conditional scope), returning the values dict.
 */
const FAKE_HP = `
import ast, json, sys
source = open(sys.argv[1]).read()
tree = ast.parse(source)
fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "define_hyperparameters")
namespace = {}
exec(compile(ast.Module(body=[fn], type_ignores=[]), "script", "exec"), namespace)
overrides = json.loads(sys.argv[2])

class FakeHP:
    def __init__(self):
        self.values, self.registered, self.scopes = {}, [], []
    def _active(self):
        return all(self.values.get(parent) in values for parent, values in self.scopes)
    def _register(self, name, default):
        assert isinstance(name, str)
        assert name not in self.registered, "registered twice: " + name
        self.registered.append(name)
        value = overrides.get(name, default)
        if not self._active():
            return None
        self.values[name] = value
        return value
    def Int(self, name, min_value, max_value, step=None, sampling="linear"):
        assert isinstance(min_value, int) and isinstance(max_value, int)
        return self._register(name, min_value)
    def Float(self, name, min_value, max_value, step=None, sampling="linear"):
        assert isinstance(min_value, float) and isinstance(max_value, float)
        return self._register(name, min_value)
    def Choice(self, name, values):
        assert len(set(type(v) for v in values)) == 1, "mixed types in " + name
        return self._register(name, values[0])
    def Boolean(self, name):
        return self._register(name, False)
    def Fixed(self, name, value):
        return self._register(name, value)
    def conditional_scope(self, parent, values):
        hp = self
        assert parent in hp.registered, "scope on an unregistered parent " + parent
        class Scope:
            def __enter__(self):
                hp.scopes.append((parent, values))
            def __exit__(self, *exc):
                hp.scopes.pop()
        return Scope()

hp = FakeHP()
print(json.dumps(namespace["define_hyperparameters"](hp)))
`;

function runDefine(script: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const file = writeTemp(script);
  const out = execFileSync('python3', ['-c', FAKE_HP, file, JSON.stringify(overrides)], {
    encoding: 'utf8',
    stdio: 'pipe',
  });
  return JSON.parse(out);
}

const banknote = describeCatalogueDataset('banknote');

function scriptFor(
  over: Partial<KerasTunerScriptInput> & { algorithm?: Algorithm; space?: SearchSpace } = {},
): string {
  const { algorithm = 'hyperband', space, ...rest } = over;
  return kerasTunerScript({
    settings: courseSettings({ algorithm }, space ? { space } : {}),
    dataset: banknote,
    ...rest,
  });
}

const weirdDataset: DatasetDescription = {
  ...banknote,
  name: 'It\'s "weird" \\ data\nwith a newline',
  fileName: 'odd "file" name\'s.csv',
  target: 'it\'s "x"',
  classNames: ['no "way"', "yes\\it's"],
  categorical: ['colour, "hue"', 'naïve ☃ 𝒳'],
  ignored: [{ column: 'id\n# injected = 1', reason: 'identifier """ end' }],
  file: {
    delimiter: ';',
    hasHeader: true,
    columns: ['it\'s "x"', 'colour, "hue"', '\u2028line', 'naïve ☃ 𝒳'],
  },
};

const weirdSpace: SearchSpace = {
  params: [
    { kind: 'choice', name: 'kind\'s "mode"', values: ['a"b', "c'd", 'e\\f'] },
    { kind: 'int', name: 'depth', min: 1, max: 3 },
    {
      kind: 'int',
      name: 'width',
      min: 2,
      max: 64,
      step: 2,
      sampling: 'log',
      condition: { parent: 'depth', values: [2, 3] },
    },
    { kind: 'float', name: 'lr {x}', min: 1e-7, max: 0.1, sampling: 'reverse_log' },
    { kind: 'float', name: 'ratio', min: 0, max: 1, step: 0.25 },
    { kind: 'float', name: 'tiny', min: 0.001, max: 0.1, step: 0.001, sampling: 'log' },
    { kind: 'boolean', name: 'flag', condition: { parent: 'kind\'s "mode"', values: ['a"b'] } },
    {
      kind: 'choice',
      name: 'mixed',
      values: [1, 'two', true],
      condition: { parent: 'flag', values: [true] },
    },
    {
      kind: 'choice',
      name: 'after_mixed',
      values: [0.5, 2],
      condition: { parent: 'mixed', values: [1, 'two'] },
    },
    { kind: 'fixed', name: 'newline\nname', value: 'multi\nline "value"' },
    { kind: 'fixed', name: 'batch_size', value: 64 },
  ],
};

describe('Keras Tuner script', () => {
  it.each(['hyperband', 'random', 'grid', 'bayesian', 'tpe', 'successive-halving', 'asha'] as const)(
    'is valid Python for %s and uses the matching tuner',
    (algorithm) => {
      const script = scriptFor({ algorithm });
      assertParses(script);
      const tuner = {
        hyperband: 'keras_tuner.Hyperband(',
        'successive-halving': 'keras_tuner.Hyperband(',
        asha: 'keras_tuner.Hyperband(',
        random: 'keras_tuner.RandomSearch(',
        grid: 'keras_tuner.GridSearch(',
        bayesian: 'keras_tuner.BayesianOptimization(',
        tpe: 'keras_tuner.BayesianOptimization(',
      }[algorithm];
      expect(script).toContain(tuner);
      expect(script).toContain('objective=keras_tuner.Objective("val_accuracy", direction="max")');
      expect(script).toContain('executions_per_trial=1');
      expect(script).toContain('seed=SEED');
    },
  );

  it('carries the Hyperband settings, and says when it stands in for another algorithm', () => {
    const hb = scriptFor({ algorithm: 'hyperband' });
    expect(hb).toMatch(/max_epochs=10,\s+factor=3,\s+hyperband_iterations=1,/);
    expect(hb).not.toMatch(/max_trials=/);
    expect(hb).not.toMatch(/epochs=10,\n\s+callbacks/);
    expect(hb).not.toContain('runs its whole plan');
    const capped = kerasTunerScript({ settings: courseSettings({ maxTrials: 12 }), dataset: banknote });
    expect(capped).toContain(
      "# - The playground stopped after 12 trials; Keras Tuner's Hyperband runs its whole plan.",
    );
    const asha = scriptFor({ algorithm: 'asha' });
    expect(asha).toContain('Keras Tuner has no ASHA; Hyperband with one iteration is the closest.');
    const tpe = scriptFor({ algorithm: 'tpe' });
    expect(tpe).toContain('Keras Tuner has no TPE');
    const bo = kerasTunerScript({
      settings: courseSettings({
        algorithm: 'bayesian',
        maxTrials: 40,
        initialPoints: 7,
        alpha: 0.001,
        beta: 3,
      }),
      dataset: banknote,
    });
    expect(bo).toMatch(/max_trials=40,\s+num_initial_points=7, .*\n\s+alpha=0.001,\s+beta=3.0,/);
    const random = scriptFor({ algorithm: 'random' });
    expect(random).toMatch(/epochs=10,\s+callbacks=\[\],/);
  });

  it('explains distributed mode', () => {
    const script = scriptFor();
    for (const name of ['KERASTUNER_TUNER_ID', 'KERASTUNER_ORACLE_IP', 'KERASTUNER_ORACLE_PORT'])
      expect(script).toContain(`#   ${name}`);
  });

  it('mirrors the course space with a layer loop and keeps the exact grids', () => {
    const script = scriptFor();
    expect(script).toContain('values["layers"] = hp.Int("layers", min_value=2, max_value=6)');
    expect(script).toContain('    for i in range(values["layers"]):');
    expect(script).toContain('values[name] = hp.Int(name, min_value=32, max_value=512, step=128)');
    expect(script).toContain('values[name] = hp.Choice(name, [0.0, 0.1, 0.2, 0.3])');
    expect(script).toContain('hp.Float("learning_rate", min_value=0.0001, max_value=0.01, sampling="log")');
    expect(script).toContain('hp.Choice("lr_decay_rate", [1.0, 0.95, 0.9])');
    expect(script).toContain('with hp.conditional_scope("lr_decay_rate", [0.95, 0.9]):');
    expect(script).toContain('hp.Fixed("batch_size", 32)');
    expect(script).toContain('keras.optimizers.schedules.ExponentialDecay(');
    expect(detectLayerLoop(courseSearchSpace())?.groups.map((g) => g.base)).toEqual(['units', 'dropout']);
  });

  it('runs define_hyperparameters: layers and decay conditions behave as in the playground', () => {
    const script = scriptFor();
    const three = runDefine(script, { layers: 3, lr_decay_rate: 0.95 });
    expect(Object.keys(three).sort()).toEqual(
      [
        'activation',
        'batch_size',
        'dropout_0',
        'dropout_1',
        'dropout_2',
        'layers',
        'learning_rate',
        'lr_decay_rate',
        'lr_decay_steps',
        'lr_staircase',
        'optimizer',
        'units_0',
        'units_1',
        'units_2',
      ].sort(),
    );
    const noDecay = runDefine(script, { layers: 2, lr_decay_rate: 1.0 });
    expect(noDecay).not.toHaveProperty('lr_decay_steps');
    expect(noDecay).not.toHaveProperty('units_2');
  });

  it('uses conditional scopes when per-layer parameters differ', () => {
    const space = courseSearchSpace();
    const units3 = space.params.find((p) => p.name === 'units_3')!;
    Object.assign(units3, { max: 256, step: 32 });
    const script = scriptFor({ space });
    expect(script).not.toContain('hp.Int(name,');
    expect(script).toContain(
      'with hp.conditional_scope("layers", [4, 5, 6]):\n        values["units_3"] = hp.Int("units_3", min_value=32, max_value=256, step=32)',
    );
    expect(script).toContain('for i in range(values["layers"]):\n        name = "dropout_" + str(i)');
    assertParses(script);
    expect(Object.keys(runDefine(script, { layers: 4 }))).toContain('units_3');
    expect(Object.keys(runDefine(script, { layers: 3 }))).not.toContain('units_3');
  });

  it('survives weird names, values and file names (quotes, backslashes, newlines, non-ASCII)', () => {
    const script = kerasTunerScript({
      settings: courseSettings(
        { algorithm: 'grid' },
        { space: weirdSpace, objective: { metric: 'val_loss', direction: 'min' } },
      ),
      dataset: weirdDataset,
      earlyStopping: { enabled: true, patience: 4 },
      projectName: '1 weird/../project "name"',
    });
    assertParses(script);
    expect(script).toContain(`TARGET = ${pyString('it\'s "x"')}`);
    expect(script).toContain('project_name="_1_weird_project_name"');
    expect(script).toContain('keras.callbacks.EarlyStopping(monitor="val_loss", mode="min", patience=4)');
    expect(script).not.toMatch(/^injected/m);
    expect(/[^ -~\n]/.test(script.replace(/^#.*$/gm, ''))).toBe(false);
    const values = runDefine(script, { depth: 2, flag: true, mixed: 'two' });
    expect(values).toMatchObject({
      'kind\'s "mode"': 'a"b',
      depth: 2,
      width: 2,
      flag: true,
      mixed: 'two',
      after_mixed: 0.5,
      'newline\nname': 'multi\nline "value"',
    });
    expect(values['lr {x}']).toBe(1e-7);
    const notFlagged = runDefine(script, { depth: 1, flag: false });
    expect(notFlagged).not.toHaveProperty('mixed');
    expect(notFlagged).not.toHaveProperty('after_mixed');
    expect(notFlagged).not.toHaveProperty('width');
  });

  it('writes stepped and log-stepped floats exactly, and grid points for continuous floats under grid search', () => {
    const script = kerasTunerScript({
      settings: courseSettings({ algorithm: 'grid', gridPoints: 3 }, { space: weirdSpace }),
      dataset: banknote,
    });
    expect(script).toContain('hp.Float("ratio", min_value=0.0, max_value=1.0, step=0.25)');
    expect(script).toMatch(
      /# the exact values; Keras Tuner reads a log step as a factor.*\n\s+values\["width"\] = hp.Choice\("width", \[2, 4, 6,/,
    );
    expect(script).toContain('values["lr {x}"] = hp.Choice("lr {x}", [1e-7, ');
    const random = kerasTunerScript({
      settings: courseSettings({ algorithm: 'random' }, { space: weirdSpace }),
      dataset: banknote,
    });
    expect(random).toContain('hp.Float("lr {x}", min_value=1e-7, max_value=0.1, sampling="reverse_log")');
  });

  it.each(['banknote', 'iris', 'breast-cancer', 'pima-diabetes'])(
    'fits the task of %s: output layer, loss and metrics',
    (id) => {
      const dataset = describeCatalogueDataset(id);
      const script = kerasTunerScript({ settings: courseSettings(), dataset });
      assertParses(script);
      if (dataset.task === 'multiclass') {
        expect(script).toContain(
          `OUTPUT_UNITS = ${dataset.classNames.length}\nOUTPUT_ACTIVATION = "softmax"\nLOSS = "categorical_crossentropy"`,
        );
      } else {
        expect(script).toContain(
          'OUTPUT_UNITS = 1\nOUTPUT_ACTIVATION = "sigmoid"\nLOSS = "binary_crossentropy"',
        );
      }
      expect(script).toContain(`HAS_HEADER = ${dataset.file.hasHeader ? 'True' : 'False'}`);
    },
  );

  it('handles a regression task', () => {
    const dataset: DatasetDescription = { ...banknote, task: 'regression', classNames: [] };
    const script = kerasTunerScript({
      settings: courseSettings({}, { objective: { metric: 'val_mae', direction: 'min' } }),
      dataset,
    });
    assertParses(script);
    expect(script).toContain('OUTPUT_ACTIVATION = "linear"\nLOSS = "mean_squared_error"\nMETRICS = ["mae"]');
    expect(script).toContain('keras_tuner.Objective("val_mae", direction="min")');
  });
});
