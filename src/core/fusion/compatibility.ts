/**
 * Which models can train as one fused group. Members share depth, activation, optimizer kind and batch
 * size; hidden widths may differ when the activation maps 0 to 0, because then zero-padded units stay
 * exactly zero (their weights get zero gradients) and never touch the real ones.
 */
import type { Activation, TrainSpec } from '../model/spec';

const ZERO_PRESERVING: ReadonlySet<Activation> = new Set(['relu', 'elu', 'selu', 'tanh', 'linear']);

/** True when act(0) = 0, so zero-padded units stay zero and different widths can share a group. */
export function paddable(activation: Activation): boolean {
  return ZERO_PRESERVING.has(activation);
}

/** Requests with the same key can be fused (widths aside); anything else differs in the ops it needs. */
export function fusionKey(spec: TrainSpec): string {
  return [spec.units.length, spec.activation, spec.optimizer, spec.batchSize].join('|');
}
