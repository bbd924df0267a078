/**
 * Results export: a versioned, self-describing JSON that restores the study exactly, and a CSV with
 * one row per trial for spreadsheets.
 */
import type { Objective } from '../../core/scoring';
import type { Param, ParamValue, SearchSpace } from '../../core/space/types';
import { bestTrial, type StudyState, type Trial } from '../../core/study';
import { outputFor } from '../../data/types';
import { encodeNumber } from '../read/json-reader';
import { RESULTS_FORMAT, RESULTS_VERSION, type ResultsMeta } from '../results-format';
import { csvText, numberCell, textCell } from './csv-cells';

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
  const scored = state.trials.filter((t) => !Number.isNaN(t.score));
  return bestTrial(scored, state.settings.objective.direction);
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
        ...(h.errors && {
          errors: Object.fromEntries(Object.entries(h.errors).map(([k, v]) => [k, encodeNumber(v)])),
        }),
        ...(h.learningRate !== undefined && { learningRate: encodeNumber(h.learningRate) }),
      })),
    })),
  };
}
