/** What names a dataset in a results file: enough to tell whether the data on screen is the same. */
import type { DatasetAnalysis } from './analyse';
import type { EncodedDataset, Task } from './types';

export interface DatasetIdentity {
  name: string;
  fileName: string;
  /** FNV-1a 64 of every record as read (`DatasetAnalysis.contentHash`). */
  hash: string;
  /** Data rows read, and columns in the file. */
  rows: number;
  columns: number;
  target: string;
  task: Task;
  /** Binary: [negative, positive]; empty for regression. */
  classNames: string[];
}

export function datasetIdentity(analysis: DatasetAnalysis, dataset: EncodedDataset): DatasetIdentity {
  return {
    name: dataset.name,
    fileName: analysis.fileName,
    hash: analysis.contentHash,
    rows: analysis.rowsRead,
    columns: analysis.columns.length,
    target: analysis.target,
    task: dataset.task,
    classNames: [...dataset.classNames],
  };
}

/** How the data on screen differs from the data a study used, in words; undefined when it does not. */
export function identityDifference(study: DatasetIdentity, loaded: DatasetIdentity): string | undefined {
  if (study.hash !== loaded.hash || study.rows !== loaded.rows || study.columns !== loaded.columns) {
    return `the results were computed on ${describeIdentity(study)}, but ${describeIdentity(loaded)} is loaded`;
  }
  if (study.target !== loaded.target || study.task !== loaded.task) {
    return `the results predicted "${study.target}" (${study.task}), but "${loaded.target}" (${loaded.task}) is the target now`;
  }
  return undefined;
}

/** `iris.csv (150 rows, 5 columns, content 3f2a…)`. */
export function describeIdentity(identity: DatasetIdentity): string {
  const rows = identity.rows === 1 ? '1 row' : `${identity.rows} rows`;
  const columns = identity.columns === 1 ? '1 column' : `${identity.columns} columns`;
  const label =
    identity.name === identity.fileName ? identity.name : `${identity.name} (${identity.fileName})`;
  return `${label}: ${rows}, ${columns}, content ${identity.hash.slice(0, 8)}`;
}
