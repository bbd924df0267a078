import type { Config } from '../space/types';
import type { PlanRound } from './hyperband-plan';
import type { OracleTrial, TrialOutcome } from './types';

/**
 * `open`: its round is not decided yet; `chosen`: selected, its promotion not proposed yet;
 * `promoted`: its promotion was proposed; `dropped`: not selected, or its round was the last.
 */
type Fate = 'open' | 'chosen' | 'promoted' | 'dropped';

interface BracketTrial {
  id: string;
  config: Config;
  round: number;
  running: boolean;
  /** NaN until completed; stays NaN for a failed trial or one that reported no finite loss. */
  loss: number;
  fate: Fate;
  /** How its round ranked it, once it was chosen to go on. */
  chosenAs?: { rank: number; of: number; keep: number };
}

export interface BracketSources {
  /** A config never proposed before, or undefined when the space has none left. */
  sample(): Config | undefined;
  /** Registers a proposal under this id. */
  issueId(id: string): string;
}

/**
 * One successive-halving bracket: round 0 trains new configs, round r+1 resumes the best of round r.
 * A round is decided only once every one of its trials has reported; promotions are the lowest losses
 * (ties keep ask order), failed trials are never promoted, and if too few survive all of them go on.
 * Trial ids are positions in the whole plan (`firstId` + the rounds before + the index in the round),
 * not ask order, so the same plan numbers its trials the same however many workers run it.
 */
export class BracketRunner {
  private round = 0;
  /** Trials the current round will hold (round 0 shrinks when the space runs out). */
  private target: number;
  private current: BracketTrial[] = [];
  /** Chosen parents of the current round whose promotions have not been proposed yet. */
  private queue: BracketTrial[] = [];
  private readonly trials = new Map<string, BracketTrial>();
  private over = false;
  /** Round 0 came up short because no new config could be sampled. */
  ranOut = false;

  private readonly roundStart: number[] = [];

  constructor(
    readonly bracket: number,
    private readonly rounds: PlanRound[],
    private readonly sources: BracketSources,
    firstId = 0,
  ) {
    if (rounds.length === 0) throw new Error('A bracket needs at least one round');
    this.target = rounds[0].models;
    for (const r of rounds) {
      this.roundStart.push(firstId);
      firstId += r.models;
    }
  }

  /** Trials in the whole bracket, when every round is full. */
  static size(rounds: readonly PlanRound[]): number {
    return rounds.reduce((n, r) => n + r.models, 0);
  }

  get finished(): boolean {
    return this.over;
  }

  /** The next trial this bracket can start now, or undefined (finished, or waiting for stragglers). */
  next(): OracleTrial | undefined {
    if (this.over) return undefined;
    if (this.round > 0) {
      const parent = this.queue.shift();
      return parent && this.promote(parent);
    }
    if (this.current.length >= this.target) return undefined;
    const config = this.sources.sample();
    if (config) return this.start(config, undefined);
    this.ranOut = true;
    this.target = this.current.length;
    this.decideIfComplete();
    return this.next();
  }

  tell(id: string, outcome: TrialOutcome): void {
    const trial = this.trials.get(id);
    if (!trial || !trial.running) throw new Error(`Trial "${id}" is not running in bracket ${this.bracket}`);
    trial.running = false;
    if (outcome.status === 'completed' && Number.isFinite(outcome.loss)) trial.loss = outcome.loss as number;
    this.decideIfComplete();
  }

  /** Its checkpoint is still needed: its round may yet promote it, or it was chosen and not resumed yet. */
  canBePromoted(id: string): boolean {
    const trial = this.trials.get(id);
    if (!trial || this.over) return false;
    if (trial.fate === 'chosen') return true;
    if (trial.fate !== 'open' || trial.round === this.rounds.length - 1) return false;
    return trial.running || !Number.isNaN(trial.loss);
  }

  private start(config: Config, parent: BracketTrial | undefined): OracleTrial {
    const trial: BracketTrial = {
      id: this.sources.issueId(String(this.roundStart[this.round] + this.current.length)),
      config,
      round: this.round,
      running: true,
      loss: NaN,
      fate: 'open',
    };
    this.trials.set(trial.id, trial);
    this.current.push(trial);
    return {
      id: trial.id,
      config: { ...config },
      resource: this.rounds[this.round].epochs,
      ...(parent && { parentId: parent.id }),
      bracket: this.bracket,
      round: this.round,
      origin: parent?.chosenAs ? { kind: 'promoted', ...parent.chosenAs } : { kind: 'random' },
    };
  }

  private promote(parent: BracketTrial): OracleTrial {
    parent.fate = 'promoted';
    return this.start(parent.config, parent);
  }

  private decideIfComplete(): void {
    if (this.over || this.current.length < this.target || this.current.some((t) => t.running)) return;
    const nextRound = this.rounds[this.round + 1];
    const survivors = this.current.filter((t) => !Number.isNaN(t.loss)).sort((a, b) => a.loss - b.loss);
    const chosen = nextRound ? survivors.slice(0, nextRound.models) : [];
    for (const t of this.current) t.fate = 'dropped';
    chosen.forEach((t, i) => {
      t.fate = 'chosen';
      t.chosenAs = { rank: i + 1, of: this.current.length, keep: nextRound.models };
    });
    if (chosen.length === 0) {
      this.over = true;
      return;
    }
    this.round++;
    this.target = chosen.length;
    this.current = [];
    this.queue = chosen;
  }
}
