/**
 * Derived seeds: each random stream of a trial (init, subset, epoch shuffle, dropout at a step) is a
 * pure function of the trial seed and its coordinates, so resuming at any epoch reproduces it exactly.
 */
import { Rng } from '../core/rng';

export const STREAM = { init: 1, subset: 2, shuffle: 3, dropout: 4 } as const;

/** A 31-bit seed mixing the parts (murmur3-style finaliser per part). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
  }
  return h & 0x7fffffff;
}

export function streamRng(seed: number, stream: number, ...coords: number[]): Rng {
  return new Rng(mixSeed(seed, stream, ...coords));
}
