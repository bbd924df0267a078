/**
 * Constant learning rate against decay, read from two runs' epoch records: how much the loss still moves
 * per epoch over the last half of training (the decay experiment's finding, and a lesson's check).
 */
import { formatNumber } from '../../core/format';
import type { EpochRecord } from '../../core/scoring';

/** Mean absolute change of `metric` from one epoch to the next over the second half of training. */
export function wobble(records: readonly EpochRecord[], metric: string): number | undefined {
  const values = records.map((r) => r.metrics[metric]).filter((v) => Number.isFinite(v));
  const tail = values.slice(Math.floor(values.length / 2));
  if (tail.length < 2) return undefined;
  let sum = 0;
  for (let i = 1; i < tail.length; i++) sum += Math.abs(tail[i] - tail[i - 1]);
  return sum / (tail.length - 1);
}

export interface DecayReading {
  metric: string;
  constant: number;
  decayed: number;
  /** The decayed run moved less. */
  steadier: boolean;
  words: string;
}

/** val_loss when the runs have it, else loss; undefined when either run is too short to judge. */
export function decayReading(
  constant: readonly EpochRecord[],
  decayed: readonly EpochRecord[],
): DecayReading | undefined {
  const metric = constant.some((r) => 'val_loss' in r.metrics) ? 'val_loss' : 'loss';
  const a = wobble(constant, metric);
  const b = wobble(decayed, metric);
  if (a === undefined || b === undefined) return undefined;
  const steadier = b < a;
  return {
    metric,
    constant: a,
    decayed: b,
    steadier,
    words: `over the last half of training ${metric} moved by ${formatNumber(a, 3)} per epoch on average with the constant rate, and by ${formatNumber(b, 3)} with decay${
      steadier
        ? ': the decayed run settled more.'
        : ': here decay did not make it steadier (a small rate or a short run can hide the effect).'
    }`,
  };
}
