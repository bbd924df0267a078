import type { KindHandler } from './kind-handler';
import { SpaceError, type FixedParam } from './types';

export const fixedKind: KindHandler<FixedParam> = {
  validate(p) {
    if (p.value === undefined || p.value === null)
      throw new SpaceError(p.name, 'a fixed parameter needs a value');
  },
  values: (p) => [p.value],
  sample: (p) => p.value,
  toUnit: () => 0.5,
  fromUnit: (p) => p.value,
};
