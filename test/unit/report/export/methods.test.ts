import { describe, expect, it } from 'vitest';
import { methodsReport, type MethodsReportInput } from '../../../../src/report/export/methods-report';
import { formatValue } from '../../../../src/core/format';
import type { Study } from '../../../../src/core/study';
import { courseSettings, describeCatalogueDataset, runStudy } from '../../support/report-fixtures';

function reportFor(study: Study, extra: Partial<MethodsReportInput> = {}): string {
  return methodsReport({
    settings: study.settings,
    trials: study.trials,
    best: study.best(),
    dataset: describeCatalogueDataset('banknote'),
    backend: 'wasm',
    tfjsVersion: '4.22.0',
    date: '2025-03-04',
    ...extra,
  });
}

describe('methods report', () => {
  const hyperband = runStudy(courseSettings(), { fail: [2] });
  const report = reportFor(hyperband, {
    earlyStopping: { enabled: true, patience: 3 },
    finished: 'max trials reached',
  });

  it('has every section, in order', () => {
    const headings = report.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Data and preprocessing',
      '## Model',
      '## Hyperparameter search space',
      '## Search algorithm and settings',
      '## Budget',
      '## Result',
      '## Reproducibility',
      '## References',
    ]);
  });

  it('states the Hyperband settings with the plan they imply, and cites it', () => {
    expect(report).toContain(
      "Hyperband (Li et al., 2018) as implemented by Keras Tuner (O'Malley et al., 2019): max epochs 10, factor 3, 1 iteration — 30 trials and 120 epochs in 3 brackets",
    );
    expect(report).toContain('Journal of Machine Learning Research, 18(185), 1–52');
    expect(report).toContain('The objective was to maximise `val_accuracy` on the validation set.');
    expect(report).toContain('best per-epoch value of the objective');
    expect(report).toContain('Training stopped early when `val_accuracy` had not improved for 3 epochs.');
  });

  it('names every value of the best configuration', () => {
    const best = hyperband.best()!;
    const result = report.slice(report.indexOf('## Result'));
    for (const [name, value] of Object.entries(best.config)) {
      expect(result).toContain(`| \`${name}\` | ${formatValue(value).replace(/_/g, '\\_')} |`);
    }
    expect(result).toContain(`trial ${best.number + 1} of 30`);
  });

  it('describes the data, the split and train-only standardisation', () => {
    expect(report).toContain(
      'We used the Banknote authentication dataset (banknote\\_authentication.csv; 1372 rows used).',
    );
    expect(report).toMatch(/training set \(\d+ rows\), a validation set \(\d+ rows\)/);
    expect(report).toContain('statistics computed on the training set only');
    expect(report).toContain('a binary classification task (positive class 1, negative class 0)');
  });

  it('describes the model from the best configuration and the task', () => {
    const best = hyperband.best()!;
    const layers = Number(best.config.layers);
    const units = Array.from({ length: layers }, (_, i) => String(best.config[`units_${i}`]));
    expect(report).toContain(
      `${layers} hidden Dense layers of ${units.slice(0, -1).join(', ')} and ${units.at(-1)} units with relu activations`,
    );
    expect(report).toContain(
      '1 unit with sigmoid activation, and the network was trained to minimise binary cross-entropy loss',
    );
  });

  it('tabulates the search space with exact grids and conditions', () => {
    expect(report).toContain(
      '| `units_0` | integer | 32, 160, 288, 416 (32 to 512, step 128) | uniform | always |',
    );
    expect(report).toContain(
      '| `dropout_0` | real | 0, 0.1, 0.2, 0.3 (0 to 0.3, step 0.1) | uniform | always |',
    );
    expect(report).toContain(
      '| `units_3` | integer | 32, 160, 288, 416 (32 to 512, step 128) | uniform | only when layers ∈ {4, 5, 6} |',
    );
    expect(report).toContain(
      '| `learning_rate` | real | 0.0001 to 0.01 (continuous) | log-uniform | always |',
    );
    expect(report).toContain('| `batch_size` | fixed | 32 | — | always |');
  });

  it('reports the budget spent and why trials failed', () => {
    const epochs = hyperband.trials.reduce(
      (s, t) => s + t.executions.reduce((a, e) => a + e.history.length, 0),
      0,
    );
    expect(report).toContain(`The search ran 30 trials and trained ${epochs} epochs in total`);
    expect(report).toContain('Failures: diverged at epoch');
    expect(report).toContain('The search ended because: max trials reached.');
  });

  it('states seed, backend and tool for reproducibility', () => {
    const section = report.slice(report.indexOf('## Reproducibility'));
    expect(section).toContain('TensorFlow.js 4.22.0');
    expect(section).toContain('wasm backend');
    expect(section).toContain('The study seed was 42');
    expect(section).toContain('browser-based tool');
  });

  it.each([
    ['random', 'random search (Bergstra & Bengio, 2012)', 'Random search for hyper-parameter optimization'],
    ['grid', 'grid search, which visited the', undefined],
    ['asha', 'ASHA (Li et al., 2020)', 'massively parallel hyperparameter tuning'],
    [
      'successive-halving',
      'successive halving (Jamieson & Talwalkar, 2016)',
      'Non-stochastic best arm identification',
    ],
    ['bayesian', 'Gaussian process (Snoek et al., 2012)', 'Practical Bayesian optimization'],
    ['tpe', 'TPE (Bergstra et al., 2011)', 'Algorithms for hyper-parameter optimization'],
  ] as const)('describes and cites %s', (algorithm, phrase, reference) => {
    const small = { maxTrials: 6, epochs: 2, maxEpochs: 4, factor: 2, minEpochs: 1 };
    const text = reportFor(runStudy(courseSettings({ algorithm, ...small }, { executionsPerTrial: 2 })));
    expect(text).toContain(phrase);
    if (reference) expect(text).toContain(reference);
    expect(text).toMatch(/± [\d.e-]+ \(standard deviation over 2 executions/);
  });

  it('escapes Markdown in user-given names', () => {
    const dataset = { ...describeCatalogueDataset('banknote'), name: 'My <b>data</b> | *set*' };
    const text = reportFor(runStudy(courseSettings({ algorithm: 'random', maxTrials: 2, epochs: 1 })), {
      dataset,
    });
    expect(text).toContain('My \\<b\\>data\\</b\\> | \\*set\\*');
    expect(text).not.toContain('<b>');
  });

  it('says the output layer follows the task, and lists neither it nor the loss as searched', () => {
    const iris = describeCatalogueDataset('iris');
    const text = reportFor(runStudy(courseSettings({ algorithm: 'random', maxTrials: 2, epochs: 1 })), {
      dataset: iris,
    });
    expect(text).toContain(
      '3 units with softmax activation, and the network was trained to minimise categorical cross-entropy loss',
    );
    expect(text).toContain(
      'The output layer was not searched: its activation and the loss followed from the task (softmax over 3 units, categorical cross-entropy loss).',
    );
    expect(text).not.toMatch(/sigmoid|binary_crossentropy|`output_activation`|`loss`/);
    expect(text).toContain(
      'multiclass classification task with 3 classes (Setosa, Versicolor and Virginica)',
    );
  });

  it('with a data budget, the best trial is said to have trained on its share of the rows, not for epochs', () => {
    const study = runStudy(courseSettings({ maxEpochs: 9, factor: 3, epochs: 2 }, { budget: 'data' }));
    const best = study.best()!;
    const text = reportFor(study);
    expect(text).toContain(
      `trained on ${Number(((100 * best.resource) / 9).toPrecision(3))} % of the training rows, with`,
    );
    expect(text).not.toMatch(/The best configuration was .* trained for \d+ epoch/);
  });

  it('gives what a guess that ignores the inputs scored, for reference, and nothing without one', () => {
    const guess = {
      metric: 'val_accuracy',
      kind: 'most-common' as const,
      value: 'genuine',
      share: 0.55,
      score: 0.56,
    };
    expect(reportFor(hyperband, { guess })).toContain(
      'For reference, a model that ignored its inputs (always “genuine”) scored `val_accuracy` = 0.56 on the same rows.',
    );
    expect(report).not.toContain('For reference');
  });

  it('says so when no trial scored', () => {
    const failing = runStudy(courseSettings({ algorithm: 'random', maxTrials: 2, epochs: 1 }), {
      fail: [0, 1],
    });
    const text = reportFor(failing);
    expect(text).toContain('No trial completed with a score');
    expect(text).toContain('2 failed');
  });
});
