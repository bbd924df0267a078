/** What the reports say about the data: built from the pipeline's analysis and encoded dataset. */
import type { DatasetAnalysis } from '../../data/analyse';
import type { Delimiter } from '../../data/table';
import type { EncodedDataset, Task } from '../../data/types';

export interface DatasetDescription {
  name: string;
  fileName: string;
  /** Rows used (those with a target value). */
  rows: number;
  /** Encoded input features (after one-hot encoding). */
  features: number;
  task: Task;
  target: string;
  /** Binary: [negative, positive]; multiclass: in class-index order; empty for regression. */
  classNames: string[];
  /** Rows in each split. */
  splitSizes: { train: number; validation: number; test: number };
  /** k-fold cross-validation over train ∪ validation; 0 = one validation split. */
  folds: number;
  /** Standardisation statistics were fitted on the training rows only (always true in this app). */
  standardisedOnTrainOnly: boolean;
  /** Feature columns with missing cells and what filled them (fitted on the training rows). */
  imputed: { column: string; missing: number; value: number | string }[];
  /** Categorical feature columns, one-hot encoded. */
  categorical: string[];
  /** Numeric feature columns, as read. */
  numeric: string[];
  ignored: { column: string; reason: string }[];
  /** How the file is read again outside the app. */
  file: { delimiter: Delimiter; hasHeader: boolean; columns: string[] };
}

export function describeDataset(analysis: DatasetAnalysis, dataset: EncodedDataset): DatasetDescription {
  const features = analysis.columns.filter((c) => c.role === 'feature');
  return {
    name: dataset.name,
    fileName: analysis.fileName,
    rows: analysis.rowsUsed,
    features: dataset.features,
    task: dataset.task,
    target: analysis.target,
    classNames: [...dataset.classNames],
    splitSizes: {
      train: dataset.splits.train.length,
      validation: dataset.splits.validation.length,
      test: dataset.splits.test.length,
    },
    folds: dataset.splits.folds?.length ?? 0,
    standardisedOnTrainOnly: true,
    imputed: features
      .filter((c) => c.missing > 0 && c.imputedWith !== undefined)
      .map((c) => ({ column: c.name, missing: c.missing, value: c.imputedWith! })),
    categorical: features.filter((c) => c.type === 'categorical').map((c) => c.name),
    numeric: features.filter((c) => c.type === 'numeric').map((c) => c.name),
    ignored: analysis.columns
      .filter((c) => c.role === 'ignored')
      .map((c) => ({ column: c.name, reason: c.reason ?? 'left out' })),
    file: {
      delimiter: analysis.delimiter,
      hasHeader: analysis.hasHeader,
      columns: [...analysis.preview.header],
    },
  };
}
