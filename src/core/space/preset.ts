import { MAX_HIDDEN_LAYERS } from '../model/spec';
import type { Param, SearchSpace } from './types';

/** layers ≥ i+1, as a condition's value list (units_3 exists when layers ∈ {4, 5, 6}). */
function layersAtLeast(count: number, minLayers: number, maxLayers: number): number[] {
  const values: number[] = [];
  for (let n = Math.max(count, minLayers); n <= maxLayers; n++) values.push(n);
  return values;
}

/** The default search space of the course notes. */
export function courseSearchSpace(): SearchSpace {
  const minLayers = 2;
  const perLayer: Param[] = [];
  for (let i = 0; i < MAX_HIDDEN_LAYERS; i++) {
    const condition =
      i < minLayers
        ? undefined
        : { parent: 'layers', values: layersAtLeast(i + 1, minLayers, MAX_HIDDEN_LAYERS) };
    perLayer.push(
      { kind: 'int', name: `units_${i}`, min: 32, max: 512, step: 128, ...(condition && { condition }) },
      { kind: 'float', name: `dropout_${i}`, min: 0, max: 0.3, step: 0.1, ...(condition && { condition }) },
    );
  }
  return {
    params: [
      { kind: 'int', name: 'layers', min: minLayers, max: MAX_HIDDEN_LAYERS },
      ...perLayer,
      { kind: 'choice', name: 'optimizer', values: ['adam', 'rmsprop'] },
      { kind: 'float', name: 'learning_rate', min: 1e-4, max: 1e-2, sampling: 'log' },
      { kind: 'choice', name: 'lr_decay_rate', values: [1, 0.95, 0.9] },
      {
        kind: 'choice',
        name: 'lr_decay_steps',
        values: [50, 100, 200],
        condition: { parent: 'lr_decay_rate', values: [0.95, 0.9] },
      },
      { kind: 'boolean', name: 'lr_staircase', condition: { parent: 'lr_decay_rate', values: [0.95, 0.9] } },
      { kind: 'fixed', name: 'batch_size', value: 32 },
      { kind: 'fixed', name: 'activation', value: 'relu' },
      // The output activation and the loss follow from the task: see task-output.ts.
    ],
  };
}

/** The tunable alternative to the fixed batch size that the UI offers. */
export const tunedBatchSize: Param = { kind: 'choice', name: 'batch_size', values: [16, 32, 64, 128] };
