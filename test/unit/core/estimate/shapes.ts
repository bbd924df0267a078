/** The shapes the estimate is tested on: the shipped sets as the app loads them, and a 50,000-row file. */
import type { TrainingShape } from '../../../../src/core/estimate';
import { defaultSetup } from '../../../../src/core/experiment';
import type { StudySettings } from '../../../../src/core/study';
import { loadSynthetic } from '../../../../src/data';
import { trainingShape } from '../../../../src/data/shape';
import { catalogueDataset } from '../../support/optuna-fixtures';

function synthetic(kind: 'circle' | 'moons'): TrainingShape {
  const loaded = loadSynthetic(kind, { seed: 42, size: 500, noise: 0.1 });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return trainingShape(loaded.value.dataset);
}

export const SHIPPED: Record<string, TrainingShape> = {
  banknote: trainingShape(catalogueDataset('banknote')),
  'breast-cancer': trainingShape(catalogueDataset('breast-cancer')),
  iris: trainingShape(catalogueDataset('iris')),
  'pima-diabetes': trainingShape(catalogueDataset('pima-diabetes')),
  circle: synthetic('circle'),
  moons: synthetic('moons'),
};

/** The generated bank-marketing-shaped file as the app encodes it: 70/15/15 of 50,000 rows, 51 inputs. */
export const BANK_50K: TrainingShape = { trainRows: 35_000, validationRows: 7_500, features: 51, outputs: 1 };

export const defaultStudy = (): StudySettings => defaultSetup().study;

export const withTuner = (tuner: Partial<StudySettings['tuner']>, extra: Partial<StudySettings> = {}) => {
  const s = defaultStudy();
  return { ...s, ...extra, tuner: { ...s.tuner, ...tuner } };
};
