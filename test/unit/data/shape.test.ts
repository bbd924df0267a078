import { describe, expect, it } from 'vitest';
import { trainingShape } from '../../../src/data/shape';
import { catalogueDataset } from '../support/optuna-fixtures';

describe('the shape training sees', () => {
  it('is the training and validation rows, the encoded inputs and the output units', () => {
    const iris = catalogueDataset('iris');
    expect(trainingShape(iris)).toEqual({
      trainRows: iris.splits.train.length,
      validationRows: iris.splits.validation.length,
      features: 4,
      outputs: 3,
    });
  });

  it('with k folds, is one fold’s: the others train, it validates', () => {
    const banknote = catalogueDataset('banknote', { folds: 5 });
    const total = banknote.splits.folds!.reduce((n, f) => n + f.length, 0);
    const shape = trainingShape(banknote);
    expect(shape.validationRows).toBe(Math.round(total / 5));
    expect(shape.trainRows + shape.validationRows).toBe(total);
    expect(shape.outputs).toBe(1);
  });
});
