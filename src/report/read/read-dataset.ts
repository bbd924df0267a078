/** Reads the dataset a results file names (its identity and how it was set up) from untrusted JSON. */
import type { DatasetSetup, DatasetSource } from '../../core/experiment';
import type { DatasetIdentity } from '../../data/identity';
import {
  ShapeError,
  optional,
  readBoolean,
  readEnum,
  readInteger,
  readList,
  readNumber,
  readObject,
  readString,
} from './json-reader';

const MAX_NAME = 1000;
const MAX_COLUMNS = 100_000;
const TASKS = ['binary', 'multiclass', 'regression'] as const;

const name = (v: unknown, p: string) => readString(v, p, MAX_NAME);
const names = (v: unknown, p: string) => readList(v, p, name, MAX_COLUMNS);

export function readDatasetIdentity(value: unknown, path: string): DatasetIdentity {
  const o = readObject(value, path);
  const hash = readString(o.hash, `${path}.hash`, 64);
  if (!/^[0-9a-f]{16}$/.test(hash)) throw new ShapeError(`${path}.hash`, 'expected 16 hex digits');
  return {
    name: name(o.name, `${path}.name`),
    fileName: name(o.fileName, `${path}.fileName`),
    hash,
    rows: readInteger(o.rows, `${path}.rows`, 0),
    columns: readInteger(o.columns, `${path}.columns`, 0),
    target: name(o.target, `${path}.target`),
    task: readEnum(o.task, `${path}.task`, TASKS),
    classNames: names(o.classNames, `${path}.classNames`),
  };
}

function readSource(value: unknown, path: string): DatasetSource {
  const o = readObject(value, path);
  const kind = readEnum(o.kind, `${path}.kind`, ['catalogue', 'csv'] as const);
  return kind === 'catalogue'
    ? { kind, id: readString(o.id, `${path}.id`, 100) }
    : { kind, fileName: name(o.fileName, `${path}.fileName`) };
}

function inRange(value: unknown, path: string, min: number, max: number): number {
  const n = readNumber(value, path);
  if (!(n >= min && n <= max))
    throw new ShapeError(path, `expected a number from ${min} to ${max}, got ${n}`);
  return n;
}

export function readDatasetSetup(value: unknown, path: string): DatasetSetup {
  const o = readObject(value, path);
  const target = optional(o, 'target', path, name);
  const header = optional(o, 'header', path, readBoolean);
  const lists = (['exclude', 'include', 'categorical', 'numeric'] as const).flatMap((key) => {
    const list = optional(o, key, path, names);
    return list ? [[key, list] as const] : [];
  });
  const folds = readInteger(o.folds, `${path}.folds`, 0);
  if (folds === 1 || folds > 20) throw new ShapeError(`${path}.folds`, `expected 0 or 2 to 20, got ${folds}`);
  return {
    source: readSource(o.source, `${path}.source`),
    ...(target !== undefined && { target }),
    ...(header !== undefined && { header }),
    ...Object.fromEntries(lists),
    size: inRange(o.size, `${path}.size`, 10, 100_000),
    noise: inRange(o.noise, `${path}.noise`, 0, 1),
    folds,
  };
}
