/**
 * A Study that times every call that reaches the oracle (ask, tell, checkpoint and best-trial queries).
 * The equal epoch budget itself is the study's own (settings.epochBudget); its anytime curve comes from
 * the trials' end points (core/race.ts).
 */
import { anytimeCurve, type AnytimePoint } from '../../../src/core/race';
import { Study, type Execution, type NextTrial, type Trial } from '../../../src/core/study';

export type { AnytimePoint };

export class BudgetStudy extends Study {
  /** Milliseconds spent inside the study. */
  oracleMs = 0;

  get anytime(): AnytimePoint[] {
    return anytimeCurve(this.trials, this.settings.objective.direction);
  }

  private timed<T>(call: () => T): T {
    const started = performance.now();
    try {
      return call();
    } finally {
      this.oracleMs += performance.now() - started;
    }
  }

  override next(): NextTrial {
    return this.timed(() => super.next());
  }

  override recordExecution(trialId: string, execution: Execution, elapsedMs?: number): number | undefined {
    return this.timed(() => super.recordExecution(trialId, execution, elapsedMs));
  }

  override needsCheckpoint(trialId: string): boolean {
    return this.timed(() => super.needsCheckpoint(trialId));
  }

  override best(): Trial | undefined {
    return this.timed(() => super.best());
  }
}
