/** A tuner's name inside a sentence: "random search", but "Hyperband", "Bayesian optimisation", "TPE". */
import { algorithmInfo } from '../../core/oracles/registry';
import type { Algorithm } from '../../core/oracles/types';

/** Labels that are common nouns, lower-cased after the start of a sentence. */
const COMMON_NOUNS: ReadonlySet<Algorithm> = new Set(['random', 'grid', 'successive-halving']);

export function tunerName(algorithm: Algorithm): string {
  const { label } = algorithmInfo(algorithm);
  return COMMON_NOUNS.has(algorithm) ? label[0].toLowerCase() + label.slice(1) : label;
}
