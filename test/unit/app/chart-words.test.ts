/** The charts' text alternatives (chart-words.ts) and the handout's Markdown reader (markdown-blocks.ts). */
import { describe, expect, it } from 'vitest';
import {
  boundaryWords,
  historyWords,
  importanceWords,
  raceWords,
  rungsWords,
  scheduleWords,
} from '../../../src/app/charts/chart-words';
import { markdownBlocks } from '../../../src/app/print/markdown-blocks';
import { budgetUnit } from '../../../src/report/explain/budget-unit';
import { defaultSetup } from '../../../src/core/experiment';
import type { Trial } from '../../../src/core/study';
import { code, table, text } from '../../../src/report/export/markdown';

const objective = { metric: 'val_accuracy', direction: 'max' as const };

function trial(number: number, resource: number, score: number | undefined, parentId?: string): Trial {
  return {
    id: `t${number}`,
    number,
    config: {},
    resource,
    parentId,
    state: score === undefined ? 'pending' : 'completed',
    executions: [],
    score,
  };
}

describe('chart sentences', () => {
  const trials = [
    trial(0, 1, 0.8),
    trial(1, 1, 0.9),
    trial(2, 1, 0.7),
    trial(3, 3, 0.95, 't1'),
    trial(4, 3, undefined, 't0'),
  ];

  it('tells the rungs: how many trained at each budget, how many went on, and the best', () => {
    expect(rungsWords(trials, objective)).toBe(
      '3 configurations trained for 1 epoch (2 promoted), 1 for 3 epochs. Best: trial 4, val_accuracy 0.95 after 3 epochs.',
    );
  });

  it('with a data budget, tells each rung by its share of the training rows, not as epochs', () => {
    const unit = budgetUnit({
      budget: 'data',
      tuner: { ...defaultSetup().study.tuner, algorithm: 'hyperband', maxEpochs: 3 },
    });
    expect(rungsWords(trials, objective, unit)).toBe(
      '3 configurations trained on 33.3 % of the training rows (2 promoted), 1 on 100 % of the training rows. Best: trial 4, val_accuracy 0.95 on 100 % of the training rows.',
    );
  });

  it('tells the history: finished trials and when the best score was first reached', () => {
    expect(historyWords([...trials, trial(5, 3, 0.95)], objective)).toBe(
      '5 finished trials; the best val_accuracy so far, 0.95, first reached by trial 4.',
    );
    expect(historyWords([], objective)).toBe('No trial has finished yet.');
    const guess = {
      metric: 'val_accuracy',
      kind: 'most-common' as const,
      value: 'no',
      share: 0.6,
      score: 0.6,
    };
    expect(historyWords(trials, objective, guess)).toMatch(/ A guess that ignores the inputs scores 0\.6\.$/);
  });

  it('tells the schedules, the importance, the race and the boundary with their numbers', () => {
    expect(
      scheduleWords(
        [
          {
            label: 'Trial 2',
            schedule: { initialRate: 0.001, decayRate: 0.9, decaySteps: 100, staircase: false },
            last: 0.00063,
          },
        ],
        9,
      ),
    ).toBe('Over 9 epochs: Trial 2: α from 0.001 to 0.00063.');
    expect(
      importanceWords([
        { name: 'lr', importance: 0.413 },
        { name: 'layers', importance: 0.2 },
      ]),
    ).toBe('Share of the score’s variance each hyperparameter explains: lr 41% and layers 20%.');
    expect(
      raceWords(
        [
          { name: 'Random search', curve: [{ epochs: 11, best: 0.99 }] },
          { name: 'Hyperband', curve: [] },
        ],
        'val_accuracy',
      ),
    ).toBe('Random search: best val_accuracy 0.99 after 11 epochs; Hyperband: nothing finished yet.');
    expect(boundaryWords(new Float32Array([0.9, 0.2, 0.6, 0.1]), 3)).toBe(
      'The best model predicts class 1 on 50% of the plane and class 0 on the rest; 3 data points are drawn on it.',
    );
  });
});

describe('markdownBlocks', () => {
  it('reads what the report writer writes: headings, paragraphs, lists, tables, code and escapes', () => {
    const markdown = [
      '# Methods',
      '## Data',
      `We used ${text('a*b_[c]')} with target ${code('y`1')}, **Table 1.** below.`,
      table(['Name', 'Values'], [[code('a|b'), '1, 2']]),
      '- first\n- second',
    ].join('\n\n');
    expect(markdownBlocks(markdown)).toEqual([
      { kind: 'heading', level: 1, text: 'Methods' },
      { kind: 'heading', level: 2, text: 'Data' },
      { kind: 'paragraph', text: 'We used a*b_[c] with target y`1, Table 1. below.' },
      { kind: 'table', header: ['Name', 'Values'], rows: [['a|b', '1, 2']] },
      { kind: 'list', items: ['first', 'second'] },
    ]);
  });
});
