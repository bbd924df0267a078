/** What a search actually spent: trials by state, epochs trained, and why trials failed. */
import type { Trial } from '../../core/study';

export interface BudgetSummary {
  trials: number;
  completed: number;
  stopped: number;
  failed: number;
  /** Trials proposed but never finished (the search was stopped while they ran or waited). */
  unfinished: number;
  /** Epochs trained over every execution of every trial (a promoted trial counts only its own epochs). */
  epochs: number;
  /** Distinct failure reasons, most frequent first. */
  failures: { reason: string; count: number }[];
}

export function summariseBudget(trials: readonly Trial[]): BudgetSummary {
  const count = (state: Trial['state']) => trials.filter((t) => t.state === state).length;
  const reasons = new Map<string, number>();
  for (const t of trials) {
    if (t.state !== 'failed') continue;
    const reason = t.reason ?? 'no reason recorded';
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return {
    trials: trials.length,
    completed: count('completed'),
    stopped: count('stopped'),
    failed: count('failed'),
    unfinished: count('pending') + count('running'),
    epochs: trials.reduce((sum, t) => sum + t.executions.reduce((s, e) => s + e.history.length, 0), 0),
    failures: [...reasons].map(([reason, n]) => ({ reason, count: n })).sort((a, b) => b.count - a.count),
  };
}
