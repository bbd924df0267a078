/**
 * A Python script that runs the same search with Keras Tuner: the same space, the closest algorithm
 * and settings, the same data preprocessing. For users who outgrow the browser (e.g. a cluster with
 * Keras Tuner's distributed mode).
 */
import { outputFor, TASK_METRICS, type Task } from '../../data/types';
import { hyperbandPlan } from '../../core/oracles/hyperband-plan';
import { isMultiFidelity } from '../../core/oracles/registry';
import type { StudySettings } from '../../core/study';
import type { DatasetDescription } from './dataset-description';
import { DATA_FUNCTIONS, dataConstants, fractionsFromSizes, type SplitFractions } from './keras-data';
import { defineHyperparametersFunction } from './keras-hyperparameters';
import { pyComment, pyFloat, pyIdentifier, pyInt, pyString } from './python';
import { pythonSpecDefaults } from './python-spec';

export interface KerasTunerScriptInput {
  settings: StudySettings;
  dataset: DatasetDescription;
  earlyStopping?: { enabled: boolean; patience: number };
  /** Defaults to the fractions the split sizes imply. */
  splitFractions?: SplitFractions;
  /** Keras Tuner's project_name; defaults to the dataset and algorithm. */
  projectName?: string;
  directory?: string;
}

/** How Keras names each metric the playground reports. */
const KERAS_METRIC: Record<string, string> = {
  accuracy: '"accuracy"',
  auc: 'keras.metrics.AUC(name="auc")',
  mae: '"mae"',
};
const kerasMetrics = (task: Task): string =>
  `[${TASK_METRICS[task].map((m) => KERAS_METRIC[m] ?? pyString(m)).join(', ')}]`;

export function kerasTunerScript(input: KerasTunerScriptInput): string {
  const { settings, dataset } = input;
  const fractions = input.splitFractions ?? fractionsFromSizes(dataset.splitSizes);
  const output = outputFor(dataset.task, dataset.classNames.length);
  const project = pyIdentifier(input.projectName ?? `${dataset.name}_${settings.tuner.algorithm}`);
  return [
    header(input),
    IMPORTS,
    '',
    `SEED = ${pyInt(settings.seed)}`,
    dataConstants(dataset, fractions),
    `OUTPUT_UNITS = ${pyInt(output.units)}`,
    `OUTPUT_ACTIVATION = ${pyString(output.activation)}`,
    `LOSS = ${pyString(output.loss)}`,
    `METRICS = ${kerasMetrics(dataset.task)}`,
    pythonSpecDefaults().trimEnd(),
    '',
    '',
    DATA_FUNCTIONS,
    '',
    '',
    defineHyperparametersFunction(settings.space, settings.tuner.algorithm, settings.tuner.gridPoints),
    '',
    '',
    MODEL_FUNCTIONS,
    '',
    '',
    mainFunction(input, project),
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ].join('\n');
}

function header({ settings, dataset }: KerasTunerScriptInput): string {
  const lines = [
    `Keras Tuner version of a search set up in the tuning playground (dataset: ${dataset.name}).`,
    '',
    'Requirements: pip install "keras-tuner>=1.4" tensorflow pandas numpy',
    `Put ${dataset.fileName} next to this script (for a synthetic playground dataset, export it as CSV first).`,
    '',
    'Distributed tuning: run this same script on every machine with three environment variables.',
    '  KERASTUNER_TUNER_ID     "chief" on the one process that runs the oracle (it trains nothing);',
    '                          a unique id on every worker, by convention "tuner0", "tuner1", ...',
    '  KERASTUNER_ORACLE_IP    the address or host name of the chief; every worker must reach it',
    '  KERASTUNER_ORACLE_PORT  a port of your choice on the chief, open to the workers (gRPC)',
    'Workers ask the chief for hyperparameters and report their results back to it. For example:',
    '  KERASTUNER_TUNER_ID=chief  KERASTUNER_ORACLE_IP=10.0.0.1 KERASTUNER_ORACLE_PORT=8000 python this.py',
    '  KERASTUNER_TUNER_ID=tuner0 KERASTUNER_ORACLE_IP=10.0.0.1 KERASTUNER_ORACLE_PORT=8000 python this.py',
    '',
    'Differences from the playground that remain:',
    ...differences(settings, dataset).map((d) => `- ${d}`),
  ];
  return lines.map((line) => (line === '' ? '#' : `# ${pyComment(line)}`)).join('\n');
}

