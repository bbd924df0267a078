import type { Rng } from '../rng';
import { booleanKind } from './boolean';
import { choiceKind } from './choice';
import { fixedKind } from './fixed';
import { floatGrid, floatKind } from './float';
import { intKind } from './int';
import type { KindHandler } from './kind-handler';
import type { Param, ParamValue } from './types';

const handlers = {
  int: intKind,
  float: floatKind,
  choice: choiceKind,
  boolean: booleanKind,
  fixed: fixedKind,
} as const;

function handler(p: Param): KindHandler<Param> {
  return handlers[p.kind] as KindHandler<Param>;
}

export const validateParam = (p: Param): void => handler(p).validate(p);
/** The exact values a parameter takes, or null when it is continuous. */
export const paramValues = (p: Param): ParamValue[] | null => handler(p).values(p);
export const sampleParam = (p: Param, rng: Rng): ParamValue => handler(p).sample(p, rng);
export const toUnit = (p: Param, v: ParamValue): number => handler(p).toUnit(p, v);
export const fromUnit = (p: Param, u: number): ParamValue => handler(p).fromUnit(p, u);

/** Values a grid search visits: the exact values, or `points` for a continuous float (its own gridPoints first). */
export function gridValues(p: Param, points: number): ParamValue[] {
  const exact = paramValues(p);
  if (exact) return exact;
  if (p.kind !== 'float') throw new Error(`${p.name}: no grid for kind ${p.kind}`);
  return floatGrid(p, p.gridPoints ?? points);
}

export const isTunable = (p: Param): boolean => p.kind !== 'fixed' && (paramValues(p)?.length ?? 2) > 1;
