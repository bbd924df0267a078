/** Per-member step constants as [K, 1] device tensors, re-uploaded only when their values change. */
import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from '../../core/model/spec';
import type { StepColumns } from './fused-update';
import type { MemberStep } from './group-params';

export function stepColumns() {
  const cache = new Map<string, { values: Float32Array; tensor: tf.Tensor }>();
  const column = (name: string, values: Float32Array): tf.Tensor => {
    const hit = cache.get(name);
    if (hit && hit.values.length === values.length && hit.values.every((v, i) => v === values[i]))
      return hit.tensor;
    hit?.tensor.dispose();
    const tensor = tf.keep(tf.tensor2d(values, [values.length, 1]));
    cache.set(name, { values, tensor });
    return tensor;
  };
  return {
    for(optimizer: OptimizerName, steps: MemberStep[]): StepColumns {
      const rates = Float32Array.from(steps, (s) => s.rate);
      const columns: StepColumns = {
        rate: column('rate', rates),
        negativeRate: column(
          'negativeRate',
          rates.map((r) => -r),
        ),
      };
      if (optimizer === 'adam') {
        columns.oneMinusBeta1Power = column(
          'c1',
          Float32Array.from(steps, (s) => s.biasCorrections[0]),
        );
        columns.oneMinusBeta2Power = column(
          'c2',
          Float32Array.from(steps, (s) => s.biasCorrections[1]),
        );
      }
      if (optimizer === 'sgd')
        columns.momentum = column(
          'momentum',
          Float32Array.from(steps, (s) => s.momentum),
        );
      return columns;
    },
    dispose(): void {
      for (const { tensor } of cache.values()) tensor.dispose();
      cache.clear();
    },
  };
}
