import type { KindHandler } from './kind-handler';
import {
  gridIndexFromUnit,
  nearestIndex,
  paramGrid,
  steppedGrid,
  unitFromGridIndex,
  unwarp,
  warp,
} from './numeric';
import { SpaceError, type FloatParam } from './types';

export const floatKind: KindHandler<FloatParam> = {
  validate(p) {
    if (!Number.isFinite(p.min) || !Number.isFinite(p.max))
      throw new SpaceError(p.name, 'min and max must be finite numbers');
    if (p.min > p.max) throw new SpaceError(p.name, `min (${p.min}) is greater than max (${p.max})`);
    if (p.step !== undefined && !(p.step > 0))
      throw new SpaceError(p.name, `step must be greater than 0, got ${p.step}`);
    if ((p.sampling === 'log' || p.sampling === 'reverse_log') && p.min <= 0)
      throw new SpaceError(p.name, `${p.sampling} sampling needs min > 0, got ${p.min}`);
    if (p.gridPoints !== undefined && (!Number.isInteger(p.gridPoints) || p.gridPoints < 1))
      throw new SpaceError(p.name, `grid points must be a positive integer, got ${p.gridPoints}`);
  },
  values: (p) => (p.step !== undefined ? steppedGrid(p.min, p.max, p.step) : null),
  sample(p, rng) {
    return this.fromUnit(p, rng.next());
  },
  toUnit(p, v) {
    if (p.step === undefined) return unwarp(Number(v), p.min, p.max, p.sampling);
    const grid = paramGrid(p, p.step);
    return unitFromGridIndex(grid, nearestIndex(grid, Number(v)), p.min, p.max, p.sampling);
  },
  fromUnit(p, u) {
    if (p.step === undefined) return warp(u, p.min, p.max, p.sampling);
    const grid = paramGrid(p, p.step);
    return grid[gridIndexFromUnit(grid, u, p.min, p.max, p.sampling)];
  },
};

/** A continuous float's grid: `points` values spaced evenly in its sampling's warped scale. */
export function floatGrid(p: FloatParam, points: number): number[] {
  if (points <= 1) return [warp(0.5, p.min, p.max, p.sampling)];
  const values = Array.from({ length: points }, (_, i) => warp(i / (points - 1), p.min, p.max, p.sampling));
  return values.map((v) => Number(v.toPrecision(6)));
}
