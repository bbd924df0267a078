/** How a trial's executions become one score: Keras Tuner's best-epoch value (or the last), averaged. */
import { mean } from './math/statistics';

export type Direction = 'min' | 'max';

export interface Objective {
  /** A metric reported per epoch: val_loss, val_accuracy, val_auc, val_mae, loss, accuracy… */
  metric: string;
  direction: Direction;
}

export type Scoring = 'best' | 'last';

export interface EpochRecord {
  /** 1-based and absolute: a promoted trial's first epoch follows its parent's last. */
  epoch: number;
  metrics: Record<string, number>;
  /** Standard errors of validation metrics from the validation rows, when the trainer sent them. */
  errors?: Record<string, number>;
  learningRate?: number;
}

export interface Spread {
  std: number;
  min: number;
  max: number;
}

export function better(direction: Direction, a: number, b: number): boolean {
  return direction === 'min' ? a < b : a > b;
}

/** The execution's score, or undefined when the objective was never reported (or only as NaN). */
export function executionScore(
  history: EpochRecord[],
  objective: Objective,
  scoring: Scoring,
): number | undefined {
  const values = history
    .map((e) => e.metrics[objective.metric])
    .filter((v): v is number => Number.isFinite(v));
  if (values.length === 0) return undefined;
  if (scoring === 'last') return values[values.length - 1];
  return values.reduce((best, v) => (better(objective.direction, v, best) ? v : best));
}

/** Sample standard deviation (0 for a single execution), with the range. */
export function spreadOf(values: number[]): Spread {
  const m = mean(values);
  const variance = values.length > 1 ? values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1) : 0;
  return { std: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
}

/** The oracles minimise: a maximised objective is told negated. */
export const toLoss = (score: number, direction: Direction): number => (direction === 'min' ? score : -score);
