/**
 * Each hyperparameter as an Optuna distribution, in the JSON form optuna.distributions.json_to_distribution
 * reads (Optuna ≥ 3.0). Where Optuna cannot express a scale, the values stay exactly the same and only
 * the sampling scale changes; `note` says so.
 */
import { steppedGrid } from '../../core/space';
import type { Param, ParamValue, SearchSpace } from '../../core/space/types';

export type OptunaDistribution =
  | { name: 'IntDistribution'; attributes: { low: number; high: number; step: number; log: boolean } }
  | {
      name: 'FloatDistribution';
      attributes: { low: number; high: number; step: number | null; log: boolean };
    }
  | { name: 'CategoricalDistribution'; attributes: { choices: ParamValue[] } };

export interface MappedParam {
  name: string;
  /** Undefined for a Fixed parameter: it is a constant, not searched. */
  distribution?: OptunaDistribution;
  /** How the mapping differs from the playground's sampling, when it does. */
  note?: string;
}

const LINEAR_INSTEAD = {
  reverse_log: 'Optuna has no reverse-log scale: the same values, sampled on a linear scale',
  steppedLog: 'Optuna allows no step on a log scale: the same stepped values, sampled on a linear scale',
};

export function optunaParam(p: Param): MappedParam {
  const name = p.name;
  switch (p.kind) {
    case 'fixed':
      return { name };
    case 'boolean':
      return { name, distribution: categorical([false, true]) };
    case 'choice':
      return { name, distribution: categorical([...p.values]) };
    case 'int': {
      const step = p.step ?? 1;
      const high = steppedGrid(p.min, p.max, step).at(-1)!;
      const log = p.sampling === 'log' && step === 1;
      const note =
        p.sampling === 'reverse_log'
          ? LINEAR_INSTEAD.reverse_log
          : p.sampling === 'log' && !log
            ? LINEAR_INSTEAD.steppedLog
            : undefined;
      return {
        name,
        distribution: { name: 'IntDistribution', attributes: { low: p.min, high, step, log } },
        ...(note && { note }),
      };
    }
    case 'float': {
      if (p.step === undefined) {
        const log = p.sampling === 'log';
        return {
          name,
          distribution: {
            name: 'FloatDistribution',
            attributes: { low: p.min, high: p.max, step: null, log },
          },
          ...(p.sampling === 'reverse_log' && { note: LINEAR_INSTEAD.reverse_log }),
        };
      }
      const high = steppedGrid(p.min, p.max, p.step).at(-1)!;
      const warped = p.sampling === 'log' || p.sampling === 'reverse_log';
      return {
        name,
        distribution: {
          name: 'FloatDistribution',
          attributes: { low: p.min, high, step: p.step, log: false },
        },
        ...(warped && {
          note: p.sampling === 'log' ? LINEAR_INSTEAD.steppedLog : LINEAR_INSTEAD.reverse_log,
        }),
      };
    }
  }
}

function categorical(choices: ParamValue[]): OptunaDistribution {
  return { name: 'CategoricalDistribution', attributes: { choices } };
}

/** Every searched parameter's distribution by name; Fixed parameters are constants, listed apart. */
export function optunaSpace(space: SearchSpace): {
  distributions: Record<string, OptunaDistribution>;
  fixed: Record<string, ParamValue>;
  notes: Record<string, string>;
} {
  const distributions: Record<string, OptunaDistribution> = {};
  const fixed: Record<string, ParamValue> = {};
  const notes: Record<string, string> = {};
  for (const p of space.params) {
    const mapped = optunaParam(p);
    if (p.kind === 'fixed') fixed[p.name] = p.value;
    if (mapped.distribution) distributions[p.name] = mapped.distribution;
    if (mapped.note) notes[p.name] = mapped.note;
  }
  return { distributions, fixed, notes };
}
