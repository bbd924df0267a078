/** The shape training sees: what the time estimate needs of a dataset (k-fold: one fold's rows). */
import type { TrainingShape } from '../core/estimate/execution-time';
import type { EncodedDataset } from './types';

export function trainingShape(dataset: EncodedDataset): TrainingShape {
  const { splits } = dataset;
  const outputs = dataset.task === 'multiclass' ? dataset.classNames.length : 1;
  const folds = splits.folds;
  if (folds && folds.length >= 2) {
    const total = folds.reduce((n, f) => n + f.length, 0);
    const validationRows = Math.round(total / folds.length);
    return { trainRows: total - validationRows, validationRows, features: dataset.features, outputs };
  }
  return {
    trainRows: splits.train.length,
    validationRows: splits.validation.length,
    features: dataset.features,
    outputs,
  };
}
