/**
 * A methods section in Markdown: which hyperparameters the model used and how they were optimised,
 * in past-tense prose a researcher can paste into a paper.
 */
import { outputFor } from '../../data/types';
import type { Trial, StudySettings } from '../../core/study';
import { spaceSize } from '../../core/space';
import { summariseBudget } from './budget-summary';
import { CITATIONS, type CitationKey } from './citations';
import type { DatasetDescription } from './dataset-description';
import { describeAlgorithm } from './describe-algorithm';
import { describeParam } from './describe-param';
import { formatNumber, formatValue, joinAnd, plural } from '../../core/format';
import { code, table, text } from './markdown';
import { describeModel } from './model-description';
import { lossWords, optimizerWords } from '../explain/model-words';
import { budgetUnit } from '../explain/budget-unit';
import type { Guess } from '../explain/guess-score';
import { guessPhrase } from '../explain/guess-words';

export interface MethodsReportInput {
  settings: StudySettings;
  trials: readonly Trial[];
  /** The best trial (Study.best()); undefined when none scored. */
  best?: Trial;
  dataset: DatasetDescription;
  /** The tfjs backend that trained the models: webgpu, webgl, wasm or cpu. */
  backend: string;
  tfjsVersion: string;
  /** ISO date of the search. */
  date: string;
  /** The study seed, when it differs from settings.seed (it normally does not). */
  seed?: number;
  earlyStopping?: { enabled: boolean; patience: number };
  /** Why the search ended ("max trials reached"), when known. */
  finished?: string;
  /** What a model that ignores its inputs scores on the objective, for reference. */
  guess?: Guess;
}

const TASK_TEXT = {
  binary: 'binary classification',
  multiclass: 'multiclass classification',
  regression: 'regression',
} as const;

export function methodsReport(input: MethodsReportInput): string {
  const algorithm = describeAlgorithm(input.settings);
  const cites = new Set<CitationKey>([...algorithm.cites, 'tfjs']);
  const sections = [
    '# Methods',
    section('Data and preprocessing', dataText(input)),
    section('Model', modelText(input)),
    section('Hyperparameter search space', spaceText(input)),
    section('Search algorithm and settings', searchText(input, algorithm.text)),
    section('Budget', budgetText(input)),
    section('Result', resultText(input)),
    section('Reproducibility', reproducibilityText(input)),
    section(
      'References',
      [...cites]
        .map((key) => `- ${CITATIONS[key].reference}`)
        .sort()
        .join('\n'),
    ),
  ];
  return sections.join('\n\n') + '\n';
}

function section(title: string, body: string): string {
  return `## ${title}\n\n${body}`;
}

function dataText({ dataset: d, settings }: MethodsReportInput): string {
  const parts: string[] = [];
  const classes =
    d.task === 'regression'
      ? ''
      : d.task === 'binary'
        ? ` (positive class ${text(d.classNames[1] ?? '?')}, negative class ${text(d.classNames[0] ?? '?')})`
        : ` with ${d.classNames.length} classes (${joinAnd(d.classNames.map(text))})`;
  parts.push(
    `We used the ${text(d.name)} dataset (${text(d.fileName)}; ${d.rows} rows used). The target was ${code(d.target)}, a ${TASK_TEXT[d.task]} task${classes}.`,
  );
  if (d.ignored.length > 0) {
    parts.push(
      `The following columns were not used as inputs: ${joinAnd(d.ignored.map((c) => `${code(c.column)} (${text(c.reason)})`))}.`,
    );
  }
  const inputs: string[] = [];
  if (d.numeric.length > 0) inputs.push(`${plural(d.numeric.length, 'numeric column')}`);
  if (d.categorical.length > 0)
    inputs.push(
      `${plural(d.categorical.length, 'categorical column')} (${joinAnd(d.categorical.map(code))}), one-hot encoded`,
    );
  parts.push(
    `The inputs were ${inputs.length > 0 ? joinAnd(inputs) : 'the remaining columns'}, ${plural(d.features, 'input feature')} after encoding.`,
  );
  const { train, validation, test } = d.splitSizes;
  const stratified = d.task === 'regression' ? '' : ', stratified by class';
  parts.push(
    d.folds > 0
      ? `The rows were split at random (seed ${settings.seed}${stratified}) into ${train + validation} rows for training and validation and ${test} held-out test rows; the training and validation rows were divided into ${d.folds} folds for ${d.folds}-fold cross-validation.`
      : `The rows were split at random (seed ${settings.seed}${stratified}) into a training set (${train} rows), a validation set (${validation} rows) used to score hyperparameter configurations, and a held-out test set (${test} rows) that the search never used.`,
  );
  if (d.imputed.length > 0) {
    parts.push(
      `Missing values were imputed with the training-set median (numeric columns) or most frequent value (categorical columns): ${joinAnd(d.imputed.map((c) => `${code(c.column)} (${plural(c.missing, 'missing cell')}, filled with ${text(formatValue(c.value))})`))}.`,
    );
  } else {
    parts.push('No input values were missing.');
  }
  parts.push(
    d.standardisedOnTrainOnly
      ? 'Every input feature was standardised to zero mean and unit variance with statistics computed on the training set only, and the same transformation was applied to the validation and test sets.'
      : 'Every input feature was standardised to zero mean and unit variance.',
  );
  if (d.task === 'regression') parts.push('The regression target was used in its original units.');
  return parts.join(' ');
}

