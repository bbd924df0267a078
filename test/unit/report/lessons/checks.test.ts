/** Each lesson's check on constructed runs: for the claim, against it, and not yet. */
import { describe, expect, it } from 'vitest';
import { badSpace } from '../../../../src/report/lessons/bad-space';
import { decay } from '../../../../src/report/lessons/decay';
import { hyperbandEpochs } from '../../../../src/report/lessons/hyperband-epochs';
import { learningRate } from '../../../../src/report/lessons/learning-rate';
import { validationNoise } from '../../../../src/report/lessons/validation-noise';
import type { Trial } from '../../../../src/core/study';
import { lane, run, trial } from './lesson-fixtures';

const rates = (scores: (number | undefined)[]) =>
  [0.001, 0.01, 0.1, 1, 3].map((lr, i) => trial(i, scores[i], { learning_rate: lr }));

describe('learning-rate', () => {
  it('supports the claim when the rates of 1 and more score beyond the noise below the best', () => {
    const verdict = learningRate.check(run([lane('grid', rates([0.9, 0.97, 0.95, 0.5, undefined]))]));
    expect(verdict.status).toBe('supported');
    expect(verdict.because).toContain('val_accuracy 0.97 at 0.01 (trial #2)');
    expect(verdict.because).toContain(
      'trial #4 at learning rate 1 scored val_accuracy 0.5, 0.47 below the best, more than the validation noise',
    );
    expect(verdict.because).toContain('trial #5 at learning rate 3 failed (the loss became NaN)');
  });

  it('does not support it when a high rate scores within the noise of the best', () => {
    const verdict = learningRate.check(run([lane('grid', rates([0.9, 0.97, 0.95, 0.96, 0.5]))]));
    expect(verdict.status).toBe('not-supported');
    expect(verdict.because).toContain('within the validation noise');
  });

  it('does not support it when a high rate scores better than the others', () => {
    expect(learningRate.check(run([lane('grid', rates([0.5, 0.6, 0.6, 0.95, 0.5]))])).status).toBe(
      'not-supported',
    );
  });

  it('waits for the end, and for rates on both sides', () => {
    expect(learningRate.check(run([lane('grid', rates([0.9, 0.97, 0.95, 0.5, 0.5]))], false)).status).toBe(
      'not-yet',
    );
    const low = [0.001, 0.01].map((lr, i) => trial(i, 0.9, { learning_rate: lr }));
    expect(learningRate.check(run([lane('grid', low)])).status).toBe('not-yet');
  });
});

describe('validation-noise', () => {
  it('supports the claim when the next score is within two standard errors of the best', () => {
    const verdict = validationNoise.check(
      run([lane('random', [trial(0, 0.93), trial(1, 0.95), trial(2, 0.95), trial(3, 0.94)])]),
    );
    expect(verdict.status).toBe('supported');
    expect(verdict.because).toBe(
      "the best trial, #2, scored val_accuracy 0.95 and the next score, trial #4's, was 0.94: a gap of 0.01 (1 of 100 validation rows), within the validation noise (2 standard errors are 0.044 at 100 validation rows), so the data cannot tell the two apart.",
    );
  });

  it('does not support it when the top two differ by more than the noise', () => {
    const verdict = validationNoise.check(run([lane('random', [trial(0, 0.8), trial(1, 0.95)])]));
    expect(verdict.status).toBe('not-supported');
    expect(verdict.because).toContain('more than the validation noise');
  });

  it('waits for the end, the data and two different scores', () => {
    const trials = [trial(0, 0.94), trial(1, 0.95)];
    expect(validationNoise.check(run([lane('random', trials)], false)).status).toBe('not-yet');
    expect(validationNoise.check({ ...run([lane('random', trials)]), rows: undefined }).status).toBe(
      'not-yet',
    );
    expect(validationNoise.check(run([lane('random', [trial(0, 0.9), trial(1, 0.9)])])).status).toBe(
      'not-yet',
    );
  });
});

