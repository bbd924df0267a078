/** Reads a search space from untrusted JSON (a results file, a shared link) and validates it. */
import { paramValues, validateSpace, withoutTaskOutput } from '../../core/space';
import type { Condition, Param, ParamValue, Sampling, SearchSpace } from '../../core/space/types';
import {
  FORBIDDEN_KEYS,
  ShapeError,
  describe,
  optional,
  readEnum,
  readInteger,
  readList,
  readNumber,
  readObject,
  readString,
} from './json-reader';

const MAX_PARAMS = 200;
const MAX_VALUES = 1000;
const MAX_NAME = 100;
const MAX_GRID_VALUES = 10_000;
const MAX_PARENT_COMBINATIONS = 100_000;
const MIN_FLOAT_STEP = 1e-12;
const SAMPLINGS: readonly Sampling[] = ['linear', 'log', 'reverse_log'];
const KINDS = ['int', 'float', 'choice', 'boolean', 'fixed'] as const;

function readName(value: unknown, path: string): string {
  const name = readString(value, path, MAX_NAME);
  if (FORBIDDEN_KEYS.includes(name)) throw new ShapeError(path, `the name "${name}" is not allowed`);
  return name;
}

export function readParamValue(value: unknown, path: string): ParamValue {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return readString(value, path, MAX_NAME);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new ShapeError(path, `expected a finite number, text or true/false, got ${describe(value)}`);
}

function readCondition(value: unknown, path: string): Condition {
  const o = readObject(value, path);
  return {
    parent: readName(o.parent, `${path}.parent`),
    values: readList(o.values, `${path}.values`, readParamValue, MAX_VALUES),
  };
}

function readParam(value: unknown, path: string): Param {
  const o = readObject(value, path);
  const kind = readEnum(o.kind, `${path}.kind`, KINDS);
  const name = readName(o.name, `${path}.name`);
  const condition = optional(o, 'condition', path, readCondition);
  const base = { name, ...(condition && { condition }) };
  const numeric = () => {
    const sampling = optional(o, 'sampling', path, (v, p) => readEnum(v, p, SAMPLINGS));
    const step = optional(o, 'step', path, readNumber);
    return {
      ...base,
      min: readNumber(o.min, `${path}.min`),
      max: readNumber(o.max, `${path}.max`),
      ...(step !== undefined && { step }),
      ...(sampling && { sampling }),
    };
  };
  switch (kind) {
    case 'int':
      return { kind, ...numeric() };
    case 'float': {
      const gridPoints = optional(o, 'gridPoints', path, (v, p) => readInteger(v, p, 1));
      return { kind, ...numeric(), ...(gridPoints !== undefined && { gridPoints }) };
    }
    case 'choice':
      return { kind, ...base, values: readList(o.values, `${path}.values`, readParamValue, MAX_VALUES) };
    case 'boolean':
      return { kind, ...base };
    case 'fixed':
      return { kind, ...base, value: readParamValue(o.value, `${path}.value`) };
  }
}

/**
 * A fresh, validated copy; throws ShapeError (shape) naming the path, or with validateSpace's message.
 * The task's output activation and loss, which older spaces listed as fixed values, are dropped.
 */
export function readSearchSpace(value: unknown, path: string): SearchSpace {
  const o = readObject(value, path);
  const space: SearchSpace = withoutTaskOutput({
    params: readList(o.params, `${path}.params`, readParam, MAX_PARAMS),
  });
  if (space.params.length === 0) throw new ShapeError(`${path}.params`, 'the search space has no parameters');
  space.params.forEach((p, i) => checkValueCount(p, `${path}.params[${i}]`));
  try {
    validateSpace(space);
  } catch (error) {
    throw new ShapeError(path, error instanceof Error ? error.message : String(error));
  }
  space.params.forEach((p, i) => {
    if (paramValues(p)?.length === 0)
      throw new ShapeError(`${path}.params[${i}]`, `${p.name} takes no value at all`);
  });
  checkConditionFanOut(space, path);
  return space;
}

/** Stepped grids are materialised by the oracles: refuse ones too large to hold (Int(0, 1e9), step 1e-300). */
function checkValueCount(p: Param, path: string): void {
  if (p.kind !== 'int' && !(p.kind === 'float' && p.step !== undefined)) return;
  if (!Number.isFinite(p.min) || !Number.isFinite(p.max)) return;
  const step = p.step ?? 1;
  if (p.kind === 'float' && step < MIN_FLOAT_STEP)
    throw new ShapeError(path, `${p.name}: a step below ${MIN_FLOAT_STEP} cannot be represented exactly`);
  const count = step > 0 ? (p.max - p.min) / step + 1 : Infinity;
  if (!(count <= MAX_GRID_VALUES))
    throw new ShapeError(path, `${p.name} would take more than ${MAX_GRID_VALUES} values; use a larger step`);
}

/** Counting a space walks every combination of the condition parents' values: keep that walk bounded. */
function checkConditionFanOut(space: SearchSpace, path: string): void {
  const parents = new Set(space.params.flatMap((p) => (p.condition ? [p.condition.parent] : [])));
  let combinations = 1;
  for (const p of space.params) {
    if (!parents.has(p.name)) continue;
    combinations *= paramValues(p)?.length ?? 1;
    if (combinations > MAX_PARENT_COMBINATIONS)
      throw new ShapeError(
        path,
        `the conditions branch into more than ${MAX_PARENT_COMBINATIONS} combinations`,
      );
  }
}
