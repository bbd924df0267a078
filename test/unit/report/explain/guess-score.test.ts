/** The guess that ignores the inputs: its score on each metric, and the best trial read against it. */
import { describe, expect, it } from 'vitest';
import type { Trial } from '../../../../src/core/study';
import type { EncodedDataset } from '../../../../src/data/types';
import { guessScore, lopsidedAccuracy, testGuess } from '../../../../src/report/explain/guess-score';
import { lopsidedWords, readGuess } from '../../../../src/report/explain/guess-words';
import { scoreNoise } from '../../../../src/report/explain/noise-judgement';

type GuessData = Pick<EncodedDataset, 'task' | 'classNames' | 'y' | 'splits'>;

const u32 = (xs: number[]) => Uint32Array.from(xs);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** Rows 0–79 train, 80–99 validation; the labels given per row. */
function data(task: GuessData['task'], y: number[], classNames: string[] = []): GuessData {
  return {
    task,
    classNames,
    y: Float32Array.from(y),
    splits: { train: u32(range(0, 80)), validation: u32(range(80, 100)), test: u32([]) },
  };
}

/** 60 "no" and 20 "yes" in training; 15 "no" and 5 "yes" in validation. */
const lopsided = () =>
  data(
    'binary',
    range(0, 100).map((r) => (r < 80 ? (r < 60 ? 0 : 1) : r < 95 ? 0 : 1)),
    ['no', 'yes'],
  );

