/** Which trials the importance is computed on. */
import type { ImportanceRow } from '../../core/importance';
import type { Trial } from '../../core/study';

export interface ImportanceBasis {
  /** The epoch budget the rows were trained for. */
  budget: number | undefined;
  /** Whether the scored trials span several budgets (a multi-fidelity search). */
  several: boolean;
  rows: ImportanceRow[];
}

/**
 * Scores are compared at one epoch budget only, the largest that has `minRows` scored trials (else the
 * fullest): across budgets, "trained longer" would pass for "better hyperparameters".
 */
export function importanceBasis(trials: readonly Trial[], minRows: number): ImportanceBasis {
  const scored = trials.filter(
    (t) => t.state !== 'failed' && t.score !== undefined && Number.isFinite(t.score),
  );
  const byBudget = new Map<number, Trial[]>();
  for (const t of scored) byBudget.set(t.resource, [...(byBudget.get(t.resource) ?? []), t]);
  const budgets = [...byBudget.keys()].sort((a, b) => b - a);
  const size = (b: number) => byBudget.get(b)!.length;
  const fullest = budgets.reduce<number | undefined>(
    (best, b) => (best === undefined || size(b) > size(best) ? b : best),
    undefined,
  );
  const budget = budgets.find((b) => size(b) >= minRows) ?? fullest;
  const chosen = budget === undefined ? [] : byBudget.get(budget)!;
  return {
    budget,
    several: budgets.length > 1,
    rows: chosen.map((t) => ({ config: { ...t.config }, score: t.score! })),
  };
}
