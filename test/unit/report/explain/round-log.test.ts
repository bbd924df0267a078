/** The round log tells a bracket search round by round, from its trials and its plan. */
import { describe, expect, it } from 'vitest';
import { Study } from '../../../../src/core/study';
import { roundLog } from '../../../../src/report/explain/round-log';
import { settingsFor, simulate } from '../../support/simulate';

const hyperband = settingsFor({ algorithm: 'hyperband', maxEpochs: 10, factor: 3, maxTrials: 100 });

describe('the round log', () => {
  it('tells every round of a finished Hyperband search: who started, who went on', () => {
    const { study } = simulate(new Study(hyperband));
    const log = roundLog(study.trials, study.settings, true);
    const texts = log.map((e) => e.text);
    // Brackets 2, 1, 0 have 3, 2 and 1 rounds: a start and an end each.
    expect(texts).toHaveLength(12);
    expect(texts[0]).toBe('Round 1 of 3 in bracket 2: 12 new configurations train for 2 epochs.');
    const goingOn = study.trials
      .filter((t) => t.bracket === 2 && t.round === 1)
      .map((t) => study.trial(t.parentId!))
      .sort((a, b) => a.score! - b.score! || a.number - b.number)
      .map((t) => `#${t.number + 1}`);
    expect(texts[1]).toBe(
      `Round 1 of 3 in bracket 2 done: the best 4 of 12 go on: ${goingOn.slice(0, 3).join(', ')} and ${goingOn[3]}.`,
    );
    expect(texts[2]).toBe('Round 2 of 3 in bracket 2: 4 configurations continue from 2 to 4 epochs.');
    expect(texts[4]).toBe('Round 3 of 3 in bracket 2: 2 configurations continue from 4 to 10 epochs.');
    const last = study.trials.filter((t) => t.bracket === 2 && t.round === 2);
    const best = last.reduce((a, b) => (b.score! < a.score! ? b : a));
    expect(texts[5]).toBe(
      `Round 3 of 3 in bracket 2 done: Trial #${best.number + 1} is the bracket's best, with val_loss ${Number(best.score!.toPrecision(4))}.`,
    );
    expect(texts.at(-2)).toBe('Round 1 of 1 in bracket 0: 4 new configurations train for 10 epochs.');
    expect(new Set(log.map((e) => e.key)).size).toBe(log.length);
  });

  it('grows with a run: a round that is not over has no end yet', () => {
    const partial = simulate(new Study(hyperband), { maxSteps: 5 }).study;
    expect(roundLog(partial.trials, partial.settings, false).map((e) => e.text)).toEqual([
      'Round 1 of 3 in bracket 2: 12 new configurations train for 2 epochs.',
    ]);
    const decided = simulate(new Study(hyperband), { maxSteps: 12 }).study;
    expect(roundLog(decided.trials, decided.settings, false).map((e) => e.text)[1]).toMatch(
      /^Round 1 of 3 in bracket 2 done: the best 4 of 12 go on: #\d+, #\d+, #\d+ and #\d+\.$/,
    );
  });

  it('says when the search ended in the middle of a round', () => {
    const partial = simulate(new Study(hyperband), { maxSteps: 5 }).study;
    partial.stopAll('stopped by the user');
    expect(roundLog(partial.trials, partial.settings, true).map((e) => e.text)).toEqual([
      'Round 1 of 3 in bracket 2: 12 new configurations train for 2 epochs.',
      'Round 1 of 3 in bracket 2 was cut short: the search ended.',
    ]);
  });

  it('ends a bracket whose trials all failed', () => {
    const { study } = simulate(new Study(hyperband), { failWhen: (t) => t.bracket === 0 });
    expect(roundLog(study.trials, study.settings, true).at(-1)?.text).toBe(
      'Round 1 of 1 in bracket 0 done: every trial failed, so the bracket ends.',
    );
  });

  it('successive halving: one bracket, named by its rounds only; a data budget retrains on more rows', () => {
    const sh = settingsFor({
      algorithm: 'successive-halving',
      maxEpochs: 9,
      factor: 3,
      minEpochs: 1,
      maxTrials: 100,
    });
    const { study } = simulate(new Study(sh));
    const texts = roundLog(study.trials, study.settings, true).map((e) => e.text);
    expect(texts[0]).toBe('Round 1 of 3: 9 new configurations train for 1 epoch.');
    expect(texts[3]).toMatch(/^Round 2 of 3 done: the best of 3 goes on: #\d+\.$/);
    expect(texts[4]).toBe('Round 3 of 3: 1 configuration continues from 3 to 9 epochs.');
    const data = simulate(new Study({ ...sh, budget: 'data' })).study;
    const dataTexts = roundLog(data.trials, data.settings, true).map((e) => e.text);
    expect(dataTexts[0]).toBe('Round 1 of 3: 9 new configurations train on 11.1 % of the training rows.');
    expect(dataTexts[2]).toBe(
      'Round 2 of 3: 3 configurations retrain from scratch on 33.3 % of the training rows.',
    );
  });

  it('names the sweep when Hyperband repeats its brackets', () => {
    const twice = settingsFor({
      algorithm: 'hyperband',
      maxEpochs: 3,
      factor: 3,
      iterations: 2,
      maxTrials: 100,
    });
    const { study } = simulate(new Study(twice));
    const starts = roundLog(study.trials, study.settings, true)
      .filter((e) => e.key.endsWith('-start'))
      .map((e) => e.text.split(':')[0]);
    expect(starts).toEqual([
      'Round 1 of 2 in bracket 1 of sweep 1',
      'Round 2 of 2 in bracket 1 of sweep 1',
      'Round 1 of 1 in bracket 0 of sweep 1',
      'Round 1 of 2 in bracket 1 of sweep 2',
      'Round 2 of 2 in bracket 1 of sweep 2',
      'Round 1 of 1 in bracket 0 of sweep 2',
    ]);
  });

  it('is empty for tuners without rounds', () => {
    for (const algorithm of ['random', 'asha', 'bayesian'] as const) {
      const settings = settingsFor({
        algorithm,
        maxTrials: 5,
        epochs: 2,
        maxEpochs: 9,
        factor: 3,
        minEpochs: 1,
      });
      const { study } = simulate(new Study(settings));
      expect(roundLog(study.trials, study.settings, true)).toEqual([]);
    }
  });
});
