/** The one rule for "is this gap more than noise?", and its words. */
import { describe, expect, it } from 'vitest';
import type { Trial } from '../../../../src/core/study';
import {
  gapWords,
  judgeGap,
  noiseVerdictWords,
  proportionStandardError,
  scoreNoise,
  shortVerdictWords,
  validationRowsUsed,
} from '../../../../src/report/explain/noise-judgement';

function trial(scores: number[]): Trial {
  const mean = scores.reduce((s, v) => s + v, 0) / scores.length;
  const sd =
    scores.length > 1 ? Math.sqrt(scores.reduce((s, v) => s + (v - mean) ** 2, 0) / (scores.length - 1)) : 0;
  return {
    id: '0',
    number: 0,
    config: {},
    resource: 3,
    state: 'completed',
    executions: scores.map((score) => ({ status: 'completed' as const, score, history: [] })),
    score: mean,
    spread: { std: sd, min: Math.min(...scores), max: Math.max(...scores) },
  };
}

const rows = { train: 960, validation: 200, test: 206 };
/** Pima's split: 115 validation rows. */
const pima = { train: 537, validation: 115, test: 116 };

describe('how noisy a score is', () => {
  it('the standard error of a proportion, and Agresti–Coull when few answers are wrong', () => {
    expect(proportionStandardError(0.9, 100)).toEqual({ standardError: Math.sqrt(0.0009) });
    const perfect = proportionStandardError(1, 206);
    expect(perfect.adjusted).toEqual({ fewer: 'wrong', count: 0, p: 208 / 210 });
    expect(perfect.standardError).toBeCloseTo(Math.sqrt(((208 / 210) * (2 / 210)) / 210), 12);
    expect(proportionStandardError(0.02, 200).adjusted?.fewer).toBe('right');
    // Five wrong of 200 is enough for the plain formula; four is not.
    expect(proportionStandardError(0.975, 200).adjusted).toBeUndefined();
    expect(proportionStandardError(0.98, 200).adjusted).toEqual({ fewer: 'wrong', count: 4, p: 198 / 204 });
    // The figure: 0.83 on 115 rows is about 0.035.
    expect(proportionStandardError(0.83, 115).standardError).toBeCloseTo(0.035, 3);
  });

  it('validation rows: one split for every execution, or the distinct folds they used', () => {
    expect(validationRowsUsed({ train: 900, validation: 200, test: 200 }, 3)).toBe(200);
    const folds = { train: 0, validation: 0, test: 200, folds: [100, 101, 102] };
    expect(validationRowsUsed(folds, 2)).toBe(201);
    expect(validationRowsUsed(folds, 5)).toBe(303);
  });

  it('validation size for accuracy (with the seed spread), executions for a loss, or unknown', () => {
    const one = trial([0.9]);
    expect(scoreNoise(one, 'val_accuracy', rows)).toEqual({
      kind: 'proportion',
      rows: 200,
      validation: true,
      fromRows: { standardError: expect.closeTo(Math.sqrt(0.09 / 200), 12) },
      standardError: expect.closeTo(Math.sqrt(0.09 / 200), 12),
    });
    const three = trial([0.88, 0.9, 0.92]);
    const n = scoreNoise(three, 'val_accuracy', rows);
    if (n.kind !== 'proportion') throw new Error(n.kind);
    expect(n.seedError).toBeCloseTo(0.02 / Math.sqrt(3), 12);
    expect(n.standardError).toBeCloseTo(Math.sqrt(0.09 / 200 + 0.02 ** 2 / 3), 12);

    expect(scoreNoise(trial([0.4]), 'val_loss', rows)).toEqual({
      kind: 'unknown',
      why: 'one-execution',
      metric: 'val_loss',
    });
    expect(scoreNoise(trial([0.3, 0.4, 0.5]), 'val_loss', rows)).toEqual({
      kind: 'executions',
      executions: 3,
      sd: expect.closeTo(0.1, 12),
      standardError: expect.closeTo(0.1 / Math.sqrt(3), 12),
    });
    expect(scoreNoise(one, 'val_accuracy', undefined)).toEqual({
      kind: 'unknown',
      why: 'no-rows',
      metric: 'val_accuracy',
    });
    expect(scoreNoise(one, 'accuracy', rows)).toMatchObject({
      kind: 'proportion',
      rows: 960,
      validation: false,
    });
  });
});