function modelText({ best, dataset: d }: MethodsReportInput): string {
  if (!best) {
    return 'The model was a fully connected feed-forward network (multilayer perceptron); no configuration completed, so no architecture was selected.';
  }
  const m = describeModel(best.config, d.task, d.classNames.length);
  if (!m)
    return 'The model was a fully connected feed-forward network (multilayer perceptron); the selected configuration does not describe a network the trainer can build.';
  const dropouts = m.dropouts.some((r) => r > 0)
    ? `, each followed by dropout at rates ${joinAnd(m.dropouts.map((r) => formatNumber(r)))}`
    : ' and no dropout';
  const { initialRate, decayRate, decaySteps, staircase } = m.schedule;
  const decay =
    decayRate === 1
      ? 'a constant learning rate'
      : `an exponentially decaying learning rate, α(step) = α0 · ${formatNumber(decayRate)}^(${staircase ? '⌊step / ' + decaySteps + '⌋' : 'step / ' + decaySteps})`;
  return [
    `The model was a fully connected feed-forward network (multilayer perceptron). The selected configuration had ${plural(m.units.length, 'hidden Dense layer')} of ${joinAnd(m.units.map(String))} units with ${text(m.activation)} activations${dropouts}.`,
    `The output layer had ${plural(m.output.units, 'unit')} with ${m.output.activation} activation, and the network was trained to minimise ${lossWords(m.output.loss)} loss.`,
    `It was optimised with ${text(optimizerWords(m.optimizer))} with an initial learning rate α0 = ${formatNumber(initialRate)} and ${decay}, in mini-batches of ${m.batchSize}. Weights were initialised with Glorot-uniform initialisation.`,
  ].join(' ');
}

function spaceText({ settings, dataset }: MethodsReportInput): string {
  const rows = settings.space.params.map((p) => {
    const d = describeParam(p);
    return [
      code(p.name),
      d.kind,
      text(d.values),
      d.sampling,
      d.condition ? `only when ${text(d.condition)}` : 'always',
    ];
  });
  const size = spaceSize(settings.space);
  const sizeText =
    size === 'continuous'
      ? 'The space was continuous in at least one dimension.'
      : `The space held ${plural(size, 'distinct configuration')} (conditions respected).`;
  const output = outputFor(dataset.task, dataset.classNames.length);
  const outputText = ` The output layer was not searched: its activation and the loss followed from the task (${output.activation} over ${plural(output.units, 'unit')}, ${lossWords(output.loss)} loss).`;
  return [
    `Table 1 lists the hyperparameters that were searched. A conditional hyperparameter existed only when its condition held (e.g. the units of a layer only when the network had that many layers). ${sizeText}${outputText}`,
    '',
    '**Table 1.** Hyperparameter search space.',
    '',
    table(['Hyperparameter', 'Type', 'Range / values', 'Sampling', 'Condition'], rows),
  ].join('\n');
}

