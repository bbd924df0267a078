/**
 * Results export: a versioned, self-describing JSON that restores the study exactly, and a CSV with
 * one row per trial for spreadsheets.
 */
import type { DatasetSetup } from '../core/experiment';
import { better, type Objective } from '../core/scoring';
import type { Param, ParamValue, SearchSpace } from '../core/space/types';
import type { StudyState, Trial } from '../core/study';
import { csvText, numberCell, textCell } from './csv-cells';
import { outputFor } from '../data/types';
import type { DatasetIdentity } from '../data/identity';
import { ShapeError, encodeNumber, optional, readObject, readString } from './json-reader';
import { readDatasetIdentity, readDatasetSetup } from './read-dataset';
import { readStudyState } from './read-study-state';

export const RESULTS_FORMAT = 'tuning-playground-results';
export const RESULTS_VERSION = 1;

export interface ResultsMeta {
  datasetName: string;
  backend?: string;
  /** ISO 8601 date and time. */
  createdAt: string;
  /** Which data the study ran on, and how it was set up (absent in files of older versions). */
  data?: { identity: DatasetIdentity; setup: DatasetSetup };
}

export interface ImportedResults {
  meta: ResultsMeta;
  state: StudyState;
}

export type ParseResult = { ok: true; value: ImportedResults } | { ok: false; error: string };

const ABOUT =
  'Results of a hyperparameter search run in the browser by the tuning playground. "state" holds the ' +
  'settings (search space, algorithm, objective), every trial (config, state, reason, score, spread, ' +
  'per-epoch history of each execution) and the oracle events that replay the study exactly. Numbers ' +
  'JSON cannot hold are written as the text "NaN", "Infinity", "-Infinity" or "-0".';

export function resultsJson(state: StudyState, meta: ResultsMeta): string {
  return JSON.stringify(resultsFile(state, meta), null, 1);
}

/** The results file as a plain object, for files that extend it (the Optuna bundle's study.json). */
export function resultsFile(state: StudyState, meta: ResultsMeta): Record<string, unknown> {
  const best = bestOf(state);
  return {
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    about: ABOUT,
    createdAt: meta.createdAt,
    dataset: meta.datasetName,
    ...(meta.data && {
      data: {
        ...meta.data.identity,
        output: outputFor(meta.data.identity.task, meta.data.identity.classNames.length),
        setup: meta.data.setup,
      },
    }),
    ...(meta.backend !== undefined && { backend: meta.backend }),
    summary: {
      trials: state.trials.length,
      completed: state.trials.filter((t) => t.state === 'completed').length,
      stopped: state.trials.filter((t) => t.state === 'stopped').length,
      failed: state.trials.filter((t) => t.state === 'failed').length,
      objective: state.settings.objective,
      ...(best && {
        best: { id: best.id, number: best.number, score: encodeNumber(best.score!), config: best.config },
      }),
    },
    state: { ...state, trials: state.trials.map(encodeTrialNumbers) },
  };
}

/** Never throws: a message naming the first problem and where it is. */
export function parseResultsJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: `This is not a JSON file (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
  try {
    const o = readObject(data, 'file');
    if (o.format !== RESULTS_FORMAT)
      return {
        ok: false,
        error: `This JSON is not a tuning playground results file (its "format" is not "${RESULTS_FORMAT}").`,
      };
    if (o.version !== RESULTS_VERSION)
      return {
        ok: false,
        error: `This results file has version ${JSON.stringify(o.version) ?? 'none'}; this app reads version ${RESULTS_VERSION}.`,
      };
    const backend = optional(o, 'backend', 'file', (v, p) => readString(v, p, 100));
    const studyData = optional(o, 'data', 'file', (v, p) => ({
      identity: readDatasetIdentity(v, p),
      setup: readDatasetSetup(readObject(v, p).setup, `${p}.setup`),
    }));
    const meta: ResultsMeta = {
      datasetName: readString(o.dataset, 'file.dataset', 1000),
      createdAt: readString(o.createdAt, 'file.createdAt', 100),
      ...(backend !== undefined && { backend }),
      ...(studyData && { data: studyData }),
    };
    return { ok: true, value: { meta, state: readStudyState(o.state, 'state') } };
  } catch (error) {
    if (error instanceof ShapeError)
      return { ok: false, error: `The results file is damaged: ${error.message}.` };
    return {
      ok: false,
      error: `The results file could not be read: ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
}

/**
 * One row per trial; a column per hyperparameter of the space, empty where it was inactive; then,
 * when the task is known, the output activation and loss every trial trained with.
 */
export function resultsCsv(
  trials: readonly Trial[],
  space: SearchSpace,
  objective: Objective,
  output?: { activation: string; loss: string },
): string {
  const params: Param[] = space.params;
  const outputNames = output ? ['output_activation', 'loss'] : [];
  const outputCells = output ? [textCell(output.activation), textCell(output.loss)] : [];
  const header = [
    'number',
    'id',
    'state',
    'reason',
    `score (${objective.metric}, ${objective.direction})`,
    'std',
    'resource',
    'bracket',
    'round',
    'parent',
    ...params.map((p) => p.name),
    ...outputNames,
  ];
  const rows = trials.map((t) => [
    numberCell(t.number),
    textCell(t.id),
    textCell(t.state),
    textCell(t.reason ?? ''),
    numberCell(t.score),
    numberCell(t.spread?.std),
    numberCell(t.resource),
    numberCell(t.bracket),
    numberCell(t.round),
    textCell(t.parentId ?? ''),
    ...params.map((p) => valueCell(t.config[p.name])),
    ...outputCells,
  ]);
  return csvText([header.map(textCell), ...rows]);
}

function valueCell(value: ParamValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return numberCell(value);
  if (typeof value === 'boolean') return String(value);
  return textCell(value);
}

function bestOf(state: StudyState): Trial | undefined {
  const { direction } = state.settings.objective;
  let best: Trial | undefined;
  for (const t of state.trials) {
    if (t.state === 'failed' || t.score === undefined || Number.isNaN(t.score)) continue;
    if (!best || better(direction, t.score, best.score!)) best = t;
  }
  return best;
}

function encodeTrialNumbers(t: Trial): unknown {
  return {
    ...t,
    ...(t.score !== undefined && { score: encodeNumber(t.score) }),
    ...(t.spread && {
      spread: {
        std: encodeNumber(t.spread.std),
        min: encodeNumber(t.spread.min),
        max: encodeNumber(t.spread.max),
      },
    }),
    executions: t.executions.map((e) => ({
      ...e,
      ...(e.score !== undefined && { score: encodeNumber(e.score) }),
      history: e.history.map((h) => ({
        ...h,
        metrics: Object.fromEntries(Object.entries(h.metrics).map(([k, v]) => [k, encodeNumber(v)])),
        ...(h.learningRate !== undefined && { learningRate: encodeNumber(h.learningRate) }),
      })),
    })),
  };
}
