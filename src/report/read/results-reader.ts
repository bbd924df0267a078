/** Reads a results file back (an import, or a study continued elsewhere): never throws, names the first problem. */
import { RESULTS_FORMAT, RESULTS_VERSION, type ResultsMeta } from '../results-format';
import type { StudyState } from '../../core/study';
import { ShapeError, optional, readObject, readString } from './json-reader';
import { readDatasetIdentity, readDatasetSetup } from './read-dataset';
import { readStudyState } from './read-study-state';

export interface ImportedResults {
  meta: ResultsMeta;
  state: StudyState;
}

export type ParseResult = { ok: true; value: ImportedResults } | { ok: false; error: string };

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
