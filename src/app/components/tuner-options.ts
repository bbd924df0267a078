/** Choices of the tuner panel that depend on the task or the machine. */
import type { Direction, Objective } from '../../core/scoring';
import { TASK_METRICS, type Task } from '../../data/types';

export interface MetricOption {
  metric: string;
  label: string;
}

const WORDS: Record<string, string> = {
  accuracy: 'accuracy',
  auc: 'AUC',
  mae: 'mean absolute error',
  loss: 'loss',
};

/** The validation metrics a task reports, its own first, then the loss. */
function taskOptions(task: Task): MetricOption[] {
  return [...TASK_METRICS[task], 'loss'].map((name) => ({
    metric: `val_${name}`,
    label:
      name === 'loss' && task === 'regression'
        ? 'Validation loss (mean squared error)'
        : `Validation ${WORDS[name] ?? name}`,
  }));
}

/** The objectives a task reports; every metric of every task when the task is not known yet. */
export function objectiveOptions(task: Task | undefined): MetricOption[] {
  if (task) return taskOptions(task);
  const all = new Map<string, MetricOption>();
  for (const t of Object.keys(TASK_METRICS) as Task[])
    for (const o of taskOptions(t)) if (!all.has(o.metric)) all.set(o.metric, o);
  return [...all.values()];
}

/** Losses and errors are minimised; accuracy and AUC maximised. */
export const directionOf = (metric: string): Direction => (/loss|mae|mse|error/.test(metric) ? 'min' : 'max');

/** The objective to use for a task: unchanged when it applies, else the task's first. */
export function objectiveFor(task: Task | undefined, current: Objective): Objective {
  const options = objectiveOptions(task);
  const metric = options.some((o) => o.metric === current.metric) ? current.metric : options[0].metric;
  return { metric, direction: directionOf(metric) };
}

/**
 * Trainer workers for a machine with this many cores: one per core up to two (on 2 cores the default
 * search ran faster with 2 workers than with 1: the bench's whole-search figure), then one core left
 * free for the page, at most 4.
 */
export const recommendedWorkers = (hardwareConcurrency: number): number => {
  const cores = Math.max(1, Math.floor(hardwareConcurrency));
  return Math.min(cores, Math.max(2, Math.min(cores - 1, 4)));
};

/** A fresh 31-bit seed from the browser's cryptographic generator. */
export function freshSeed(): number {
  const word = new Uint32Array(1);
  crypto.getRandomValues(word);
  return word[0] >>> 1;
}