function searchText({ settings, earlyStopping }: MethodsReportInput, algorithmText: string): string {
  const { objective } = settings;
  const parts = [
    algorithmText,
    `The objective was to ${objective.direction === 'max' ? 'maximise' : 'minimise'} ${code(objective.metric)} on the ${objective.metric.startsWith('val_') ? 'validation set' : 'training set'}.`,
    settings.scoring === 'best'
      ? "A trial's score was the best per-epoch value of the objective (as in Keras Tuner)"
      : "A trial's score was the objective's value at the last epoch trained",
  ];
  parts[2] +=
    settings.executionsPerTrial > 1
      ? `, averaged over ${settings.executionsPerTrial} executions of the configuration with different seeds; we report the standard deviation across executions.`
      : ', from a single execution per configuration.';
  if (settings.budget === 'data') {
    parts.push(
      `The budget of the multi-fidelity rounds was the fraction of the training rows used (resource / ${settings.tuner.maxEpochs}), each round training for ${plural(settings.tuner.epochs, 'epoch')}.`,
    );
  }
  if (earlyStopping?.enabled) {
    parts.push(
      `Training stopped early when ${code(objective.metric)} had not improved for ${plural(earlyStopping.patience, 'epoch')}.`,
    );
  }
  return parts.join(' ');
}

function budgetText({ trials, finished }: MethodsReportInput): string {
  const b = summariseBudget(trials);
  const parts = [
    `The search ran ${plural(b.trials, 'trial')} and trained ${plural(b.epochs, 'epoch')} in total: ${b.completed} completed, ${b.stopped} stopped before their budget and ${b.failed} failed${b.unfinished > 0 ? `; ${b.unfinished} had not finished when the search ended` : ''}.`,
  ];
  if (b.failures.length > 0) {
    parts.push(`Failures: ${joinAnd(b.failures.map((f) => `${text(f.reason)} (${f.count})`))}.`);
  }
  if (finished) parts.push(`The search ended because: ${text(finished)}.`);
  return parts.join(' ');
}

function resultText({ best, settings, trials, guess }: MethodsReportInput): string {
  if (!best || best.score === undefined)
    return 'No trial completed with a score, so no configuration was selected.';
  const metric = code(settings.objective.metric);
  const spread =
    best.spread && best.executions.length > 1
      ? ` ± ${formatNumber(best.spread.std)} (standard deviation over ${best.executions.length} executions; range ${formatNumber(best.spread.min)}–${formatNumber(best.spread.max)})`
      : '';
  const rows = settings.space.params
    .filter((p) => best.config[p.name] !== undefined)
    .map((p) => [code(p.name), text(formatValue(best.config[p.name]))]);
  return [
    `The best configuration was trial ${best.number + 1} of ${trials.length} (id ${code(best.id)}), trained ${budgetUnit(settings).trained(best.resource)}, with ${metric} = ${formatNumber(best.score)}${spread}.${guess ? ` For reference, a model that ignored its inputs (${guessPhrase(guess)}) scored ${metric} = ${formatNumber(guess.score)} on the same rows.` : ''} Table 2 lists its hyperparameter values.`,
    '',
    '**Table 2.** Selected hyperparameter values.',
    '',
    table(['Hyperparameter', 'Value'], rows),
  ].join('\n');
}

function reproducibilityText(input: MethodsReportInput): string {
  const seed = input.seed ?? input.settings.seed;
  return [
    `The search ran on ${text(input.date)} in a web browser with the tuning playground, a browser-based tool in which every model was trained locally with TensorFlow.js ${text(input.tfjsVersion)} (${CITATIONS.tfjs.inText}) on the ${text(input.backend)} backend.`,
    `The study seed was ${seed}; the seed of each execution (weight initialisation, shuffling, dropout masks) was derived from it and the trial number, and the data split used the same seed.`,
    'Re-running the search with the same settings, data and backend reproduces the same sequence of configurations; other backends may differ in the last digits of floating-point results.',
  ].join(' ');
}
