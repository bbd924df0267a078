import { MAX_TRIALS_REACHED } from './distinct-sampler';
import type { Proposal } from './types';

/**
 * Trial ids ('0', '1', … in ask order unless the caller names them), the running set and the maxTrials cap for the multi-fidelity
 * oracles. Issuing an id IS proposing a trial: every id issued counts against maxTrials.
 */
export class TrialLedger {
  private issued = 0;
  private readonly running = new Set<string>();

  constructor(private readonly maxTrials: number) {}

  /** No more proposals: maxTrials has been reached. */
  get full(): boolean {
    return this.issued >= this.maxTrials;
  }

  get runningCount(): number {
    return this.running.size;
  }

  issueId(id = String(this.issued)): string {
    this.issued++;
    this.running.add(id);
    return id;
  }

  /** Throws for an id that was never proposed or was already reported: a caller bug, not a trial failure. */
  report(id: string): void {
    if (!this.running.delete(id)) throw new Error(`Trial "${id}" is not running in this oracle`);
  }

  /** Once full: wait while proposed trials still run (their results are still wanted), then done. */
  whenFull(): Proposal {
    return this.running.size > 0 ? { kind: 'wait' } : { kind: 'done', reason: MAX_TRIALS_REACHED };
  }
}
