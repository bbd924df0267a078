import type { Rng } from '../rng';
import type { Param, ParamValue } from './types';

/** What every hyperparameter kind knows how to do. One implementation per file. */
export interface KindHandler<P extends Param> {
  /** Throws SpaceError naming the parameter when the definition is invalid. */
  validate(p: P): void;
  /** The exact values it can take, or null when it is continuous. */
  values(p: P): ParamValue[] | null;
  sample(p: P, rng: Rng): ParamValue;
  /** Into [0, 1] for model-based oracles (honours sampling; discrete values map to bucket centres). */
  toUnit(p: P, v: ParamValue): number;
  fromUnit(p: P, u: number): ParamValue;
}
