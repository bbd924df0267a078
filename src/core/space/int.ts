import type { KindHandler } from './kind-handler';
import { gridIndexFromUnit, nearestIndex, paramGrid, steppedGrid, unitFromGridIndex } from './numeric';
import { SpaceError, type IntParam } from './types';

export const intKind: KindHandler<IntParam> = {
  validate(p) {
    if (!Number.isInteger(p.min) || !Number.isInteger(p.max))
      throw new SpaceError(p.name, 'min and max must be integers');
    if (p.min > p.max) throw new SpaceError(p.name, `min (${p.min}) is greater than max (${p.max})`);
    const step = p.step ?? 1;
    if (!Number.isInteger(step) || step <= 0)
      throw new SpaceError(p.name, `step must be a positive integer, got ${step}`);
    if ((p.sampling === 'log' || p.sampling === 'reverse_log') && p.min <= 0)
      throw new SpaceError(p.name, `${p.sampling} sampling needs min > 0, got ${p.min}`);
  },
  values: (p) => steppedGrid(p.min, p.max, p.step ?? 1),
  sample(p, rng) {
    return this.fromUnit(p, rng.next());
  },
  toUnit(p, v) {
    const grid = paramGrid(p, p.step ?? 1);
    return unitFromGridIndex(grid, nearestIndex(grid, Number(v)), p.min, p.max, p.sampling);
  },
  fromUnit(p, u) {
    const grid = paramGrid(p, p.step ?? 1);
    return grid[gridIndexFromUnit(grid, u, p.min, p.max, p.sampling)];
  },
};
