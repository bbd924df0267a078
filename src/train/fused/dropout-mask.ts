/**
 * tf.dropout's multiplier computed on the host: `floor(u + keep) / keep` with u from
 * `randomUniform(shape, 0, 1, 'float32', seed)`, in float32 as the backends compute it. A fused group
 * fills one [K, batch, units] multiplier from every member's own seed and uploads it once.
 */
import { alea } from './alea';

/**
 * Writes the multiplier of a [rows, units] activation into `target` at `offset`, row r at
 * `offset + r * rowStride` (rowStride ≥ units leaves the padding columns untouched).
 */
export function writeDropoutMultiplier(
  target: Float32Array,
  offset: number,
  rowStride: number,
  rows: number,
  units: number,
  rate: number,
  seed: number,
): void {
  const random = alea(String(seed));
  const keep = Math.fround(1 - rate);
  const kept = Math.fround(1 / keep);
  for (let r = 0; r < rows; r++) {
    const at = offset + r * rowStride;
    for (let u = 0; u < units; u++) {
      const draw = Math.fround(random());
      target[at + u] = Math.floor(Math.fround(draw + keep)) === 0 ? 0 : kept;
    }
  }
}
