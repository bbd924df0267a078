/**
 * A Study that (1) stops proposing once an epoch budget is committed, so every algorithm gets the same
 * budget, (2) times every call that reaches the oracle, and (3) records the anytime curve: the best
 * score so far against the epochs consumed.
 */
import {
  Study,
  type Execution,
  type NextTrial,
  type StudySettings,
  type Trial,
} from '../../../src/core/study';

export interface AnytimePoint {
  epochs: number;
  best: number;
}

export class BudgetStudy extends Study {
  /** Milliseconds spent inside the study (ask, tell, checkpoint and best-trial queries). */
  oracleMs = 0;
  readonly anytime: AnytimePoint[] = [];
  private committed = 0;
  private consumed = 0;
  private spent = false;

  constructor(
    settings: StudySettings,
    readonly epochBudget: number,
  ) {
    super(settings);
  }

  get epochsConsumed(): number {
    return this.consumed;
  }

  override next(): NextTrial {
    const started = performance.now();
    try {
      if (this.committed >= this.epochBudget) {
        this.spent = true;
        return { kind: 'wait' };
      }
      const next = super.next();
      if (next.kind === 'trial') {
        const budget = this.budgetFor(next.trial, 0);
        this.committed += (budget.epochs - budget.initialEpoch) * this.settings.executionsPerTrial;
      }
      return next;
    } finally {
      this.oracleMs += performance.now() - started;
    }
  }

  override recordExecution(trialId: string, execution: Execution): void {
    const started = performance.now();
    const trial = this.trial(trialId);
    const first = execution.history[0]?.epoch;
    const last = execution.history[execution.history.length - 1]?.epoch;
    if (first !== undefined && last !== undefined) this.consumed += last - first + 1;
    super.recordExecution(trialId, execution);
    this.oracleMs += performance.now() - started;
    this.recordBest(trial);
  }

  override needsCheckpoint(trialId: string): boolean {
    const started = performance.now();
    try {
      return super.needsCheckpoint(trialId);
    } finally {
      this.oracleMs += performance.now() - started;
    }
  }

  override best(): Trial | undefined {
    const started = performance.now();
    try {
      return super.best();
    } finally {
      this.oracleMs += performance.now() - started;
    }
  }

  /** Done when the oracle says so, or when the budget is spent and nothing is still running. */
  override get finished(): string | undefined {
    const done = super.finished;
    if (done) return done;
    const running = this.trials.some((t) => t.state === 'running' || t.state === 'pending');
    return this.spent && !running ? `epoch budget of ${this.epochBudget} spent` : undefined;
  }

  private recordBest(trial: Trial): void {
    if (trial.state === 'running') return;
    const best = super.best();
    if (best?.score !== undefined) this.anytime.push({ epochs: this.consumed, best: best.score });
  }
}
