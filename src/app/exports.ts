/** Builds the export files from what is on screen and hands them to the browser's downloads. */
import * as tfVersion from '@tensorflow/tfjs-core/dist/version';
import type { DatasetSetup, ExperimentSetup } from '../core/experiment';
import { describeDataset } from '../report/export/dataset-description';
import { kerasTunerScript } from '../report/export/keras-tuner-script';
import { methodsReport } from '../report/export/methods-report';
import { studyGuess } from '../report/explain/guess-score';
import { resultsCsv, resultsJson } from '../report/export/results-file';
import { bestTrial, type StudyState } from '../core/study';
import { outputFor, type DatasetAnalysis, type DatasetIdentity, type EncodedDataset } from '../data';
import type { ModelArtifacts } from '../train/types';
import { download, fileStem } from './download';

export interface ExportContext {
  state: StudyState;
  setup: ExperimentSetup;
  datasetName: string;
  analysis?: DatasetAnalysis;
  dataset?: EncodedDataset;
  /** The dataset the study ran on, when it is known to be the one on screen. */
  studyDataset?: EncodedDataset;
  backend?: string;
  /** The data the study ran on, and its setup (known for studies run or saved by this version). */
  identity?: DatasetIdentity;
  datasetSetup?: DatasetSetup;
  /** Why the loaded data is not the study's, when it is not. */
  problem?: string;
}

const stem = (c: ExportContext) => `${fileStem(c.datasetName)}-${c.state.settings.tuner.algorithm}`;

export function exportJson(c: ExportContext): void {
  const text = resultsJson(c.state, {
    datasetName: c.datasetName,
    backend: c.backend,
    createdAt: new Date().toISOString(),
    ...(c.identity && c.datasetSetup && { data: { identity: c.identity, setup: c.datasetSetup } }),
  });
  download(`${stem(c)}-results.json`, text, 'application/json');
}

export function exportCsv(c: ExportContext): void {
  download(
    `${stem(c)}-results.csv`,
    resultsCsv(
      c.state.trials,
      c.state.settings.space,
      c.state.settings.objective,
      c.identity && outputFor(c.identity.task, c.identity.classNames.length),
    ),
    'text/csv',
  );
}

function description(c: Omit<ExportContext, 'state'>) {
  if (!c.analysis || !c.dataset) throw new Error('Load the dataset of this study to write its report.');
  if (c.problem) throw new Error(`Load the dataset of this study to write its report: ${c.problem}.`);
  return describeDataset(c.analysis, c.dataset);
}

/** The methods report (Markdown) of a study's settings and trials; throws when its dataset is not loaded. */
export function methodsText(
  c: Omit<ExportContext, 'state'> & Pick<StudyState, 'settings' | 'trials' | 'done'>,
): string {
  return methodsReport({
    settings: c.settings,
    trials: c.trials,
    best: bestTrial(c.trials, c.settings.objective.direction),
    dataset: description(c),
    backend: c.backend ?? 'unknown',
    tfjsVersion: tfVersion.version,
    date: new Date().toISOString().slice(0, 10),
    earlyStopping: c.setup.earlyStopping,
    finished: c.done,
    guess: c.studyDataset && studyGuess(c.studyDataset, c.settings),
  });
}

export function exportReport(c: ExportContext): void {
  download(`${stem(c)}-methods.md`, methodsText({ ...c, ...c.state }), 'text/markdown');
}

export function exportScript(c: ExportContext): void {
  const text = kerasTunerScript({
    settings: c.state.settings,
    dataset: description(c),
    earlyStopping: c.setup.earlyStopping,
  });
  download(`${stem(c)}_keras_tuner.py`, text, 'text/x-python');
}

/**
 * A zip to continue the study on Optuna: the data with its splits, study.json, run_optuna.py, a README.
 * Loaded on first use: the zip library and the script stay out of the page's first download.
 */
export async function exportOptuna(c: ExportContext): Promise<void> {
  if (!c.studyDataset) throw new Error(`Load the dataset this study ran on (${c.datasetName}) to export it.`);
  const { optunaBundle, optunaZip } = await import('../report/export/optuna-bundle');
  const createdAt = new Date();
  const bundle = optunaBundle({
    state: c.state,
    dataset: c.studyDataset,
    datasetName: c.datasetName,
    backend: c.backend,
    createdAt: createdAt.toISOString(),
    earlyStopping: c.setup.earlyStopping,
  });
  download(`${bundle.folder}.zip`, optunaZip(bundle, createdAt), 'application/zip');
}

/** The tfjs layers format: model.json (its manifest points at weights.bin) and weights.bin. */
export function exportModel(artifacts: ModelArtifacts): void {
  download('model.json', artifacts.modelJson, 'application/json');
  download('weights.bin', artifacts.weights, 'application/octet-stream');
}
