/** "How do we choose the best set?": the score, the gap, the noise, the runner-up, ties and the test split. */
import { describe, expect, it } from 'vitest';
import { defaultTunerSettings } from '../../../../src/core/oracles/settings';
import type { EpochRecord } from '../../../../src/core/scoring';
import type { Trial } from '../../../../src/core/study';
import {
  explainChoice,
  findRunnerUp,
  scoredRecord,
  trainValidationGap,
  type ChoiceInput,
} from '../../../../src/report/explain/best-choice';

const accuracy = { metric: 'val_accuracy', direction: 'max' } as const;
const loss = { metric: 'val_loss', direction: 'min' } as const;

/** Three epochs; the scored one (epoch 2) has the given values, the others are worse. */
function history(val: number, train: number, metric = 'accuracy', worse = -0.05): EpochRecord[] {
  return [1, 2, 3].map((epoch) => ({
    epoch,
    metrics: {
      [`val_${metric}`]: epoch === 2 ? val : val + worse,
      [metric]: epoch === 2 ? train : train + worse,
    },
  }));
}

function trial(
  number: number,
  scores: number[],
  opts: { train?: number; lr?: number; metric?: string } = {},
): Trial {
  const metric = opts.metric ?? 'accuracy';
  const worse = metric === 'accuracy' ? -0.05 : 0.05;
  const mean = scores.reduce((s, v) => s + v, 0) / scores.length;
  const sd =
    scores.length > 1 ? Math.sqrt(scores.reduce((s, v) => s + (v - mean) ** 2, 0) / (scores.length - 1)) : 0;
  return {
    id: String(number),
    number,
    config: { lr: opts.lr ?? number },
    resource: 3,
    state: 'completed',
    executions: scores.map((score) => ({
      status: 'completed' as const,
      score,
      history: history(score, opts.train ?? score + 0.02, metric, worse),
    })),
    score: mean,
    spread: { std: sd, min: Math.min(...scores), max: Math.max(...scores) },
  };
}

function input(
  trials: Trial[],
  over: Partial<ChoiceInput['settings']> = {},
  rows?: ChoiceInput['rows'],
): ChoiceInput {
  return {
    trials,
    settings: {
      objective: accuracy,
      scoring: 'best',
      executionsPerTrial: trials[0]?.executions.length ?? 1,
      tuner: { ...defaultTunerSettings, algorithm: 'random' },
      ...over,
    },
    rows: rows ?? { train: 960, validation: 200, test: 206 },
  };
}

describe('the pieces', () => {
  it('the scored epoch: the first best one, or the last one', () => {
    const h: EpochRecord[] = [
      { epoch: 1, metrics: { val_loss: 0.5 } },
      { epoch: 2, metrics: { val_loss: 0.3 } },
      { epoch: 3, metrics: { val_loss: 0.3 } },
      { epoch: 4, metrics: { val_loss: NaN } },
    ];
    expect(scoredRecord(h, loss, 'best')?.epoch).toBe(2);
    expect(scoredRecord(h, loss, 'last')?.epoch).toBe(3);
    expect(scoredRecord([], loss, 'best')).toBeUndefined();
  });

  it('the train–validation gap at the scored epoch, signed by the direction', () => {
    expect(trainValidationGap(trial(0, [0.9], { train: 0.97 }), accuracy, 'best')).toEqual({
      epoch: 2,
      trainMetric: 'accuracy',
      validationMetric: 'val_accuracy',
      train: 0.97,
      validation: 0.9,
      worse: expect.closeTo(0.07, 12),
    });
    const l = trainValidationGap(trial(0, [0.4], { train: 0.25, metric: 'loss' }), loss, 'best')!;
    expect([l.train, l.validation, l.worse]).toEqual([0.25, 0.4, expect.closeTo(0.15, 12)]);
    const noTrain: Trial = {
      ...trial(0, [0.9]),
      executions: [
        { status: 'completed', score: 0.9, history: [{ epoch: 1, metrics: { val_accuracy: 0.9 } }] },
      ],
    };
    expect(trainValidationGap(noTrain, accuracy, 'best')).toBeUndefined();
  });

  it('the runner-up is another configuration: a promoted copy of the winner does not count', () => {
    const best = trial(5, [0.95], { lr: 1 });
    const itsParent = trial(2, [0.94], { lr: 1 });
    const other = trial(3, [0.93], { lr: 2 });
    expect(findRunnerUp(best, [itsParent, other, best], accuracy)?.id).toBe('3');
  });
});

