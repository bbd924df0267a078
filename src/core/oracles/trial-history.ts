import { configKey, enumerateConfigs, sampleConfig, spaceSize } from '../space';
import type { Config } from '../space/types';
import { EXHAUSTED, MAX_TRIALS_REACHED } from './distinct-sampler';
import type { OracleContext, Proposal, TrialOrigin, TrialOutcome } from './types';

/** Duplicate random draws in a row before a finite space is listed to find its unused configs. */
const FINITE_ATTEMPTS = 64;
/** A continuous space never runs out; this many duplicate draws in a row means it effectively has. */
const CONTINUOUS_ATTEMPTS = 1000;

export interface CompletedTrial {
  config: Config;
  loss: number;
}

interface Entry {
  config: Config;
  status: 'pending' | 'completed' | 'failed';
  loss: number;
}

/**
 * What a single-fidelity, model-based oracle (bayesian, tpe) remembers: every proposal in order,
 * which are still running, which completed with which loss, which failed. It never proposes the same
 * config twice and stops at maxTrials or when the space is exhausted. A failed trial, or one told a
 * non-finite loss, is left out of the observations (the model never sees it) but stays proposed.
 */
export class TrialHistory {
  private readonly entries = new Map<string, Entry>();
  private readonly used = new Set<string>();
  private readonly size: number | 'continuous';
  private exhausted = false;

  constructor(private readonly ctx: OracleContext) {
    this.size = spaceSize(ctx.space);
  }

  /** Why nothing more can be proposed, or null while proposals remain possible. */
  stopReason(): string | null {
    if (this.entries.size >= this.ctx.settings.maxTrials) return MAX_TRIALS_REACHED;
    if (this.exhausted || (this.size !== 'continuous' && this.used.size >= this.size)) return EXHAUSTED;
    return null;
  }

  isNew(config: Config): boolean {
    return this.isNewKey(configKey(config));
  }

  /** `isNew` for a config whose `configKey` the caller already has. */
  isNewKey(key: string): boolean {
    return !this.used.has(key);
  }

  /** A random config never proposed before (the initial design and the fallback after collisions). */
  proposeRandom(why: 'start' | 'fallback' = 'start'): Proposal {
    const origin: TrialOrigin = { kind: 'random', why };
    const attempts = this.size === 'continuous' ? CONTINUOUS_ATTEMPTS : FINITE_ATTEMPTS;
    for (let i = 0; i < attempts; i++) {
      const config = sampleConfig(this.ctx.space, this.ctx.rng);
      const key = configKey(config);
      if (this.isNewKey(key)) return this.record(config, origin, key);
    }
    const unused = this.size === 'continuous' ? undefined : this.pickUnused();
    if (unused) return this.record(unused, origin);
    this.exhausted = true;
    return { kind: 'done', reason: EXHAUSTED };
  }

  /** The first config of `ranked` not proposed before (with what the model said of it), else a random unseen one. */
  proposeFirstNew(ranked: Iterable<{ config: Config; origin: TrialOrigin }>): Proposal {
    for (const { config, origin } of ranked) if (this.isNew(config)) return this.record(config, origin);
    return this.proposeRandom('fallback');
  }

  tell(trialId: string, outcome: TrialOutcome): void {
    const entry = this.entries.get(trialId);
    if (!entry || entry.status !== 'pending')
      throw new Error(`Trial "${trialId}" is not running in this oracle`);
    const usable =
      outcome.status === 'completed' && typeof outcome.loss === 'number' && Number.isFinite(outcome.loss);
    entry.status = usable ? 'completed' : 'failed';
    entry.loss = usable ? (outcome.loss as number) : NaN;
  }

  /** Completed trials with a finite loss, in proposal order. */
  completed(): CompletedTrial[] {
    const out: CompletedTrial[] = [];
    for (const e of this.entries.values())
      if (e.status === 'completed') out.push({ config: e.config, loss: e.loss });
    return out;
  }

  /** Configs asked for but not told yet, in proposal order. */
  pending(): Config[] {
    const out: Config[] = [];
    for (const e of this.entries.values()) if (e.status === 'pending') out.push(e.config);
    return out;
  }

  /** Uniform over the configs of a finite space not proposed yet, by listing the space. */
  private pickUnused(): Config | undefined {
    const unused: Config[] = [];
    for (const config of enumerateConfigs(this.ctx.space, 1)) if (this.isNew(config)) unused.push(config);
    return unused.length > 0 ? this.ctx.rng.pick(unused) : undefined;
  }

  private record(config: Config, origin: TrialOrigin, key = configKey(config)): Proposal {
    this.used.add(key);
    const id = String(this.entries.size);
    this.entries.set(id, { config, status: 'pending', loss: NaN });
    return { kind: 'trial', trial: { id, config, resource: this.ctx.settings.epochs, origin } };
  }
}
