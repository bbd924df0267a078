/**
 * The `define_hyperparameters(hp)` function of the Keras Tuner script, generated from a SearchSpace:
 * per-layer parameters (units_0…, dropout_0…) become the usual `for i in range(layers)` loop, other
 * conditions become `hp.conditional_scope`, and grids Keras Tuner would compute differently become
 * `hp.Choice` over the exact values.
 */
import type { Algorithm } from '../../core/oracles/types';
import { gridValues, paramValues } from '../../core/space';
import type { IntParam, Param, SearchSpace } from '../../core/space/types';
import { commonType, pyComment, pyFloat, pyInt, pyList, pyString, pyValue, type PyType } from './python';

interface HpCall {
  comment?: string;
  /** Python expression; `name` is the expression of the parameter's name. */
  call: (name: string) => string;
}

export function pythonTypeOf(p: Param): PyType {
  switch (p.kind) {
    case 'int':
      return 'int';
    case 'float':
      return 'float';
    case 'boolean':
      return 'bool';
    case 'choice':
      return commonType(p.values).type;
    case 'fixed':
      return commonType([p.value]).type;
  }
}

/** Python's float floor division (a // b), which Keras Tuner uses to count a stepped Float's values. */
function pythonFloorDiv(a: number, b: number): number {
  const mod = a % b;
  const div = (a - mod) / b;
  let floor = Math.floor(div);
  if (div - floor > 0.5) floor += 1;
  return floor;
}

function choiceOfExactValues(p: Param, why: string): HpCall {
  const values = paramValues(p) ?? [];
  return { comment: why, call: (name) => `hp.Choice(${name}, ${pyList(values, pythonTypeOf(p))})` };
}

function hpCall(p: Param, algorithm: Algorithm, gridPoints: number): HpCall {
  switch (p.kind) {
    case 'fixed':
      return { call: (name) => `hp.Fixed(${name}, ${pyValue(p.value, pythonTypeOf(p))})` };
    case 'boolean':
      return { call: (name) => `hp.Boolean(${name})` };
    case 'choice': {
      const { type, mixed } = commonType(p.values);
      return {
        comment: mixed
          ? "mixed value types: Keras Tuner's Choice needs one type, so they are text here"
          : undefined,
        call: (name) => `hp.Choice(${name}, ${pyList(p.values, type)})`,
      };
    }
    case 'int': {
      const sampling = p.sampling ?? 'linear';
      if (sampling !== 'linear' && (p.step ?? 1) !== 1)
        return choiceOfExactValues(
          p,
          `the exact values; Keras Tuner reads a ${sampling} step as a factor, the playground as a distance`,
        );
      const step = p.step !== undefined ? `, step=${pyInt(p.step)}` : '';
      const samp = sampling !== 'linear' ? `, sampling=${pyString(sampling)}` : '';
      return {
        call: (name) => `hp.Int(${name}, min_value=${pyInt(p.min)}, max_value=${pyInt(p.max)}${step}${samp})`,
      };
    }
    case 'float': {
      const sampling = p.sampling ?? 'linear';
      if (p.step === undefined) {
        if (algorithm === 'grid') {
          const values = gridValues(p, gridPoints);
          return {
            comment: `grid search over a continuous float: the playground's ${values.length} points`,
            call: (name) => `hp.Choice(${name}, ${pyList(values, 'float')})`,
          };
        }
        const samp = sampling !== 'linear' ? `, sampling=${pyString(sampling)}` : '';
        return {
          call: (name) =>
            `hp.Float(${name}, min_value=${pyFloat(p.min)}, max_value=${pyFloat(p.max)}${samp})`,
        };
      }
      if (sampling !== 'linear')
        return choiceOfExactValues(
          p,
          `the exact values; Keras Tuner reads a ${sampling} step as a factor, the playground as a distance`,
        );
      const exact = paramValues(p) ?? [];
      const ktCount = pythonFloorDiv(p.max - p.min, p.step) + 1;
      if (ktCount !== exact.length) {
        return choiceOfExactValues(
          p,
          `hp.Float(min, max, step) would give ${ktCount} values here (floating-point floor division drops ${pyFloat(p.max)}); the exact grid instead`,
        );
      }
      return {
        call: (name) =>
          `hp.Float(${name}, min_value=${pyFloat(p.min)}, max_value=${pyFloat(p.max)}, step=${pyFloat(p.step!)})`,
      };
    }
  }
}

