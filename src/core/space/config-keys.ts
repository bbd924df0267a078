/** Which hyperparameter names a set of configs uses, and which of them tell the configs apart. */
import type { Config } from './types';

/** Every name any config sets, in the order they first appear. */
export function configKeys(configs: readonly Config[]): string[] {
  const keys = new Set<string>();
  for (const c of configs) for (const k of Object.keys(c)) keys.add(k);
  return [...keys];
}

/**
 * Names whose value differs between the configs, or that some configs lack (a layer that only deeper
 * networks have); a setting fixed everywhere, like batch_size 32, is left out.
 */
export function varyingKeys(configs: readonly Config[]): string[] {
  return configKeys(configs).filter((k) => {
    const values = new Set(configs.map((c) => (k in c ? JSON.stringify(c[k]) : undefined)));
    return values.size > 1;
  });
}
