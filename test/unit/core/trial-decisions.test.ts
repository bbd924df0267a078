/** What the study records so the app can explain each decision: origins, ranks, and the epoch budget. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { Study } from '../../../src/core/study';
import { settingsFor, simulate } from '../support/simulate';

describe('every trial says why it was proposed', () => {
  it('Hyperband: new configs are random; promotions carry their rank, the round size and how many went on', () => {
    const { study } = simulate(
      new Study(settingsFor({ algorithm: 'hyperband', maxEpochs: 9, factor: 3, maxTrials: 100 })),
    );
    for (const t of study.trials) {
      if (t.parentId === undefined) {
        expect(t.origin).toEqual({ kind: 'random' });
        continue;
      }
      const parent = study.trial(t.parentId);
      const round = study.trials.filter((u) => u.bracket === parent.bracket && u.round === parent.round);
      const goOn = study.trials.filter((u) => u.bracket === t.bracket && u.round === t.round);
      const ranked = [...round].sort((a, b) => a.score! - b.score! || a.number - b.number);
      expect(t.origin).toEqual({
        kind: 'promoted',
        rank: ranked.indexOf(parent) + 1,
        of: round.length,
        keep: goOn.length,
      });
      expect(t.origin?.kind === 'promoted' && t.origin.rank).toBeLessThanOrEqual(goOn.length);
    }
  });

  it('ASHA: a promotion was in the top ⌊n/η⌋ of the n results at its rung when it was made', () => {
    const { study } = simulate(
      new Study(settingsFor({ algorithm: 'asha', maxEpochs: 9, factor: 3, minEpochs: 1, maxTrials: 40 })),
      { parallel: 3, rng: new Rng(5) },
    );
    const promotions = study.trials.filter((t) => t.origin?.kind === 'promoted');
    expect(promotions.length).toBeGreaterThan(3);
    for (const t of promotions) {
      if (t.origin?.kind !== 'promoted') continue;
      expect(t.origin.keep).toBe(Math.floor(t.origin.of / 3));
      expect(t.origin.rank).toBeGreaterThanOrEqual(1);
      expect(t.origin.rank).toBeLessThanOrEqual(t.origin.keep);
    }
  });

  it('Bayesian optimisation: model-guided trials carry the predicted loss and its uncertainty', () => {
    const { study } = simulate(
      new Study(settingsFor({ algorithm: 'bayesian', maxTrials: 12, epochs: 3, initialPoints: 4 })),
    );
    const kinds = study.trials.map((t) => t.origin?.kind);
    expect(kinds.slice(0, 4)).toEqual(['random', 'random', 'random', 'random']);
    const guided = study.trials.slice(4);
    expect(guided.every((t) => t.origin?.kind === 'model')).toBe(true);
    for (const t of guided) {
      if (t.origin?.kind !== 'model') continue;
      expect(Number.isFinite(t.origin.predicted?.loss)).toBe(true);
      expect(t.origin.predicted!.sd).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('an epoch budget', () => {
  it('stops proposing once the trials proposed would train the budget, then ends', () => {
    const settings = settingsFor({ algorithm: 'random', maxTrials: 100, epochs: 5 }, { epochBudget: 23 });
    const { study, done } = simulate(new Study(settings), { parallel: 2 });
    // 5 trials commit 25 ≥ 23 epochs: the fifth is the last one proposed.
    expect(study.trials).toHaveLength(5);
    expect(study.epochsConsumed).toBe(25);
    expect(done).toBe('epoch budget of 23 spent');
  });

  it('counts only the extra epochs of a promotion, and records when each trial ended', () => {
    const settings = settingsFor(
      { algorithm: 'hyperband', maxEpochs: 9, factor: 3, maxTrials: 100 },
      { epochBudget: 1000 },
    );
    const { study } = simulate(new Study(settings));
    const ends = study.trials.map((t) => t.ended!.epochs);
    expect(ends.every((e, i) => i === 0 || e >= ends[i - 1])).toBe(true);
    expect(Math.max(...ends)).toBe(study.epochsConsumed);
    expect(study.epochsConsumed).toBeLessThan(1000);
    const restored = Study.restore(JSON.parse(JSON.stringify(study.toJSON())));
    expect(restored.epochsConsumed).toBe(study.epochsConsumed);
  });
});
