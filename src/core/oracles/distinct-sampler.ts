import type { Rng } from '../rng';
import { configKey, enumerateConfigs, sampleConfig, spaceSize } from '../space';
import type { Config, SearchSpace } from '../space/types';

export const EXHAUSTED = 'search space exhausted';
export const MAX_TRIALS_REACHED = 'max trials reached';

/** Random draws tried before a finite space is listed to find the configs still unused. */
const REJECTION_ATTEMPTS = 64;
/** A continuous space never runs out; this many duplicate draws in a row means it effectively has. */
const CONTINUOUS_ATTEMPTS = 1000;

/** Draws random configs, never the same one twice; `next()` is undefined once the space has none left. */
export class DistinctSampler {
  private readonly size: number | 'continuous';
  private readonly used = new Set<string>();
  private done = false;

  constructor(
    private readonly space: SearchSpace,
    private readonly rng: Rng,
  ) {
    this.size = spaceSize(space);
  }

  get exhausted(): boolean {
    return this.done;
  }

  next(): Config | undefined {
    if (this.done) return undefined;
    if (this.size !== 'continuous' && this.used.size >= this.size) return this.runOut();
    const attempts = this.size === 'continuous' ? CONTINUOUS_ATTEMPTS : REJECTION_ATTEMPTS;
    for (let i = 0; i < attempts; i++) {
      const config = sampleConfig(this.space, this.rng);
      const key = configKey(config);
      if (!this.used.has(key)) return this.take(config, key);
    }
    const config = this.size === 'continuous' ? undefined : this.pickUnused();
    return config === undefined ? this.runOut() : this.take(config);
  }

  private take(config: Config, key = configKey(config)): Config {
    this.used.add(key);
    return config;
  }

  private runOut(): undefined {
    this.done = true;
    return undefined;
  }

  /** Uniform over the configs not drawn yet, by listing the finite space. */
  private pickUnused(): Config | undefined {
    const unused: Config[] = [];
    for (const config of enumerateConfigs(this.space, 1))
      if (!this.used.has(configKey(config))) unused.push(config);
    return unused.length > 0 ? this.rng.pick(unused) : undefined;
  }
}
