import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OptimizerName } from '../../../../src/core/model/spec';
import { Rng } from '../../../../src/core/rng';
import { MemberClock } from '../../../../src/train/fused/member-clock';
import { UpdateArena } from '../../../../src/train/fused/update-kernel';
import { createOptimizer } from '../../../../src/train/optimizer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SIZE = 37; // not a multiple of four: the kernels' one-at-a-time tail runs too

function randomArray(rng: Rng, scale: number): Float32Array {
  return Float32Array.from({ length: SIZE }, () => rng.normal(0, scale));
}

/** Three steps of tfjs' own optimizer on one variable: its values and slots after each. */
function tfjsSteps(optimizer: OptimizerName, momentum: number, start: Float32Array, grads: Float32Array[]) {
  const rate = 0.01;
  const opt = createOptimizer({
    optimizer,
    momentum,
    schedule: { initialRate: rate, decayRate: 1, decaySteps: 1, staircase: false },
  }).optimizer;
  const w = tf.variable(tf.tensor1d(start), true, `w-${optimizer}-${momentum}`);
  const after: Float32Array[] = [];
  for (const g of grads) {
    opt.applyGradients({ [w.name]: tf.tensor1d(g) });
    after.push(w.dataSync() as Float32Array);
  }
  w.dispose();
  opt.dispose();
  return { rate, after };
}

describe('the SIMD update kernels', () => {
  for (const [optimizer, momentum] of [
    ['adam', 0],
    ['rmsprop', 0],
    ['sgd', 0],
    ['sgd', 0.9],
  ] as [OptimizerName, number][]) {
    it(`${optimizer}${momentum ? ' with momentum' : ''}: the same bits as tfjs' optimizer`, () => {
      const rng = new Rng(5);
      const start = randomArray(rng, 1);
      const grads = [randomArray(rng, 0.5), randomArray(rng, 2), randomArray(rng, 1e-3)];
      const reference = tfjsSteps(optimizer, momentum, start, grads);
      const slotCount = optimizer === 'sgd' ? (momentum > 0 ? 1 : 0) : 2;
      const arena = new UpdateArena(8 * SIZE);
      const p = arena.alloc(SIZE);
      p.set(start);
      const slots = Array.from({ length: slotCount }, () => arena.alloc(SIZE));
      const g = arena.alloc(SIZE);
      const clock = new MemberClock(
        { initialRate: reference.rate, decayRate: 1, decaySteps: 1, staircase: false },
        0,
        0,
      );
      grads.forEach((gradient, i) => {
        g.set(gradient);
        arena.step(optimizer, p, slots, g, 0, SIZE, {
          rate: clock.rate(),
          biasCorrections: clock.biasCorrections(),
          momentum,
          active: true,
        });
        clock.advance();
        expect(Array.from(p)).toEqual(Array.from(reference.after[i]));
      });
    });
  }

  it('steps only the range it is given', () => {
    const arena = new UpdateArena(64);
    const p = arena.alloc(12).fill(1);
    const g = arena.alloc(5).fill(1);
    arena.step('sgd', p, [], g, 4, 5, { rate: 0.5, biasCorrections: [1, 1], momentum: 0, active: true });
    expect(Array.from(p)).toEqual([1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 1, 1]);
  });

  it('a released arena’s memory serves the next one, grown to fit and zeroed', () => {
    const first = new UpdateArena(16);
    const old = first.alloc(16).fill(7);
    first.release();
    expect(() => first.alloc(1)).toThrow(/after release/);
    const same = new UpdateArena(16);
    const reused = same.alloc(16);
    expect(reused.buffer).toBe(old.buffer);
    expect(reused.every((v) => v === 0)).toBe(true);
    reused.fill(7);
    same.release();
    const second = new UpdateArena(40_000);
    const fresh = second.alloc(40_000);
    expect(old.buffer.byteLength).toBe(0); // grown in place: the old views are detached
    expect(fresh.every((v) => v === 0)).toBe(true);
    const g = second.alloc(4).fill(2);
    second.step('sgd', fresh, [], g, 0, 4, { rate: 0.5, biasCorrections: [1, 1], momentum: 0, active: true });
    expect(Array.from(fresh.subarray(0, 5))).toEqual([-1, -1, -1, -1, 0]);
    const third = new UpdateArena(16);
    expect(third.alloc(16).buffer).not.toBe(fresh.buffer);
    second.release();
    third.release();
  });
});