function differences(settings: StudySettings, dataset: DatasetDescription): string[] {
  const out = [
    'Weight initialisation, shuffling and the split use numpy/TensorFlow random generators, so individual trials differ even with the same seed.',
  ];
  const t = settings.tuner;
  if (t.algorithm === 'successive-halving' || t.algorithm === 'asha')
    out.push(
      `Keras Tuner has no ${t.algorithm === 'asha' ? 'ASHA' : 'successive halving'}: this script uses its closest relative, Hyperband with hyperband_iterations=1 (the playground's min epochs ${t.minEpochs} is not used).`,
    );
  if (t.algorithm === 'tpe')
    out.push(
      'Keras Tuner has no TPE: this script uses its closest relative, BayesianOptimization (a Gaussian process).',
    );
  if (t.algorithm === 'bayesian' && t.acquisition === 'ei')
    out.push(
      "Keras Tuner's BayesianOptimization uses an upper-confidence-bound acquisition only; the playground used expected improvement.",
    );
  if (t.algorithm === 'hyperband' && t.variant === 'paper')
    out.push(
      "The playground used the paper's bracket sizes; Keras Tuner's Hyperband uses its own (slightly different) ones.",
    );
  if (
    isMultiFidelity(t) &&
    t.maxTrials <
      hyperbandPlan({
        ...t,
        variant: 'keras-tuner',
        iterations: t.algorithm === 'hyperband' ? t.iterations : 1,
      }).totalTrials
  )
    out.push(
      `The playground stopped after ${t.maxTrials} trials; Keras Tuner's Hyperband runs its whole plan.`,
    );
  if (t.algorithm === 'hyperband')
    out.push(
      "Keras Tuner's Hyperband reloads weights only when it promotes a trial; the playground also kept the optimizer state and the learning-rate schedule's step.",
    );
  if (settings.scoring === 'last')
    out.push('Keras Tuner scores a trial by its best epoch; the playground scored the last epoch.');
  if (settings.budget === 'data')
    out.push('The playground budgeted rounds by the fraction of training rows; Keras Tuner budgets epochs.');
  if (dataset.folds > 0)
    out.push(
      `The playground cross-validated with ${dataset.folds} folds; this script uses one validation split.`,
    );
  return out;
}

const IMPORTS = `
import numpy as np
import pandas as pd
import keras
import keras_tuner`;

const MODEL_FUNCTIONS = `def hidden_layer_count(values):
    if "layers" in values:
        return int(values["layers"])
    count = 0
    while count < MAX_HIDDEN_LAYERS and "units_" + str(count) in values:
        count += 1
    return max(count, 1)


def build_network(values, n_features):
    """The playground's MLP: Dense (+ Dropout) hidden layers, output and loss from the task."""
    model = keras.Sequential()
    model.add(keras.Input(shape=(n_features,)))
    activation = values.get("activation", SPEC_DEFAULTS["activation"])
    for i in range(hidden_layer_count(values)):
        model.add(keras.layers.Dense(int(values.get("units_" + str(i), SPEC_DEFAULTS["units"])), activation=activation))
        rate = float(values.get("dropout_" + str(i), SPEC_DEFAULTS["dropout"]))
        if rate > 0:
            model.add(keras.layers.Dropout(rate))
    model.add(keras.layers.Dense(OUTPUT_UNITS, activation=OUTPUT_ACTIVATION))
    learning_rate = float(values.get("learning_rate", SPEC_DEFAULTS["learning_rate"]))
    decay_rate = float(values.get("lr_decay_rate", SPEC_DEFAULTS["lr_decay_rate"]))
    if decay_rate != 1.0:
        learning_rate = keras.optimizers.schedules.ExponentialDecay(
            initial_learning_rate=learning_rate,
            decay_steps=int(values.get("lr_decay_steps", SPEC_DEFAULTS["lr_decay_steps"])),
            decay_rate=decay_rate,
            staircase=bool(values.get("lr_staircase", SPEC_DEFAULTS["lr_staircase"])),
        )
    name = values.get("optimizer", SPEC_DEFAULTS["optimizer"])
    if name == "rmsprop":
        optimizer = keras.optimizers.RMSprop(learning_rate=learning_rate)
    elif name == "sgd":
        optimizer = keras.optimizers.SGD(learning_rate=learning_rate, momentum=float(values.get("momentum", SPEC_DEFAULTS["momentum"])))
    else:
        optimizer = keras.optimizers.Adam(learning_rate=learning_rate)
    model.compile(optimizer=optimizer, loss=LOSS, metrics=METRICS)
    return model


class PlaygroundHyperModel(keras_tuner.HyperModel):
    def __init__(self, n_features):
        super().__init__()
        self.n_features = n_features

    def build(self, hp):
        return build_network(define_hyperparameters(hp), self.n_features)

    def fit(self, hp, model, *args, **kwargs):
        # The batch size is a hyperparameter too (fixed or tuned), so it is applied here.
        return model.fit(*args, batch_size=int(hp.values.get("batch_size", SPEC_DEFAULTS["batch_size"])), **kwargs)`;

