/** What a trial's budget counts, in words and on axes: epochs, or with a data budget a share of the rows. */
import { describe, expect, it } from 'vitest';
import { budgetUnit } from '../../../../src/report/explain/budget-unit';
import { budgetWords } from '../../../../src/report/explain/trial-words';
import { defaultSetup } from '../../../../src/core/experiment';

const hyperband = defaultSetup().study;
const withBudget = (budget: 'epochs' | 'data', algorithm = hyperband.tuner.algorithm, maxEpochs = 81) => ({
  ...hyperband,
  budget,
  tuner: { ...hyperband.tuner, algorithm, maxEpochs },
});

describe('budgetUnit', () => {
  it('counts epochs by default: words, axis ticks and the rung axis', () => {
    const unit = budgetUnit(withBudget('epochs'));
    expect(unit.rows).toBe(false);
    expect(unit.words(1)).toBe('1 epoch');
    expect(unit.trained(3)).toBe('for 3 epochs');
    expect(unit.after(10)).toBe('after 10 epochs');
    expect(unit.tick(27)).toBe('27');
    expect(unit.rungAxis).toBe('Epoch budget of the rung');
  });

  it('counts a data budget as the share of the training rows, never as epochs', () => {
    const unit = budgetUnit(withBudget('data'));
    expect(unit.rows).toBe(true);
    expect(unit.words(27)).toBe('33.3 % of the training rows');
    expect(unit.trained(1)).toBe('on 1.23 % of the training rows');
    expect(unit.after(81)).toBe('on 100 % of the training rows');
    expect(unit.tick(9)).toBe('11.1 %');
    expect(unit.short).toBe('rows %');
    expect(unit.rungAxis).toBe('Share of the training rows in the rung');
    expect(budgetWords(27, withBudget('data'), true)).toBe(unit.words(27));
  });

  it('a tuner without rungs trains on every row whatever the budget setting says', () => {
    expect(budgetUnit(withBudget('data', 'random')).rows).toBe(false);
    expect(budgetUnit(withBudget('data', 'random')).words(5)).toBe('5 epochs');
  });
});
