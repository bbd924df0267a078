/**
 * "Continue on Optuna": one zip with the data (each row's browser split marked), study.json (the
 * playground's results file plus its Optuna form), run_optuna.py and a README, in one folder.
 */
import { strToU8, zipSync } from 'fflate';
import type { StudyState } from '../../core/study';
import type { EncodedDataset } from '../../data/types';
import { optunaDataCsv } from './optuna-data';
import { optunaSpace } from './optuna-distributions';
import { optunaReadme } from './optuna-readme';
import { fullEpochs, optunaTrials, prunerSettings } from './optuna-trials';
import { resultsFile } from './results-file';
import bundleModule from './optuna/playground_bundle.py?raw';
import networkModule from './optuna/playground_network.py?raw';
import storageModule from './optuna/playground_storage.py?raw';
import studyModule from './optuna/playground_study.py?raw';
import runOptunaScript from './optuna/run_optuna.py?raw';
import { withSpecDefaults } from './python-spec';

export const OPTUNA_FORMAT = 'tuning-playground-optuna';
export const OPTUNA_VERSION = 1;

export interface OptunaBundleInput {
  state: StudyState;
  /** The encoded dataset the study ran on: its rows, splits and scaler. */
  dataset: EncodedDataset;
  datasetName: string;
  backend?: string;
  /** ISO 8601. */
  createdAt: string;
  earlyStopping?: { enabled: boolean; patience: number };
}

export interface OptunaBundle {
  /** The zip's single top-level folder. */
  folder: string;
  /** File name → content. */
  files: Record<string, string>;
}

function slug(textValue: string): string {
  return (
    textValue
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'study'
  );
}

/** banknote-random-20261201-153012: unique per export, readable in `optuna studies`. */
function studyName(input: OptunaBundleInput): string {
  const stamp = input.createdAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${slug(input.datasetName)}-${input.state.settings.tuner.algorithm}-${stamp}`;
}

export function optunaBundle(input: OptunaBundleInput): OptunaBundle {
  const { state } = input;
  const { settings } = state;
  const finished = state.trials.filter((t) => t.state !== 'running' && t.state !== 'pending');
  if (finished.length === 0)
    throw new Error('Finish at least one trial first: Optuna continues from finished ones.');
  const data = optunaDataCsv(input.dataset);
  const converted = optunaTrials(settings, state.trials);
  const pruner = prunerSettings(settings);
  const epochs = fullEpochs(settings);
  const name = studyName(input);
  const study = {
    ...resultsFile(state, {
      datasetName: input.datasetName,
      backend: input.backend,
      createdAt: input.createdAt,
    }),
    optuna: {
      format: OPTUNA_FORMAT,
      version: OPTUNA_VERSION,
      about:
        'How run_optuna.py continues this study: the Optuna distribution of every searched parameter ' +
        '(optuna.distributions.json_to_distribution), the constants, the browser trials as Optuna trials ' +
        '(create_trial arguments), the pruner, the epochs of a new trial and the columns of the data file.',
      studyName: name,
      epochs,
      pruner: { name: 'SuccessiveHalvingPruner', ...pruner },
      earlyStopping: input.earlyStopping?.enabled
        ? {
            metric: settings.objective.metric,
            direction: settings.objective.direction,
            patience: input.earlyStopping.patience,
          }
        : null,
      ...optunaSpace(settings.space),
      trials: converted.trials,
      skipped: converted.skipped,
      data: data.columns,
    },
  };
  const readme = optunaReadme({
    datasetName: input.datasetName,
    studyName: name,
    settings,
    data: data.columns,
    converted,
    browserTrials: finished.length,
    epochs,
    pruner,
  });
  return {
    folder: name,
    files: {
      'README.md': readme,
      'run_optuna.py': runOptunaScript,
      'playground_bundle.py': bundleModule,
      'playground_network.py': withSpecDefaults(networkModule),
      'playground_storage.py': storageModule,
      'playground_study.py': studyModule,
      'study.json': JSON.stringify(study, null, 1),
      [data.columns.file]: data.text,
    },
  };
}

/** The bundle as zip bytes; run_optuna.py (the command; the playground_*.py modules are its parts) is marked executable. */
export function optunaZip(bundle: OptunaBundle, modified = new Date()): Uint8Array<ArrayBuffer> {
  const entries: Record<string, [Uint8Array, { mtime: Date; os?: number; attrs?: number }]> = {};
  for (const [file, content] of Object.entries(bundle.files)) {
    const executable = file === 'run_optuna.py';
    entries[`${bundle.folder}/${file}`] = [
      strToU8(content),
      executable ? { mtime: modified, os: 3, attrs: 0o755 << 16 } : { mtime: modified },
    ];
  }
  return zipSync(entries, { level: 6 });
}
