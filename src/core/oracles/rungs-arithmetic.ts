/**
 * Exact integer arithmetic for bracket and rung sizes. Floating-point logarithms are wrong at exact
 * powers (Math.log(81) / Math.log(3) is 4.000000000000001), so every log here is a loop over integers.
 */

/** Throws unless `value` is a safe integer ≥ `min`. */
export function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
}

/** Throws unless R, η and r make rungs: integers with η ≥ 2 and 1 ≤ r ≤ R. */
export function requireRungSettings(s: { maxEpochs: number; factor: number; minEpochs: number }): void {
  requireInteger('maxEpochs', s.maxEpochs, 1);
  requireInteger('factor', s.factor, 2);
  requireInteger('minEpochs', s.minEpochs, 1);
  if (s.minEpochs > s.maxEpochs)
    throw new Error(`minEpochs (${s.minEpochs}) must not exceed maxEpochs (${s.maxEpochs})`);
}

/** The largest k with base^k ≤ x (base ≥ 2, x ≥ 1). */
export function floorLog(base: number, x: number): number {
  let k = 0;
  let power = base;
  while (power <= x) {
    power *= base;
    k++;
  }
  return k;
}

/** The smallest k with base^k ≥ x (base ≥ 2, x ≥ 1). */
export function ceilLog(base: number, x: number): number {
  let k = 0;
  let power = 1;
  while (power < x) {
    power *= base;
    k++;
  }
  return k;
}

/** ⌈a / b⌉ for non-negative integers a and positive integers b. */
export function ceilDiv(a: number, b: number): number {
  const remainder = a % b;
  return (a - remainder) / b + (remainder === 0 ? 0 : 1);
}

/** ⌊a / b⌋ for non-negative integers a and positive integers b. */
export function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/** Rung budgets first·η^k up to max: the ladder successive halving climbs (ASHA adds max as its top). */
export function rungLadder(first: number, factor: number, max: number): number[] {
  const rungs: number[] = [];
  for (let budget = first; budget <= max; budget *= factor) rungs.push(budget);
  return rungs;
}

/**
 * The first rung of the most aggressive bracket over `max`: ⌈max / η^s⌉ for the largest s with η^s ≤ max
 * (10 epochs, η 3 → 2), where Hyperband's first bracket starts.
 */
export function firstRung(max: number, factor: number): number {
  return ceilDiv(max, factor ** floorLog(factor, max));
}

/** The keep rule of successive halving and ASHA: of n results at a rung, the top ⌊n/η⌋ go on. */
export function keptOf(results: number, factor: number): number {
  return floorDiv(results, factor);
}
