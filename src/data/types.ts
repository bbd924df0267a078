/** The encoded dataset every trainer works on. Plain data + typed arrays: transferable to workers. */

export type Task = 'binary' | 'multiclass' | 'regression';

export interface Splits {
  /** Row indices into x/y. */
  train: Uint32Array;
  validation: Uint32Array;
  test: Uint32Array;
  /** k-fold cross-validation over train ∪ validation, when chosen: fold i is validation for run i. */
  folds?: Uint32Array[];
}

export interface Standardisation {
  /** Per encoded feature, fitted on the TRAIN split only. */
  mean: number[];
  std: number[];
}

export interface EncodedDataset {
  name: string;
  task: Task;
  /** Encoded feature names (one-hot columns are named `column=value`). */
  featureNames: string[];
  targetName: string;
  /** Class labels for classification (index = encoded class); empty for regression. */
  classNames: string[];
  rows: number;
  features: number;
  /** rows × features, row-major, ALREADY standardised with `scaler`. */
  x: Float32Array;
  /** binary: 0/1; multiclass: class index; regression: the target value. */
  y: Float32Array;
  splits: Splits;
  scaler: Standardisation;
}

/** Output layer and loss follow from the task. */
export function outputFor(task: Task, classes: number): { units: number; activation: string; loss: string } {
  if (task === 'binary') return { units: 1, activation: 'sigmoid', loss: 'binary_crossentropy' };
  if (task === 'multiclass')
    return { units: classes, activation: 'softmax', loss: 'categorical_crossentropy' };
  return { units: 1, activation: 'linear', loss: 'mean_squared_error' };
}

/** What training reports for a task besides `loss`, as Keras names them; validation adds `val_`. */
export const TASK_METRICS: Record<Task, readonly string[]> = {
  binary: ['accuracy', 'auc'],
  multiclass: ['accuracy'],
  regression: ['mae'],
};

/** Every metric name any task reports, training and validation: the objectives a link may name. */
export const ALL_METRICS: readonly string[] = [
  ...new Set(
    Object.values(TASK_METRICS).flatMap((names) => ['loss', ...names].flatMap((m) => [`val_${m}`, m])),
  ),
];
