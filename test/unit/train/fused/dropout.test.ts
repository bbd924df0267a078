import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDropoutMultiplier } from '../../../../src/train/fused/dropout-mask';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('writeDropoutMultiplier', () => {
  for (const [rate, seed] of [
    [0.1, 1],
    [0.25, 123456789],
    [0.5, 2147483647],
    [0.3, 0],
  ] as const) {
    it(`equals tf.dropout's multiplier exactly (rate ${rate}, seed ${seed})`, () => {
      const rows = 17;
      const units = 13;
      const expected = tf.tidy(() => tf.dropout(tf.ones([rows, units]), rate, undefined, seed)).dataSync();
      const stride = units + 3;
      const target = new Float32Array(5 + rows * stride).fill(-1);
      writeDropoutMultiplier(target, 5, stride, rows, units, rate, seed);
      const written = Array.from({ length: rows }, (_, r) =>
        Array.from(target.subarray(5 + r * stride, 5 + r * stride + units)),
      ).flat();
      expect(written).toEqual(Array.from(expected));
      expect(written.some((v) => v === 0)).toBe(true);
      // The padding columns and the cells before `offset` are left alone.
      expect(target[4]).toBe(-1);
      expect(target[5 + units]).toBe(-1);
    });
  }
});
