/** The README of the Optuna bundle: what each file holds, the commands, and how the space maps to Optuna. */
import type { ParamValue, SearchSpace } from '../../core/space/types';
import type { StudySettings } from '../../core/study';
import { outputFor, type Task } from '../../data/types';
import { describeParam } from './describe-param';
import { plural } from '../../core/format';
import { code, table, text } from './markdown';
import type { DataColumns } from './optuna-data';
import { optunaParam, type OptunaDistribution } from './optuna-distributions';
import type { ConvertedTrials, PrunerSettings } from './optuna-trials';

export interface OptunaReadmeInput {
  datasetName: string;
  studyName: string;
  settings: StudySettings;
  data: DataColumns;
  converted: ConvertedTrials;
  browserTrials: number;
  epochs: number;
  pruner: PrunerSettings;
}

export function optunaReadme(input: OptunaReadmeInput): string {
  const { data, converted, settings } = input;
  const states = (s: string) => converted.trials.filter((t) => t.state === s).length;
  const folds = data.fold ? ` Column ${code(data.fold)} holds each row's cross-validation fold.` : '';
  return `# Continue on Optuna: ${text(input.datasetName)}

This folder takes a search from the Tuning Playground to [Optuna](https://optuna.org): the browser's
finished trials go into an Optuna study, TPE proposes new configurations, a successive-halving pruner
stops poor ones early, and every configuration trains with PyTorch. One study can be shared by many
machines through a PostgreSQL database.

- ${code('data.csv')}: the ${data.rows} rows the browser used, with column ${code(data.split)} marking
  each row's split exactly as in the browser (train ${data.splitSizes.train}, validation
  ${data.splitSizes.validation}, test ${data.splitSizes.test}).${folds} The features are written before
  standardisation; the script standardises them with the mean and standard deviation of the train
  rows, as the browser did.
- ${code('study.json')}: the browser's study (search space, settings, every trial with its per-epoch
  values) and its Optuna form. The playground's "Import results JSON" opens it too.
- ${code('run_optuna.py')}: the command (run ${code('python3 run_optuna.py --help')}), with its parts
  ${code('playground_bundle.py')} (these files and the search space), ${code('playground_network.py')}
  (the browser's network in PyTorch), ${code('playground_storage.py')} (the database, with a heartbeat
  that fails only the trials of a worker that died) and ${code('playground_study.py')} (the shared
  Optuna study).

## Run

Python 3 with optuna 3.x, torch and numpy (and psycopg2 for PostgreSQL). On Debian or Ubuntu:
${code('apt-get install python3-optuna python3-torch python3-psycopg2')}.

\`\`\`sh
python3 run_optuna.py --n-trials 20                        # a SQLite study in study.db
python3 run_optuna.py --reproduce-best                     # the browser's best config, retrained in PyTorch
\`\`\`

On many machines, run the same command on each (unzip this folder on every one):

\`\`\`sh
python3 run_optuna.py --storage postgresql://USER:PASSWORD@HOST/DATABASE --n-trials 20
\`\`\`

The first process creates the study ${code(input.studyName)}
(${code('--study-name')} chooses another) and loads the browser's trials into it, once; the others
wait for that and then share the work. ${code('--n-trials')} counts per process: two processes with
${code('--n-trials 3')} add six trials. If the first process stops while loading, the others say so
and name the command that removes the half-made study.

Back to the playground, with every trial (the browser's and Optuna's) in all its charts:

\`\`\`sh
python3 run_optuna.py --storage … --n-trials 0 --export-results results.json
\`\`\`

then "Import results JSON…" in the playground's Export panel.

## What carries over

- ${plural(input.browserTrials, 'browser trial')} became ${plural(converted.trials.length, 'Optuna trial')}: ${states('COMPLETE')} complete, ${states('PRUNED')} pruned, ${states('FAIL')} failed.${multiFidelityNote(input)}${skippedNote(converted)}
- Objective: ${code(settings.objective.metric)} (${settings.objective.direction === 'max' ? 'maximize' : 'minimize'}), a trial's value is its ${settings.scoring === 'best' ? 'best' : 'last'} epoch's, averaged over ${plural(settings.executionsPerTrial, 'execution')}.
- New trials train ${plural(input.epochs, 'epoch')}; the pruner's rungs are at epochs ${rungs(input)} (reduction factor ${input.pruner.reductionFactor}).
- Training as in the browser: Dense layers with Glorot-uniform weights and zero biases, Dropout, the
  output layer and loss the ${data.task} task calls for (${outputWords(data.task, data.classNames.length)}), Adam (β1 0.9, β2 0.999, ε 1e-7) or RMSprop (ρ 0.9, ε inside the
  square root as in Keras), the learning rate α0 · rate^(step / decay_steps) set at every step (the
  exponent floored with staircase). The shuffling, initial weights and dropout masks come from PyTorch's
  generator, so scores agree with the browser's statistically, not to the digit.

## The search space in Optuna

${spaceTable(settings.space)}
`;
}

function multiFidelityNote(input: OptunaReadmeInput): string {
  const chains = input.converted.trials.filter((t) => t.browserTrials.length > 1).length;
  return chains > 0
    ? ` A trial promoted from another continues its training, so each chain of promotions is one Optuna trial with the intermediate values of all its epochs (${plural(chains, 'chain')}).`
    : '';
}

function skippedNote(converted: ConvertedTrials): string {
  if (converted.skipped.length === 0) return '';
  return ` Left out: ${converted.skipped.map((s) => `${s.id} (${s.reason})`).join('; ')}.`;
}

function rungs(input: OptunaReadmeInput): string {
  const steps: number[] = [];
  for (let step = input.pruner.minResource; step < input.epochs; step *= input.pruner.reductionFactor)
    steps.push(step);
  return steps.length ? steps.join(', ') : 'none (too few epochs to halve)';
}

function spaceTable(space: SearchSpace): string {
  const rows = space.params.map((p) => {
    const described = describeParam(p);
    const mapped = optunaParam(p);
    return [
      code(p.name),
      `${described.kind}: ${text(described.values)}${p.kind === 'fixed' ? '' : `, ${described.sampling}`}`,
      mapped.distribution ? code(distributionText(mapped.distribution)) : 'a constant',
      text(described.condition),
      text(mapped.note ?? ''),
    ];
  });
  return table(['parameter', 'in the playground', 'in Optuna', 'only when', 'note'], rows);
}

export function distributionText(d: OptunaDistribution): string {
  const a = d.attributes as Record<string, unknown>;
  if (d.name === 'CategoricalDistribution')
    return `CategoricalDistribution([${d.attributes.choices.map(pythonValue).join(', ')}])`;
  const parts = [`low=${a.low}`, `high=${a.high}`];
  if (a.step !== null && !(d.name === 'IntDistribution' && a.step === 1)) parts.push(`step=${a.step}`);
  if (a.log) parts.push('log=True');
  return `${d.name}(${parts.join(', ')})`;
}

function pythonValue(value: ParamValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

/** "sigmoid output, binary_crossentropy loss": what training uses for the task, never a search-space value. */
function outputWords(task: Task, classes: number): string {
  const out = outputFor(task, classes);
  return `${out.units} ${out.activation} output ${out.units === 1 ? 'unit' : 'units'}, ${out.loss} loss`;
}
