import type { KindHandler } from './kind-handler';
import type { BooleanParam } from './types';

export const booleanKind: KindHandler<BooleanParam> = {
  validate() {},
  values: () => [false, true],
  sample: (_p, rng) => rng.next() < 0.5,
  toUnit: (_p, v) => (v ? 0.75 : 0.25),
  fromUnit: (_p, u) => u >= 0.5,
};