describe('bad-space', () => {
  const scores = (late: number) => [0.6, 0.62, 0.61, 0.63, 0.6, late, 0.62, 0.61].map((s, i) => trial(i, s));

  it('supports the claim when the later trials add no more than the noise', () => {
    const verdict = badSpace.check(run([lane('random', scores(0.65))]));
    expect(verdict.status).toBe('supported');
    expect(verdict.because).toContain(
      'after the first 4 trials the best val_accuracy was 0.63 (trial #4); after all 8, 0.65 (trial #6): a gain of 0.02 (2 of 100 validation rows), within the validation noise',
    );
  });

  it('says "no gain at all" when the first trials held the best', () => {
    expect(badSpace.check(run([lane('random', scores(0.5))])).because).toContain('no gain at all');
  });

  it('does not support it when a later trial is better beyond the noise', () => {
    expect(badSpace.check(run([lane('random', scores(0.9))])).status).toBe('not-supported');
  });

  it('waits for the end and for more than four trials', () => {
    expect(badSpace.check(run([lane('random', scores(0.65))], false)).status).toBe('not-yet');
    expect(badSpace.check(run([lane('random', scores(0.65).slice(0, 4))])).status).toBe('not-yet');
  });
});

describe('hyperband-epochs', () => {
  const random = lane('random', [trial(0, 0.6, {}, 9), trial(1, 0.7, {}, 18), trial(2, 0.65, {}, 27)]);

  it('supports the claim when Hyperband reaches random search’s best in fewer epochs', () => {
    const hyperband = lane('hyperband', [
      trial(0, 0.5, {}, 2),
      trial(1, 0.72, {}, 12),
      trial(2, 0.6, {}, 20),
    ]);
    const verdict = hyperbandEpochs.check(run([random, hyperband]));
    expect(verdict).toEqual({
      status: 'supported',
      because:
        "Hyperband matched random search's best, val_accuracy 0.7, after 12 epochs; random search needed 18 epochs.",
    });
  });

  it('does not support it when Hyperband needs as many epochs or never gets there', () => {
    const late = lane('hyperband', [trial(0, 0.5, {}, 2), trial(1, 0.7, {}, 18)]);
    expect(hyperbandEpochs.check(run([random, late])).status).toBe('not-supported');
    const never = lane('hyperband', [trial(0, 0.5, {}, 2), trial(1, 0.66, {}, 18)]);
    const verdict = hyperbandEpochs.check(run([random, never]));
    expect(verdict.status).toBe('not-supported');
    expect(verdict.because).toBe(
      "Hyperband never matched random search's best, val_accuracy 0.7 (its best was 0.66).",
    );
  });

  it('waits for a finished race of random search and Hyperband', () => {
    expect(hyperbandEpochs.check(run([random])).status).toBe('not-yet');
    expect(hyperbandEpochs.check(run([random, lane('hyperband', [])], false)).status).toBe('not-yet');
  });
});

describe('decay', () => {
  const curve = (values: number[]) => values.map((v, i) => ({ epoch: i + 1, metrics: { val_loss: v } }));
  const trained = (number: number, rate: number, values: number[]): Trial => {
    const t = trial(number, 0.9, { lr_decay_rate: rate });
    return { ...t, executions: [{ ...t.executions[0], history: curve(values) }] };
  };
  const bouncing = [1, 0.5, 0.3, 0.5, 0.3, 0.5];

  it('supports the claim when the decayed loss moves at most half as much', () => {
    const verdict = decay.check(
      run([lane('grid', [trained(0, 1, bouncing), trained(1, 0.9, [1, 0.5, 0.3, 0.29, 0.28, 0.27])])]),
    );
    expect(verdict.status).toBe('supported');
    expect(verdict.because).toBe(
      'trial #1 kept α at 0.05 and trial #2 decayed it; over the last half of training val_loss moved by 0.2 per epoch on average with the constant rate, and by 0.01 with decay, 0.05 times as much. The last val_loss: 0.5 constant, 0.27 decayed.',
    );
  });

  it('does not support it when the decayed loss moves more than half as much', () => {
    const verdict = decay.check(
      run([lane('grid', [trained(0, 1, bouncing), trained(1, 0.9, [1, 0.5, 0.3, 0.4, 0.3, 0.4])])]),
    );
    expect(verdict.status).toBe('not-supported');
  });

  it('waits for the end and for both runs', () => {
    expect(decay.check(run([lane('grid', [trained(0, 1, bouncing)])])).status).toBe('not-yet');
    expect(
      decay.check(run([lane('grid', [trained(0, 1, bouncing), trained(1, 0.9, bouncing)])], false)).status,
    ).toBe('not-yet');
  });
});
