import type { Rng } from '../rng';
import { gridValues, isTunable, paramValues, sampleParam, validateParam } from './param-kinds';
import { isTaskOutputParam } from './task-output';
import { SpaceError, type Config, type Param, type ParamValue, type SearchSpace } from './types';

export function isActive(p: Param, config: Record<string, ParamValue>): boolean {
  if (!p.condition) return true;
  const parentValue = config[p.condition.parent];
  return parentValue !== undefined && p.condition.values.includes(parentValue);
}

/** Throws SpaceError naming the parameter for the first invalid definition. */
export function validateSpace(space: SearchSpace): void {
  const seen = new Map<string, Param>();
  for (const p of space.params) {
    if (!p.name || typeof p.name !== 'string')
      throw new SpaceError(String(p.name), 'a parameter needs a name');
    if (seen.has(p.name)) throw new SpaceError(p.name, 'the name is used twice');
    if (isTaskOutputParam(p.name))
      throw new SpaceError(
        p.name,
        'the output activation and the loss follow from the task (binary, multi-class or regression); they are not searched',
      );
    validateParam(p);
    if (p.condition) {
      const parent = seen.get(p.condition.parent);
      if (!parent)
        throw new SpaceError(
          p.name,
          `its condition refers to "${p.condition.parent}", which is not defined before it`,
        );
      if (p.condition.values.length === 0) throw new SpaceError(p.name, 'its condition lists no values');
    }
    seen.set(p.name, p);
  }
}

export const tunableParams = (space: SearchSpace): Param[] => space.params.filter(isTunable);

export function sampleConfig(space: SearchSpace, rng: Rng): Config {
  const config: Config = {};
  for (const p of space.params) if (isActive(p, config)) config[p.name] = sampleParam(p, rng);
  return config;
}

/** A config with only the active parameters: the given values where present, fixed values and first values otherwise. */
export function completeConfig(space: SearchSpace, partial: Record<string, ParamValue>): Config {
  const config: Config = {};
  for (const p of space.params) {
    if (!isActive(p, config)) continue;
    if (p.kind === 'fixed') config[p.name] = p.value;
    else if (partial[p.name] !== undefined) config[p.name] = partial[p.name];
    else config[p.name] = (paramValues(p) ?? [p.kind === 'float' ? p.min : 0])[0];
  }
  return config;
}

/** Canonical text of a config, for de-duplication: key order never matters. */
export function configKey(config: Config): string {
  return JSON.stringify(
    Object.keys(config)
      .sort()
      .map((k) => [k, config[k]]),
  );
}

const parentNames = (space: SearchSpace): Set<string> =>
  new Set(space.params.flatMap((p) => (p.condition ? [p.condition.parent] : [])));

/** How many distinct configs the space holds (conditions respected), or 'continuous'. */
export function spaceSize(space: SearchSpace): number | 'continuous' {
  const parents = parentNames(space);
  let continuous = false;
  const count = (i: number, config: Config): number => {
    if (i === space.params.length) return 1;
    const p = space.params[i];
    if (!isActive(p, config)) return count(i + 1, config);
    const values = paramValues(p);
    if (!values) {
      continuous = true;
      return count(i + 1, { ...config, [p.name]: NaN });
    }
    if (!parents.has(p.name)) return values.length * count(i + 1, config);
    return values.reduce<number>((sum, v) => sum + count(i + 1, { ...config, [p.name]: v }), 0);
  };
  const n = count(0, {});
  return continuous ? 'continuous' : n;
}

/** Every distinct config of the grid, lazily, first parameter slowest. Continuous floats use `points` values. */
export function* enumerateConfigs(space: SearchSpace, points: number): Generator<Config> {
  function* walk(i: number, config: Config): Generator<Config> {
    if (i === space.params.length) {
      yield { ...config };
      return;
    }
    const p = space.params[i];
    if (!isActive(p, config)) {
      yield* walk(i + 1, config);
      return;
    }
    for (const v of gridValues(p, points)) {
      config[p.name] = v;
      yield* walk(i + 1, config);
    }
    delete config[p.name];
  }
  yield* walk(0, {});
}

/** Number of configs enumerateConfigs yields (conditions respected). */
export function gridSize(space: SearchSpace, points: number): number {
  const parents = parentNames(space);
  const count = (i: number, config: Config): number => {
    if (i === space.params.length) return 1;
    const p = space.params[i];
    if (!isActive(p, config)) return count(i + 1, config);
    const values = gridValues(p, points);
    if (!parents.has(p.name)) return values.length * count(i + 1, config);
    return values.reduce<number>((sum, v) => sum + count(i + 1, { ...config, [p.name]: v }), 0);
  };
  return count(0, {});
}

/** Whether every active value of the config lies in its parameter's domain and no inactive one is present. */
export function configFits(space: SearchSpace, config: Config): boolean {
  const expected: Config = {};
  for (const p of space.params) {
    if (!isActive(p, expected)) continue;
    const v = config[p.name];
    if (v === undefined) return false;
    const values = paramValues(p);
    if (values) {
      if (!values.includes(v)) return false;
    } else if (p.kind === 'float' && !(typeof v === 'number' && v >= p.min && v <= p.max)) return false;
    expected[p.name] = v;
  }
  return Object.keys(config).every((k) => k in expected);
}