describe('guessScore', () => {
  it('answers the most common class of the training rows and scores it on the validation rows', () => {
    const g = guessScore(lopsided(), 'val_accuracy')!;
    expect(g).toMatchObject({ kind: 'most-common', value: 'no', score: 0.75 });
    expect(g.share).toBeCloseTo(0.75);
  });

  it('scores a training metric on the training rows', () => {
    expect(guessScore(lopsided(), 'accuracy')!.score).toBeCloseTo(0.75);
  });

  it('gives the class shares as probabilities for cross-entropy', () => {
    // p(yes) = 0.25 from training; validation has 15 no, 5 yes.
    const expected = -(15 * Math.log(0.75) + 5 * Math.log(0.25)) / 20;
    expect(guessScore(lopsided(), 'val_loss')!.score).toBeCloseTo(expected, 10);
  });

  it('uses each class share for a multi-class loss, and clips a class the training rows lack', () => {
    const y = range(0, 100).map((r) => (r < 80 ? r % 2 : 2));
    const g = guessScore(data('multiclass', y, ['a', 'b', 'c']), 'val_loss')!;
    expect(g.score).toBeCloseTo(-Math.log(1e-7), 5);
    expect(Number.isFinite(g.score)).toBe(true);
  });

  it('is 0.5 for AUC', () => {
    expect(guessScore(lopsided(), 'val_auc')).toMatchObject({ kind: 'constant', score: 0.5 });
  });

  it('predicts the training mean for squared error and the median for absolute error', () => {
    const y = range(0, 100).map((r) => (r < 80 ? (r < 40 ? 0 : 10) : 20));
    const d = data('regression', y);
    expect(guessScore(d, 'val_loss')).toMatchObject({ kind: 'mean', value: 5, score: 225 });
    // The median of 40 zeros and 40 tens is 5; every validation row is 20.
    expect(guessScore(d, 'val_mae')).toMatchObject({ kind: 'median', value: 5, score: 15 });
  });

  it('averages over the folds the executions validated on, each guess fitted on the other folds', () => {
    const y = range(0, 90).map((r) => (r < 30 ? 0 : r < 60 ? (r < 50 ? 0 : 1) : 1));
    const d: GuessData = {
      task: 'binary',
      classNames: ['no', 'yes'],
      y: Float32Array.from(y),
      splits: {
        train: u32([]),
        validation: u32([]),
        test: u32([]),
        folds: [u32(range(0, 30)), u32(range(30, 60)), u32(range(60, 90))],
      },
    };
    // Fold 0 out: the others hold 20 no, 40 yes → "yes", right on 0 of fold 0's 30.
    // Fold 1 out: 30 no, 30 yes → a tie goes to class 0, "no", right on 20 of 30.
    const two = guessScore(d, 'val_accuracy', 2)!;
    expect(two.score).toBeCloseTo((0 + 20 / 30) / 2);
    expect(two.value).toBeUndefined();
    expect(guessScore(d, 'val_accuracy', 1)!.score).toBe(0);
  });

  it('scores the same guess on the test rows for the test evaluation', () => {
    const d = lopsided();
    // Test rows 90–99 of the same labels: 5 "no" (90–94), 5 "yes".
    d.splits = { ...d.splits, validation: u32(range(80, 90)), test: u32(range(90, 100)) };
    expect(testGuess(d, 'accuracy')).toMatchObject({ kind: 'most-common', value: 'no', score: 0.5 });
    expect(testGuess(d, 'auc')?.score).toBe(0.5);
  });

  it('finds the median by selection: odd and even counts, ties, any order', () => {
    for (let trial = 0; trial < 50; trial++) {
      const n = 81 + (trial % 2);
      const values = Array.from({ length: n }, (_, i) => ((i * 7919 + trial * 104729) % 37) / 4);
      const y = [...values, ...new Array(20).fill(0)];
      const d: GuessData = {
        task: 'regression',
        classNames: [],
        y: Float32Array.from(y),
        splits: { train: u32(range(0, n)), validation: u32(range(n, n + 20)), test: u32([]) },
      };
      const sorted = [...values].sort((a, b) => a - b);
      const expected = n % 2 ? sorted[n >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      expect(guessScore(d, 'val_mae')!.value).toBeCloseTo(expected, 6);
    }
  });

  it('has no guess without rows to judge it on', () => {
    const d = lopsided();
    d.splits = { ...d.splits, validation: u32([]) };
    expect(guessScore(d, 'val_accuracy')).toBeUndefined();
  });
});

function best(score: number): Trial {
  return {
    id: '7',
    number: 6,
    config: {},
    resource: 3,
    state: 'completed',
    executions: [{ status: 'completed', score, history: [] }],
    score,
  };
}

const accuracy = { metric: 'val_accuracy', direction: 'max' } as const;
const rows = (validation: number) => ({ train: 4 * validation, validation, test: validation });

describe('readGuess', () => {
  const guess = {
    metric: 'val_accuracy',
    kind: 'most-common' as const,
    value: 'no',
    share: 0.883,
    score: 0.883,
  };

  it('says the best trial learnt nothing when it is within the noise of guessing the common class', () => {
    const trial = best(0.891);
    const reading = readGuess(trial, guess, accuracy, scoreNoise(trial, 'val_accuracy', rows(1000)));
    expect(reading.clears).toBe(false);
    expect(reading.text).toContain(
      'always answers “no” (the most common class, 88.3 % of the training rows)',
    );
    expect(reading.text).toContain('scores val_accuracy 0.883');
    expect(reading.text).toContain('within the validation noise');
    expect(reading.text).toContain('nothing the class balance does not already give');
    expect(reading.text).toContain('AUC');
  });

  it('says the network learnt from the inputs when the best is beyond the noise', () => {
    const trial = best(0.95);
    const reading = readGuess(trial, guess, accuracy, scoreNoise(trial, 'val_accuracy', rows(1000)));
    expect(reading.clears).toBe(true);
    expect(reading.text).toContain('Trial #7, the best, is 0.067 (67 of 1,000 validation rows) ahead of it');
    expect(reading.text).toContain('The network learnt from the inputs.');
  });

  it('names a class that is a number as a class', () => {
    const trial = best(0.95);
    const numbered = { ...guess, value: '0' };
    const reading = readGuess(trial, numbered, accuracy, scoreNoise(trial, 'val_accuracy', rows(1000)));
    expect(reading.text).toContain('always answers class 0 (the most common class');
  });

  it('counts the trials that scored no better than the guess, or within the noise of a score at its level', () => {
    // At 0.883 on 1,000 rows, 2 standard errors are 2·√(0.883 × 0.117 / 1000) = 0.0203: up to 0.9033.
    const trials = [
      best(0.95),
      { ...best(0.9), id: '1', number: 0 },
      { ...best(0.883), id: '2', number: 1 },
      { ...best(0.5), id: '3', number: 2 },
    ];
    const noise = scoreNoise(trials[0], 'val_accuracy', rows(1000));
    const reading = readGuess(trials[0], guess, accuracy, noise, trials);
    expect(reading.text).toContain(
      '3 of the 4 trials scored no better than the guess, or within the validation noise of it (up to 0.9033): those configurations learnt little or nothing from the inputs',
    );
    const alone = readGuess(trials[0], guess, accuracy, noise);
    expect(alone.text).not.toContain('scored no better');
  });

  it('says no trial beat the guess when the best scores below it', () => {
    const trial = best(0.85);
    const reading = readGuess(trial, guess, accuracy, scoreNoise(trial, 'val_accuracy', rows(1000)));
    expect(reading.clears).toBe(false);
    expect(reading.text).toContain('scores 0.85: no better');
  });

  it('gives no verdict when the noise of a loss is unknown', () => {
    const trial = best(0.2);
    const lossGuess = { metric: 'val_loss', kind: 'shares' as const, score: 0.69 };
    const objective = { metric: 'val_loss', direction: 'min' } as const;
    const reading = readGuess(trial, lossGuess, objective, scoreNoise(trial, 'val_loss', rows(100)));
    expect(reading.clears).toBeUndefined();
    expect(reading.text).toContain('class shares of its training rows as probabilities');
    expect(reading.text).toContain('no estimate of the noise');
  });
});

describe('lopsidedAccuracy', () => {
  /** 80 training rows, `common` of them class 0. */
  const classes = (task: 'binary' | 'multiclass', common: number) =>
    data(
      task,
      range(0, 100).map((r) => (r < common ? 0 : task === 'binary' ? 1 : 1 + (r % 2))),
      task === 'binary' ? ['no', 'yes'] : ['a', 'b', 'c'],
    );

  it('offers AUC for two classes when one is 80 % of the training rows or more', () => {
    const found = lopsidedAccuracy(classes('binary', 68), 'val_accuracy')!;
    expect(found.better).toBe('val_auc');
    expect(found.guess.share).toBeCloseTo(0.85);
    expect(lopsidedWords(found, 'binary')).toEqual({
      headline: '85 % of the training rows are “no”.',
      text: `Always answering “no”, without looking at the inputs, already scores val_accuracy ${found.guess.score}, so accuracy barely tells the models apart. val_auc scores how well a model ranks the rows of the rarer class above the others, where a guess scores 0.5.`,
    });
  });

  it('offers the loss for more classes, and the training metric for a training objective', () => {
    expect(lopsidedAccuracy(classes('multiclass', 70), 'val_accuracy')?.better).toBe('val_loss');
    expect(lopsidedAccuracy(classes('binary', 70), 'accuracy')?.better).toBe('auc');
  });

  it('says nothing below 80 %, for another objective, or for regression', () => {
    expect(lopsidedAccuracy(classes('binary', 60), 'val_accuracy')).toBeUndefined();
    expect(lopsidedAccuracy(classes('binary', 70), 'val_auc')).toBeUndefined();
    expect(lopsidedAccuracy(data('regression', range(0, 100)), 'val_accuracy')).toBeUndefined();
  });
});
