/** What a data budget's rungs train on: a share of the training rows each, smallest first. */
import { isMultiFidelity } from '../oracles/registry';
import { budgetPlan } from '../planned-work';
import type { StudySettings } from '../study';

/** The distinct shares of the rows the rungs train on; empty unless a multi-fidelity tuner has a data budget. */
export function rungFractions(settings: Pick<StudySettings, 'space' | 'tuner' | 'budget'>): number[] {
  if (settings.budget !== 'data' || !isMultiFidelity(settings.tuner)) return [];
  const plan = budgetPlan(settings);
  const resources =
    plan.kind === 'brackets'
      ? plan.brackets.flatMap((b) => b.rounds.map((r) => r.epochs))
      : plan.kind === 'rungs'
        ? plan.rungs
        : [];
  const max = settings.tuner.maxEpochs;
  return [...new Set(resources)].sort((a, b) => a - b).map((r) => Math.min(1, r / max));
}

/** Rows each rung trains on, for `trainRows` training rows (the trainer keeps at least one). */
export const rowsPerRung = (
  settings: Pick<StudySettings, 'space' | 'tuner' | 'budget'>,
  trainRows: number,
): number[] => rungFractions(settings).map((f) => Math.max(1, Math.round(trainRows * f)));
