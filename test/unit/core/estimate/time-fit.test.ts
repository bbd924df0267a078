import { describe, expect, it } from 'vitest';
import {
  estimateSearch,
  fitToTime,
  rowsPerRung,
  rungFractions,
  suggestDataBudget,
  TIME_BUDGETS,
  isTimeBudget,
  type TrainingShape,
} from '../../../../src/core/estimate';
import { dataBudget, ladder, rowsMaxEpochs } from '../../../../src/core/estimate/time-fit';
import type { StudySettings } from '../../../../src/core/study';
import { BANK_50K, SHIPPED, defaultStudy, withTuner } from './shapes';

/** A 50 MB file's shape: a million rows of ten numbers. */
const MILLION_ROWS: TrainingShape = { trainRows: 806_597, validationRows: 201_649, features: 10, outputs: 1 };

const estimator = (shape: TrainingShape) => (s: StudySettings) =>
  estimateSearch(s, { shape, backend: 'wasm', workers: 1 });
const fit = (s: StudySettings, minutes: number, shape: TrainingShape) =>
  fitToTime(s, minutes, estimator(shape), shape.trainRows)!;

describe('fitting a search to the time you have', () => {
  it('offers none, 1, 5 and 15 minutes, and takes any whole minutes up to ten hours', () => {
    expect(TIME_BUDGETS).toEqual([0, 1, 5, 15]);
    for (const minutes of [0, 1, 7, 45, 600]) expect(isTimeBudget(minutes), String(minutes)).toBe(true);
    for (const minutes of [-1, 2.5, 601, NaN]) expect(isTimeBudget(minutes), String(minutes)).toBe(false);
  });

  it('fits a typed budget between the choices: 7 minutes fits the 50,000-row file under 7 minutes', () => {
    const seven = fit(defaultStudy(), 7, BANK_50K);
    expect(seven.fits).toBe(true);
    expect(seven.estimate.ms).toBeLessThanOrEqual(7 * 60_000);
    expect(seven.words).toMatch(/^(To fit 7 minutes: |The search fits 7 minutes as it is\.)/);
  });

  it('fits every shipped set’s default search, and the 50,000-row file, within each budget', () => {
    for (const [name, shape] of [...Object.entries(SHIPPED), ['50k', BANK_50K] as const]) {
      for (const minutes of [1, 5, 15]) {
        const result = fit(defaultStudy(), minutes, shape);
        expect(result.fits, `${name} in ${minutes} min`).toBe(true);
        expect(result.estimate.ms, `${name} in ${minutes} min`).toBeLessThanOrEqual(minutes * 60_000);
        expect(result.estimate).toEqual(estimator(shape)(result.settings));
      }
    }
  });

  it('leaves a search that fits as it is, and says so', () => {
    const result = fit(defaultStudy(), 15, SHIPPED.iris);
    expect(result.settings).toEqual(defaultStudy());
    expect(result.changes).toEqual([]);
    expect(result.words).toBe('The search fits 15 minutes as it is.');
  });

  it('trains a large file’s rungs on shares of the rows, and says what it changed', () => {
    const result = fit(defaultStudy(), 5, BANK_50K);
    expect(result.settings.budget).toBe('data');
    expect(result.settings.tuner.maxEpochs).toBe(27);
    expect(result.changes[0]).toBe('max epochs 10 → 27');
    expect(result.changes[1]).toBe('rungs train on 3.7%, 11%, 33% and 100% of the rows (1,296 rows first)');
    expect(result.words).toMatch(
      /^To fit 5 minutes: max epochs 10 → 27, rungs train on .*epochs on each share 10 → \d/,
    );
  });

  it('gives a single-fidelity search fewer epochs or fewer trials', () => {
    const random = withTuner({ algorithm: 'random' });
    const full = estimator(SHIPPED.banknote)(random)!.ms;
    const minutes = Math.max(1, Math.floor(full / 60_000 / 2));
    const result = fit(random, minutes, SHIPPED.banknote);
    expect(result.fits).toBe(true);
    expect(result.settings.budget).toBe('epochs');
    expect(result.changes.every((c) => /^(epochs per trial|max trials) \d+ → \d+$/.test(c))).toBe(true);
  });

  it('says when even the smallest search tried does not fit', () => {
    const huge = { ...BANK_50K, trainRows: 5_000_000 };
    const result = fit(withTuner({ algorithm: 'random' }), 1, huge);
    expect(result.fits).toBe(false);
    expect(result.words).toMatch(/^Even the smallest search tried \(.*\) needs more than 1 minute\.$/);
  });

  it('steps values down by about 15%, and picks R from the rows', () => {
    expect(ladder(10)).toEqual([9, 7, 6, 5, 4, 3, 2, 1]);
    expect(ladder(1)).toEqual([]);
    expect(rowsMaxEpochs(35_000, 3)).toBe(27);
    expect(rowsMaxEpochs(2_000, 3)).toBeUndefined();
  });
});

describe('the data budget’s rungs', () => {
  it('train on r/R of the rows', () => {
    const data = withTuner({ maxEpochs: 27 }, { budget: 'data' });
    expect(rungFractions(data)).toEqual([1 / 27, 3 / 27, 9 / 27, 1]);
    expect(rowsPerRung(data, 35_000)).toEqual([1296, 3889, 11667, 35000]);
    expect(rungFractions(defaultStudy())).toEqual([]);
  });

  it('are suggested for a long search on a large file, at no more than half its time', async () => {
    const settings = defaultStudy();
    const estimate = estimator(BANK_50K);
    const current = estimate(settings)!;
    const suggestion = (await suggestDataBudget(settings, current, estimate, BANK_50K.trainRows))!;
    expect(suggestion.settings.budget).toBe('data');
    expect(suggestion.rows).toEqual([1296, 3889, 11667, 35000]);
    expect(suggestion.estimate.ms).toBeLessThanOrEqual(current.ms / 2);
    const small = estimator(SHIPPED.banknote);
    expect(
      await suggestDataBudget(settings, small(settings)!, small, SHIPPED.banknote.trainRows),
    ).toBeUndefined();
  });

  it('are the most epochs per share that halve the time, found with few estimates', async () => {
    const settings = defaultStudy();
    for (const shape of [BANK_50K, MILLION_ROWS]) {
      const estimate = estimator(shape);
      const current = estimate(settings)!;
      const epochs = [settings.tuner.epochs, ...ladder(settings.tuner.epochs)];
      const r = rowsMaxEpochs(shape.trainRows, settings.tuner.factor)!;
      const scanned =
        epochs.find((e) => estimate(dataBudget(settings, r, e))!.ms <= current.ms / 2) ?? epochs.at(-1)!;
      let asked = 0;
      const counted = (s: StudySettings) => (asked++, estimate(s));
      const suggestion = (await suggestDataBudget(settings, current, counted, shape.trainRows))!;
      expect(suggestion.settings.tuner.epochs, `${shape.trainRows} rows`).toBe(scanned);
      expect(asked, `${shape.trainRows} rows`).toBeLessThanOrEqual(
        1 + Math.ceil(Math.log2(epochs.length)) + 1,
      );
    }
  });

  it('are not suggested when a candidate cannot be estimated', async () => {
    const settings = defaultStudy();
    const estimate = estimator(MILLION_ROWS);
    const current = estimate(settings)!;
    let asked = 0;
    const failsSecond = (s: StudySettings) => (++asked === 2 ? undefined : estimate(s));
    expect(await suggestDataBudget(settings, current, failsSecond, MILLION_ROWS.trainRows)).toBeUndefined();
  });
});