describe('a gap against the noise', () => {
  it("the issue's race on Pima: one row of 115 is well within the validation noise", () => {
    const best = 96 / 115;
    const noise = scoreNoise(trial([best]), 'val_accuracy', pima);
    const j = judgeGap(best, 95 / 115, noise);
    expect(j.verdict).toBe('within');
    expect(j.gap).toBeCloseTo(0.0087, 4);
    expect(j.band).toBeCloseTo(0.069, 3);
    expect(gapWords(j)).toBe('0.0087 (1 of 115 validation rows)');
    expect(noiseVerdictWords(j)).toBe(
      'within the validation noise (2 standard errors are 0.069 at 115 validation rows), so the data cannot tell the two apart',
    );
    expect(shortVerdictWords(j)).toBe('within the validation noise (0.069)');
  });

  it('either direction: the gap is the same whichever score is given first, for a loss too', () => {
    const noise = scoreNoise(trial([0.3, 0.32, 0.34]), 'val_loss', rows);
    const lower = judgeGap(0.32, 0.35, noise);
    const higher = judgeGap(0.35, 0.32, noise);
    expect(lower).toEqual(higher);
    expect(lower.verdict).toBe('beyond');
    expect(gapWords(lower)).toBe('0.03');
    expect(noiseVerdictWords(lower)).toBe(
      'more than the noise (2 standard errors are 0.023 over 3 executions), so the difference is likely real',
    );
    expect(judgeGap(0.32, 0.33, noise).verdict).toBe('within');
  });

  it('a large gap on many rows is likely real', () => {
    const noise = scoreNoise(trial([0.8]), 'val_accuracy', { train: 10_000, validation: 5000, test: 5000 });
    const j = judgeGap(0.8, 0.7, noise);
    expect(j.verdict).toBe('beyond');
    expect(gapWords(j)).toBe('0.1 (500 of 5,000 validation rows)');
    expect(shortVerdictWords(j)).toBe('more than the validation noise (0.011)');
  });

  it('an exact tie is a tie at any size; an unknown noise is said, not invented', () => {
    const noise = scoreNoise(trial([0.4]), 'val_loss', rows);
    expect(judgeGap(0.4, 0.4, noise)).toEqual({ gap: 0, noise, verdict: 'same' });
    expect(noiseVerdictWords(judgeGap(0.4, 0.4, noise))).toBe(
      'exactly the same score, a tie at any validation size',
    );
    const unknown = judgeGap(0.4, 0.45, noise);
    expect(unknown.verdict).toBe('unknown');
    expect(unknown.band).toBeUndefined();
    expect(noiseVerdictWords(unknown)).toBe(
      'no estimate of the noise says whether that is real (these results hold no standard error of val_loss from the validation rows, and one execution per trial shows no spread)',
    );
    const noRows = judgeGap(0.9, 0.8, scoreNoise(trial([0.9]), 'val_accuracy', undefined));
    expect(noiseVerdictWords(noRows)).toMatch(
      /\(the dataset is not loaded, so the validation size is unknown\)$/,
    );
    expect(gapWords(noRows)).toBe('0.1');
  });

  it('an averaged accuracy that is not whole rows is given as a number only', () => {
    const noise = scoreNoise(trial([0.9, 0.905]), 'val_accuracy', rows);
    expect(gapWords(judgeGap(0.9025, 0.9, noise))).toBe('0.0025');
  });
});

/** A trial whose executions scored `scores` on `metric`, each with the trainer's standard error `se`. */
function measured(metric: string, scores: number[], se: number[]): Trial {
  const base = trial(scores);
  return {
    ...base,
    executions: scores.map((score, i) => ({
      status: 'completed' as const,
      score,
      history: [
        { epoch: 1, metrics: { [metric]: score + 0.5 }, errors: { [metric]: 9 } },
        { epoch: 2, metrics: { [metric]: score }, errors: { [metric]: se[i] } },
      ],
    })),
  };
}

describe('the noise of a loss, MAE or AUC, from the validation rows', () => {
  it("takes the trainer's standard error at the scored epoch, and says it was measured on the rows", () => {
    const noise = scoreNoise(measured('val_loss', [0.3], [0.02]), 'val_loss', rows);
    expect(noise).toEqual({
      kind: 'rows',
      metric: 'val_loss',
      rows: 200,
      fromRows: 0.02,
      standardError: 0.02,
    });
    const j = judgeGap(0.3, 0.35, noise);
    expect(j.verdict).toBe('beyond');
    expect(noiseVerdictWords(j)).toBe(
      'more than the validation noise (2 standard errors are 0.04 at 200 validation rows), so the difference is likely real',
    );
  });

  it('adds the spread over executions, and divides by the folds when each validated on its own', () => {
    const repeated = scoreNoise(measured('val_mae', [2, 2.2], [0.1, 0.1]), 'val_mae', rows);
    expect(repeated.kind).toBe('rows');
    if (repeated.kind !== 'rows') return;
    expect(repeated.fromRows).toBeCloseTo(0.1, 12);
    expect(repeated.seedError).toBeCloseTo(Math.sqrt(0.02) / Math.sqrt(2), 12);
    const folds = { ...rows, folds: [100, 100, 100] };
    const crossValidated = scoreNoise(measured('val_mae', [2, 2], [0.1, 0.1]), 'val_mae', folds);
    expect(crossValidated.kind === 'rows' && crossValidated.fromRows).toBeCloseTo(0.1 / Math.sqrt(2), 12);
  });

  it('needs no dataset (only its row count is then unknown); a training loss, or a history without it, has none', () => {
    const noise = scoreNoise(measured('val_auc', [0.9], [0.03]), 'val_auc', undefined);
    expect(noise).toMatchObject({ kind: 'rows', standardError: 0.03 });
    expect(noiseVerdictWords(judgeGap(0.9, 0.8, noise))).toContain(
      '2 standard errors are 0.06 on the validation rows',
    );
    const old = trial([0.3]);
    expect(scoreNoise(old, 'val_loss', rows)).toMatchObject({ kind: 'unknown', why: 'one-execution' });
    expect(scoreNoise(measured('loss', [0.3], [0.02]), 'loss', rows).kind).toBe('unknown');
  });
});