function tunerConstruction(settings: StudySettings, project: string, directory: string): string[] {
  const t = settings.tuner;
  const common = [
    `        objective=keras_tuner.Objective(${pyString(settings.objective.metric)}, direction=${pyString(settings.objective.direction)}),`,
    `        executions_per_trial=${pyInt(settings.executionsPerTrial)},`,
    '        seed=SEED,',
    `        directory=${pyString(directory)},`,
    `        project_name=${pyString(project)},`,
    '        overwrite=True,  # False resumes an interrupted search from the directory',
  ];
  const open = (cls: string, comment?: string) => [
    ...(comment ? [`    # ${pyComment(comment)}`] : []),
    `    tuner = keras_tuner.${cls}(`,
    '        hypermodel=PlaygroundHyperModel(x_train.shape[1]),',
  ];
  const close = ['    )'];
  switch (t.algorithm) {
    case 'hyperband':
    case 'successive-halving':
    case 'asha': {
      const closest =
        t.algorithm === 'hyperband'
          ? undefined
          : `Keras Tuner has no ${t.algorithm === 'asha' ? 'ASHA' : 'successive halving'}; Hyperband with one iteration is the closest.`;
      return [
        ...open('Hyperband', closest),
        `        max_epochs=${pyInt(t.maxEpochs)},`,
        `        factor=${pyInt(t.factor)},`,
        `        hyperband_iterations=${pyInt(t.algorithm === 'hyperband' ? t.iterations : 1)},`,
        ...common,
        ...close,
      ];
    }
    case 'random':
      return [...open('RandomSearch'), `        max_trials=${pyInt(t.maxTrials)},`, ...common, ...close];
    case 'grid':
      return [
        ...open('GridSearch', 'keras_tuner.GridSearch needs Keras Tuner 1.4 or later.'),
        `        max_trials=${pyInt(t.maxTrials)},`,
        ...common,
        ...close,
      ];
    case 'bayesian':
    case 'tpe':
      return [
        ...open(
          'BayesianOptimization',
          t.algorithm === 'tpe'
            ? 'Keras Tuner has no TPE; BayesianOptimization (a Gaussian process) is the closest.'
            : undefined,
        ),
        `        max_trials=${pyInt(t.maxTrials)},`,
        `        num_initial_points=${t.initialPoints > 0 ? pyInt(t.initialPoints) : 'None'},  # None: 3 x the number of hyperparameters`,
        ...(t.algorithm === 'bayesian'
          ? [`        alpha=${pyFloat(t.alpha)},`, `        beta=${pyFloat(t.beta)},`]
          : []),
        ...common,
        ...close,
      ];
  }
}

function mainFunction(input: KerasTunerScriptInput, project: string): string {
  const { settings, earlyStopping } = input;
  const multiFidelity = isMultiFidelity(settings.tuner);
  const callbacks = earlyStopping?.enabled
    ? `[keras.callbacks.EarlyStopping(monitor=${pyString(settings.objective.metric)}, mode=${pyString(settings.objective.direction)}, patience=${pyInt(earlyStopping.patience)})]`
    : '[]';
  return [
    'def main():',
    '    keras.utils.set_random_seed(SEED)',
    '    (x_train, y_train), (x_val, y_val), (x_test, y_test) = load_data(SEED)',
    ...tunerConstruction(settings, project, input.directory ?? 'keras_tuner_runs'),
    '    tuner.search(',
    '        x_train,',
    '        y_train,',
    '        validation_data=(x_val, y_val),',
    multiFidelity
      ? '        # Hyperband sets the epochs of each round itself.'
      : `        epochs=${pyInt(settings.tuner.epochs)},`,
    `        callbacks=${callbacks},`,
    '    )',
    '    tuner.results_summary()',
    '    best = tuner.get_best_hyperparameters(1)[0]',
    '    print("Best hyperparameters:", best.values)',
    '    # The test rows were never used by the search: evaluate the chosen model on them once.',
    '    model = tuner.get_best_models(1)[0]',
    '    print("Test set:", model.evaluate(x_test, y_test, return_dict=True, verbose=0))',
  ].join('\n');
}