interface LayerLoop {
  layers: IntParam;
  /** Per-layer groups in space order: base name → its template (the layer-0 parameter). */
  groups: { base: string; template: Param }[];
  members: Set<string>;
}

const sameValues = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((v) => b.includes(v));

function definitionWithoutName(p: Param): string {
  const { name: _name, condition: _condition, ...rest } = p;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The units_i / dropout_i pattern: one identical parameter per layer, active exactly when layers > i. */
export function detectLayerLoop(space: SearchSpace): LayerLoop | undefined {
  const layers = space.params.find(
    (p): p is IntParam => p.name === 'layers' && p.kind === 'int' && !p.condition,
  );
  if (!layers) return undefined;
  const layerValues = (paramValues(layers) ?? []) as number[];
  const maxLayers = Math.max(...layerValues);
  if (!(maxLayers >= 1) || layerValues.some((n) => n < 0)) return undefined;
  const parents = new Set(space.params.flatMap((p) => (p.condition ? [p.condition.parent] : [])));
  const byBase = new Map<string, Map<number, Param>>();
  for (const p of space.params) {
    const match = /^(.+)_(\d+)$/.exec(p.name);
    if (!match || String(Number(match[2])) !== match[2]) continue;
    const group = byBase.get(match[1]) ?? new Map<number, Param>();
    group.set(Number(match[2]), p);
    byBase.set(match[1], group);
  }
  const groups: LayerLoop['groups'] = [];
  const members = new Set<string>();
  for (const [base, group] of byBase) {
    if (group.size !== maxLayers) continue;
    const template = group.get(0);
    if (!template) continue;
    let fits = true;
    for (let i = 0; i < maxLayers && fits; i++) {
      const p = group.get(i);
      const activeWhen = layerValues.filter((n) => n > i);
      fits =
        !!p &&
        !parents.has(p.name) &&
        definitionWithoutName(p) === definitionWithoutName(template) &&
        (p.condition
          ? p.condition.parent === 'layers' && sameValues(p.condition.values, activeWhen)
          : activeWhen.length === layerValues.length);
    }
    if (!fits) continue;
    groups.push({ base, template });
    for (const p of group.values()) members.add(p.name);
  }
  return groups.length > 0 ? { layers, groups, members } : undefined;
}

/** The Python function, indented with four spaces. */
export function defineHyperparametersFunction(
  space: SearchSpace,
  algorithm: Algorithm,
  gridPoints: number,
): string {
  const loop = detectLayerLoop(space);
  const byName = new Map(space.params.map((p) => [p.name, p]));
  const lines = [
    'def define_hyperparameters(hp):',
    '    """Registers the search space with Keras Tuner; returns the values of the active hyperparameters."""',
    '    values = {}',
  ];
  const emit = (indent: string, p: Param, nameExpr: string) => {
    const { comment, call } = hpCall(p, algorithm, gridPoints);
    if (comment) lines.push(`${indent}# ${pyComment(comment)}`);
    lines.push(`${indent}values[${nameExpr}] = ${call(nameExpr)}`);
  };
  for (const p of space.params) {
    if (loop?.members.has(p.name)) continue;
    let indent = '    ';
    for (const ancestor of conditionChain(p, byName)) {
      const parentType = pythonTypeOf(byName.get(ancestor.parent)!);
      lines.push(
        `${indent}with hp.conditional_scope(${pyString(ancestor.parent)}, ${pyList(ancestor.values, parentType)}):`,
      );
      indent += '    ';
    }
    emit(indent, p, pyString(p.name));
    if (loop && p === loop.layers) {
      lines.push(`    for i in range(values[${pyString(p.name)}]):`);
      for (const { base, template } of loop.groups) {
        lines.push(`        name = ${pyString(`${base}_`)} + str(i)`);
        emit('        ', template, 'name');
      }
    }
  }
  lines.push('    # Inactive conditional hyperparameters come back as None.');
  lines.push('    return {key: value for key, value in values.items() if value is not None}');
  return lines.join('\n');
}

/** The conditions from the outermost ancestor down to the parameter's own. */
function conditionChain(p: Param, byName: Map<string, Param>): NonNullable<Param['condition']>[] {
  const chain: NonNullable<Param['condition']>[] = [];
  let current: Param | undefined = p;
  while (current?.condition && chain.length < byName.size) {
    chain.unshift(current.condition);
    current = byName.get(current.condition.parent);
  }
  return chain;
}
