import type { KindHandler } from './kind-handler';
import { SpaceError, type ChoiceParam, type ParamValue } from './types';

function bucket(n: number, u: number): number {
  return Math.min(n - 1, Math.max(0, Math.floor(u * n)));
}

export const choiceKind: KindHandler<ChoiceParam> = {
  validate(p) {
    if (!Array.isArray(p.values) || p.values.length === 0)
      throw new SpaceError(p.name, 'a choice needs at least one value');
    const seen = new Set<ParamValue>();
    for (const v of p.values) {
      if (seen.has(v)) throw new SpaceError(p.name, `the value ${JSON.stringify(v)} is listed twice`);
      seen.add(v);
    }
  },
  values: (p) => [...p.values],
  sample: (p, rng) => rng.pick(p.values),
  toUnit: (p, v) => (Math.max(0, p.values.indexOf(v)) + 0.5) / p.values.length,
  fromUnit: (p, u) => p.values[bucket(p.values.length, u)],
};
