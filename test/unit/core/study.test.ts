import { describe, expect, it } from 'vitest';
import { Study } from '../../../src/core/study';
import { executionScore } from '../../../src/core/scoring';
import { settingsFor } from '../support/simulate';

const history = (values: number[]) =>
  values.map((v, i) => ({ epoch: i + 1, metrics: { val_accuracy: v, val_loss: 1 - v } }));

describe('scoring', () => {
  it("takes the best epoch's value, or the last, in the objective's direction", () => {
    const h = history([0.6, 0.9, 0.8]);
    expect(executionScore(h, { metric: 'val_accuracy', direction: 'max' }, 'best')).toBe(0.9);
    expect(executionScore(h, { metric: 'val_accuracy', direction: 'max' }, 'last')).toBe(0.8);
    expect(executionScore(h, { metric: 'val_loss', direction: 'min' }, 'best')).toBeCloseTo(0.1);
    expect(executionScore(h, { metric: 'val_auc', direction: 'max' }, 'best')).toBeUndefined();
  });
});

describe('study', () => {
  const settings = settingsFor(
    { algorithm: 'random', maxTrials: 3, epochs: 3 },
    { executionsPerTrial: 2, objective: { metric: 'val_accuracy', direction: 'max' } },
  );

  it('averages executions and keeps their spread', () => {
    const study = new Study(settings);
    const next = study.next();
    if (next.kind !== 'trial') throw new Error('expected a trial');
    study.recordExecution(next.trial.id, { status: 'completed', history: history([0.5, 0.8]) });
    expect(study.trial(next.trial.id).state).toBe('running');
    study.recordExecution(next.trial.id, { status: 'completed', history: history([0.7, 0.6]) });
    const t = study.trial(next.trial.id);
    expect(t.state).toBe('completed');
    expect(t.score).toBeCloseTo(0.75);
    expect(t.spread!.std).toBeCloseTo(Math.SQRT2 * 0.05);
    expect(t.spread!.min).toBeCloseTo(0.7);
    expect(t.spread!.max).toBeCloseTo(0.8);
  });

  it('fails a trial with the reason and goes on; best and history skip it', () => {
    const study = new Study(settings);
    const a = study.next();
    const b = study.next();
    if (a.kind !== 'trial' || b.kind !== 'trial') throw new Error('expected trials');
    study.recordExecution(a.trial.id, { status: 'failed', history: [], reason: 'diverged at epoch 2' });
    expect(study.trial(a.trial.id)).toMatchObject({ state: 'failed', reason: 'diverged at epoch 2' });
    study.recordExecution(b.trial.id, { status: 'completed', history: history([0.9]) });
    study.recordExecution(b.trial.id, { status: 'completed', history: history([0.7]) });
    expect(study.best()?.id).toBe(b.trial.id);
    expect(study.history().map((h) => h.bestSoFar)).toEqual([0.8]);
    expect(study.next().kind).toBe('trial');
  });

  it('fails a trial whose objective was never reported', () => {
    const study = new Study({ ...settings, objective: { metric: 'val_auc', direction: 'max' } });
    const a = study.next();
    if (a.kind !== 'trial') throw new Error('expected a trial');
    study.recordExecution(a.trial.id, { status: 'completed', history: history([0.9]) });
    expect(study.trial(a.trial.id).reason).toMatch(/val_auc was never reported/);
  });

  it('says done after max trials once nothing is running', () => {
    const study = new Study({ ...settings, executionsPerTrial: 1 });
    for (let i = 0; i < 3; i++) {
      const n = study.next();
      if (n.kind !== 'trial') throw new Error('expected a trial');
      study.recordExecution(n.trial.id, { status: 'completed', history: history([0.5]) });
    }
    expect(study.next()).toEqual({ kind: 'done', reason: 'max trials reached' });
    expect(study.finished).toBe('max trials reached');
  });
});
