/** Hyperparameter definitions, Keras Tuner style. Plain data: they cross worker boundaries and live in URLs. */

export type Sampling = 'linear' | 'log' | 'reverse_log';
export type ParamValue = number | string | boolean;

/** The parameter is active only when `parent` currently has one of `values` (units_3 when layers ∈ {4,5,6}). */
export interface Condition {
  parent: string;
  values: ParamValue[];
}

interface ParamBase {
  name: string;
  condition?: Condition;
}

export interface IntParam extends ParamBase {
  kind: 'int';
  min: number;
  max: number;
  /** Defaults to 1. */
  step?: number;
  sampling?: Sampling;
}

export interface FloatParam extends ParamBase {
  kind: 'float';
  min: number;
  max: number;
  /** A step makes the parameter discrete: min, min+step, … ≤ max (exact, by integer index arithmetic). */
  step?: number;
  sampling?: Sampling;
  /** For grid search over a continuous float: this many points spaced by the sampling. */
  gridPoints?: number;
}

export interface ChoiceParam extends ParamBase {
  kind: 'choice';
  values: ParamValue[];
}

export interface BooleanParam extends ParamBase {
  kind: 'boolean';
}

export interface FixedParam extends ParamBase {
  kind: 'fixed';
  value: ParamValue;
}

export type Param = IntParam | FloatParam | ChoiceParam | BooleanParam | FixedParam;

/** Ordered: a condition's parent comes before the parameters that depend on it. */
export interface SearchSpace {
  params: Param[];
}

/** Values of the ACTIVE parameters only (inactive conditional ones are absent). */
export type Config = Record<string, ParamValue>;

export class SpaceError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(`${param}: ${message}`);
    this.name = 'SpaceError';
  }
}