describe('the answer on screen', () => {
  it('accuracy on 200 rows: a runner-up within 2 standard errors is statistically tied', () => {
    const choice = explainChoice(input([trial(0, [0.9], { train: 0.99 }), trial(1, [0.89])]))!;
    expect(choice.best.id).toBe('0');
    expect(choice.runnerUp).toMatchObject({ difference: expect.closeTo(0.01, 12), tied: true });
    const text = Object.fromEntries(choice.sections.map((s) => [s.id, s.text]));
    expect(choice.sections.map((s) => s.id)).toEqual(['score', 'gap', 'noise', 'runner-up', 'ties', 'test']);
    expect(text.score).toBe(
      "A trial's score is the val_accuracy of its best epoch (higher is better), from one execution (one training run). The best score wins: Trial #1 with val_accuracy 0.9.",
    );
    expect(text.gap).toBe(
      'At its scored epoch, epoch 2, Trial #1 had accuracy 0.99 on its training rows and val_accuracy 0.9 on the validation rows: validation is worse by 0.09. That is more than the validation noise (2 × 0.021): the model fits its training rows better than new ones, a sign of overfitting.',
    );
    expect(text.noise).toBe(
      'The validation split has 200 rows. An accuracy p measured on n rows has a standard error of √(p(1−p)/n) = √(0.9 × 0.1 / 200) = 0.021: the true accuracy is likely between 0.8576 and 0.9424 (about 95 %).',
    );
    expect(text['runner-up']).toBe(
      'The runner-up, Trial #2 (val_accuracy 0.89), is 0.01 (2 of 200 validation rows) behind: within the validation noise (2 standard errors are 0.042 at 200 validation rows), so the data cannot tell the two apart.',
    );
    expect(text.ties).toContain('A statistical tie is not broken by the data');
    expect(text.test).toBe(
      'The 206 test rows took no part in the search. Use them once, for the chosen configuration only: that score estimates how the model does on new data. Choosing between trials by their test score would make the test split a second validation split, and its score optimistic.',
    );
  });

  it('reads the best trial against a guess that ignores the inputs, second, when there is one', () => {
    const guess = {
      metric: 'val_accuracy',
      kind: 'most-common' as const,
      value: 'no',
      share: 0.85,
      score: 0.88,
    };
    const choice = explainChoice({ ...input([trial(0, [0.9]), trial(1, [0.7])]), guess })!;
    expect(choice.sections.map((s) => s.id).slice(0, 2)).toEqual(['score', 'guess']);
    expect(choice.guess?.clears).toBe(false);
    expect(choice.sections[1]).toMatchObject({ title: 'Better than a guess?' });
    expect(choice.sections[1].text).toBe(
      'A model that ignores its inputs and always answers “no” (the most common class, 85 % of the training rows) scores val_accuracy 0.88. Trial #1, the best, is 0.02 (4 of 200 validation rows) ahead of it: within the validation noise (2 standard errors are 0.042 at 200 validation rows), so the data cannot tell the two apart. The search found nothing the class balance does not already give; with one class this common, a metric that weighs the rarer one (AUC, or the loss) tells models apart better.',
    );
  });

  it('a difference larger than the noise is likely real; a small gap is within the noise', () => {
    const rows = { train: 10_000, validation: 5000, test: 5000 };
    const choice = explainChoice(input([trial(0, [0.8], { train: 0.801 }), trial(1, [0.7])], {}, rows))!;
    expect(choice.runnerUp?.tied).toBe(false);
    const text = Object.fromEntries(choice.sections.map((s) => [s.id, s.text]));
    expect(text['runner-up']).toMatch(
      /is 0\.1 \(500 of 5,000 validation rows\) behind: more than the validation noise \(2 standard errors are 0\.011 at 5,000 validation rows\), so the difference is likely real\.$/,
    );
    expect(text.gap).toMatch(
      /That is within the validation noise \(2 × 0\.0057\): no clear sign of overfitting\.$/,
    );
    expect(text.ties).not.toContain('statistical tie');
  });

  it('a perfect validation score uses Agresti–Coull, not a zero standard error', () => {
    const choice = explainChoice(
      input(
        [trial(0, [1], { train: 0.98 }), trial(1, [0.995])],
        {},
        { train: 960, validation: 206, test: 206 },
      ),
    )!;
    const noise = choice.sections.find((s) => s.id === 'noise')!.text;
    expect(noise).toContain(
      'With no wrong answer among 206 rows, the usual √(p(1−p)/n) would claim too little noise',
    );
    expect(noise).toMatch(
      /√\(p̃\(1−p̃\)\/\(n\+4\)\) = √\(0\.9905 × 0\.009524 \/ 210\) = 0\.0067: the true accuracy is likely between 0\.9866 and 1 \(about 95 %\)\.$/,
    );
    expect(choice.runnerUp?.tied).toBe(true);
  });

  it('validation better than training is no sign of overfitting', () => {
    const choice = explainChoice(input([trial(0, [0.95], { train: 0.9 })]))!;
    expect(choice.sections.find((s) => s.id === 'gap')!.text).toMatch(
      /validation is as good or better\. .* no sign of overfitting\.$/,
    );
    expect(choice.sections.find((s) => s.id === 'runner-up')!.text).toBe(
      'No other configuration has a score to compare with.',
    );
  });

  it('a loss from one execution: the noise cannot be estimated, so neither can a tie', () => {
    const choice = explainChoice(
      input([trial(0, [0.3], { metric: 'loss' }), trial(1, [0.35], { metric: 'loss' })], { objective: loss }),
    )!;
    const text = Object.fromEntries(choice.sections.map((s) => [s.id, s.text]));
    expect(text.noise).toBe(
      'These results hold no standard error of val_loss from the validation rows (results saved by an earlier version do not), and one execution shows no spread. Set Executions per trial above 1, or use k-fold cross-validation, to measure it.',
    );
    expect(text['runner-up']).toBe(
      'The runner-up, Trial #2 (val_loss 0.35), is 0.05 behind: no estimate of the noise says whether that is real (these results hold no standard error of val_loss from the validation rows, and one execution per trial shows no spread).',
    );
    expect(choice.runnerUp?.tied).toBeUndefined();
  });

  it("a loss from one execution, with the trainer's standard error from the validation rows", () => {
    const withErrors = (t: Trial, se: number): Trial => ({
      ...t,
      executions: t.executions.map((e) => ({
        ...e,
        history: e.history.map((h) => ({ ...h, errors: { val_loss: se } })),
      })),
    });
    const choice = explainChoice(
      input(
        [
          withErrors(trial(0, [0.3], { metric: 'loss' }), 0.02),
          withErrors(trial(1, [0.35], { metric: 'loss' }), 0.03),
        ],
        { objective: loss },
      ),
    )!;
    const text = Object.fromEntries(choice.sections.map((s) => [s.id, s.text]));
    expect(text.noise).toBe(
      'val_loss is a mean over 200 validation rows: the spread of its per-row values gives it a standard error (sd/√n) of 0.02: the true value is likely between 0.26 and 0.34 (about 95 %).',
    );
    expect(text['runner-up']).toBe(
      'The runner-up, Trial #2 (val_loss 0.35), is 0.05 behind: more than the validation noise (2 standard errors are 0.04 at 200 validation rows), so the difference is likely real.',
    );
  });

  it('a loss over three executions: the spread gives the standard error of the mean', () => {
    const choice = explainChoice(
      input(
        [trial(0, [0.3, 0.32, 0.34], { metric: 'loss' }), trial(1, [0.33, 0.35, 0.37], { metric: 'loss' })],
        {
          objective: loss,
          executionsPerTrial: 3,
        },
      ),
    )!;
    const text = Object.fromEntries(choice.sections.map((s) => [s.id, s.text]));
    expect(text.score).toContain('averaged over its 3 executions (training runs with different seeds)');
    expect(text.noise).toBe(
      'Over its 3 executions val_loss varied with a standard deviation of 0.02, so the mean has a standard error of 0.02/√3 = 0.012: the true value is likely within 0.32 ± 0.023.',
    );
    expect(choice.runnerUp?.tied).toBe(false);
    expect(text['runner-up']).toMatch(
      /is 0\.03 behind: more than the noise \(2 standard errors are 0\.023 over 3 executions\), so the difference is likely real\.$/,
    );
  });

  it('k-fold: the folds the executions validated on', () => {
    const folds = { train: 0, validation: 0, test: 200, folds: [300, 300, 300, 300] };
    const choice = explainChoice(
      input([trial(0, [0.9, 0.92]), trial(1, [0.8, 0.8])], { executionsPerTrial: 2 }, folds),
    )!;
    expect(choice.sections.find((s) => s.id === 'noise')!.text).toMatch(
      /^Its executions validated on 2 folds of the cross-validation, 600 rows in all\. .* with the spread over executions \(0\.01\) it is 0\.01[\d]*:/,
    );
  });

  it('an exact tie goes to the lower trial number, whichever finished first', () => {
    const choice = explainChoice(input([trial(3, [0.9]), trial(1, [0.9])]))!;
    expect(choice.best.id).toBe('1');
    const text = Object.fromEntries(choice.sections.map((s) => [s.id, s.text]));
    expect(text['runner-up']).toBe(
      'The runner-up, Trial #4, has exactly the same score: the two are tied at any validation size.',
    );
    expect(text.ties).toContain(
      'Trial #2 and #4 score exactly the same: #2 wins because its number is lower.',
    );
  });

  it('the score of a multi-fidelity study, scored at the last epoch', () => {
    const choice = explainChoice(
      input([trial(0, [0.9])], {
        scoring: 'last',
        tuner: { ...defaultTunerSettings, algorithm: 'hyperband' },
      }),
    )!;
    const text = Object.fromEntries(choice.sections.map((s) => [s.id, s.text]));
    expect(text.score).toContain('the val_accuracy of its last epoch');
    expect(text.score).toContain('Trials at every rung compete');
    expect(text.ties).toContain('Within a trial the score is its last epoch.');
  });

  it('nothing to choose from: no answer', () => {
    expect(explainChoice(input([{ ...trial(0, [0.9]), state: 'failed', score: undefined }]))).toBeUndefined();
  });
});
