/** The small spaces the lessons search: two hidden layers, Adam, batch 32, ReLU, and what the lesson varies. */
import type { Param, SearchSpace } from '../../core/space/types';

/** Two layers of `units` each (a number, or a parameter per layer), then the lesson's own parameters. */
export function twoLayerSpace(
  units: number | readonly [Param, Param],
  varied: readonly Param[],
): SearchSpace {
  const layers: Param[] =
    typeof units === 'number'
      ? [0, 1].map((i) => ({ kind: 'fixed', name: `units_${i}`, value: units }))
      : [...units];
  return {
    params: [
      { kind: 'fixed', name: 'layers', value: 2 },
      ...layers,
      { kind: 'fixed', name: 'optimizer', value: 'adam' },
      ...varied,
      { kind: 'fixed', name: 'batch_size', value: 32 },
      { kind: 'fixed', name: 'activation', value: 'relu' },
    ],
  };
}
