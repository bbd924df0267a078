/** Every decision explained: one sentence per fate (promoted, stopped, early-stopped, failed, running) and origin. */
import { describe, expect, it } from 'vitest';
import { formatNumber, ordinal } from '../../../../src/core/format';
import { Rng } from '../../../../src/core/rng';
import { Study, type StudySettings, type Trial } from '../../../../src/core/study';
import { explainTrial, type ExplainContext } from '../../../../src/report/explain/explain-trial';
import { settingsFor, simulate } from '../../support/simulate';

const text = (t: Trial, ctx: ExplainContext) => explainTrial(t, ctx).join(' ');
const byNumber = (trials: readonly Trial[], n: number) => trials.find((t) => t.number === n)!;
/** Rank as the bracket runner ranks: lower loss first, equal losses in number order. */
const rankIn = (t: Trial, peers: readonly Trial[]) =>
  [...peers].sort((a, b) => a.score! - b.score! || a.number - b.number).indexOf(t) + 1;

/** Keras Tuner's worked example: bracket 2 is 12 × 2 → 4 × 4 → 2 × 10 epochs. */
const hyperband = settingsFor({ algorithm: 'hyperband', maxEpochs: 10, factor: 3, maxTrials: 100 });

function context(study: Study, finished = true): ExplainContext {
  return { settings: study.settings, trials: study.trials, finished };
}

describe('Hyperband and successive halving', () => {
  const { study } = simulate(new Study(hyperband), { failWhen: (t) => t.number === 4 });
  const ctx = context(study);
  const round0 = study.trials.filter((t) => t.number < 12);
  const promotedParents = new Set(
    study.trials.filter((t) => t.number >= 12 && t.number < 16).map((t) => t.parentId),
  );

  it('a trial left behind: its rank in its round and how many went on', () => {
    const stopped = round0.find((t) => t.state === 'completed' && !promotedParents.has(t.id))!;
    const rank = rankIn(
      stopped,
      round0.filter((t) => t.score !== undefined),
    );
    expect(explainTrial(stopped, ctx)[0]).toBe(
      `Trial #${stopped.number + 1} stopped at rung 1 of bracket 2 (2 epochs): val_loss ${formatNumber(stopped.score!)} ranked ${ordinal(rank)} of 12; only the top 4 (12/3) go on.`,
    );
    expect(explainTrial(stopped, ctx)[1]).toBe('It is a new configuration, drawn at random.');
  });

  it('a promoted trial: its rank, the top that continue, and its continuation from the checkpoint', () => {
    const parent = round0.find((t) => promotedParents.has(t.id))!;
    const child = study.trials.find((t) => t.parentId === parent.id)!;
    const rank = rankIn(
      parent,
      round0.filter((t) => t.score !== undefined),
    );
    expect(explainTrial(parent, ctx)[0]).toBe(
      `Trial #${parent.number + 1} was promoted at rung 1 of bracket 2 (2 epochs): val_loss ${formatNumber(parent.score!)} ranked ${ordinal(rank)} of 12, and the top 4 continue to 4 epochs. It continues as trial #${child.number + 1}, from its checkpoint.`,
    );
    expect(text(child, ctx)).toContain(
      `It continues trial #${parent.number + 1} from its checkpoint: #${parent.number + 1} ranked ${ordinal(rank)} of 12 at 2 epochs, and the top 4 went on.`,
    );
  });

  it('the last rung of a bracket, and the single rung of the last bracket', () => {
    const top = study.trials.filter((t) => t.bracket === 2 && t.round === 2);
    expect(top).toHaveLength(2);
    for (const t of top)
      expect(explainTrial(t, ctx)[0]).toMatch(
        new RegExp(
          `^Trial #${t.number + 1} finished its last rung, rung 3 of bracket 2 \\(10 epochs\\): val_loss [\\d.]+, (1st|2nd) of 2 there\\.$`,
        ),
      );
    const only = study.trials.find((t) => t.bracket === 0)!;
    expect(explainTrial(only, ctx)[0]).toMatch(/finished its only rung, rung 1 of bracket 0 \(10 epochs\)/);
  });

  it('a failed trial: its reason, and that it is never promoted', () => {
    expect(explainTrial(byNumber(study.trials, 4), ctx)[0]).toBe(
      'Trial #5 failed at rung 1 of bracket 2 (2 epochs): simulated failure. A failed trial scores nothing and is never promoted.',
    );
  });

  it('a rung still running: results so far, and what happens once all have reported', () => {
    const partial = simulate(new Study(hyperband), { parallel: 2, maxSteps: 3 }).study;
    const done = partial.trials.filter((t) => t.state === 'completed');
    const running = partial.trials.filter((t) => t.state === 'running');
    expect(done).toHaveLength(3);
    expect(running).toHaveLength(1);
    const t = done[0];
    expect(explainTrial(t, context(partial, false))[0]).toBe(
      `Trial #${t.number + 1} finished rung 1 of bracket 2 (2 epochs) with val_loss ${formatNumber(t.score!)}, ${ordinal(rankIn(t, done))} of the 3 results so far; once all 12 trials of the rung have reported, the top 4 go on to 4 epochs.`,
    );
    expect(explainTrial(t, context(partial, true))[0]).toMatch(
      /; the search ended before the rung was decided\.$/,
    );
    expect(explainTrial(running[0], context(partial, false))[0]).toBe(
      `Trial #${running[0].number + 1} is training now at rung 1 of bracket 2 (2 epochs).`,
    );
  });

  it('a round decided whose chosen trials wait for a worker', () => {
    const partial = simulate(new Study(hyperband), { maxSteps: 12 }).study;
    expect(partial.trials).toHaveLength(12);
    const ranked = [...partial.trials].sort((a, b) => a.score! - b.score! || a.number - b.number);
    expect(explainTrial(ranked[0], context(partial, false))[0]).toBe(
      `Trial #${ranked[0].number + 1} was chosen to go on: val_loss ${formatNumber(ranked[0].score!)} ranked 1st of 12 at rung 1 of bracket 2 (2 epochs), in the top 4; it continues when a worker is free.`,
    );
    expect(explainTrial(ranked[4], context(partial, false))[0]).toMatch(
      /ranked 5th of 12; only the top 4 \(12\/3\) go on\.$/,
    );
  });

  it('an early stop still counts, and its promotion trains from scratch: there is no checkpoint', () => {
    const state = study.toJSON();
    const parent = state.trials.find((t) => t.number < 12 && promotedParents.has(t.id))!;
    Object.assign(parent, {
      state: 'stopped',
      reason: 'early stopping at epoch 1: no improvement in val_loss for 1 epochs',
    });
    const trials = state.trials;
    const edited = { settings: state.settings, trials, finished: true };
    const child = trials.find((t) => t.parentId === parent.id)!;
    expect(explainTrial(parent, edited)).toContain(
      'It ended before its budget (early stopping at epoch 1: no improvement in val_loss for 1 epochs); the score it reached still counts.',
    );
    expect(explainTrial(parent, edited)[0]).toMatch(
      /was promoted at rung 1 of bracket 2.*, from scratch: it ended early and left no checkpoint\.$/,
    );
    const ref = `#${parent.number + 1}`;
    expect(explainTrial(child, edited).at(-1)).toMatch(
      new RegExp(
        `^It continues trial ${ref} from scratch \\(${ref} ended early and left no checkpoint\\): ${ref} ranked `,
      ),
    );
  });

  it('a trial the user stopped before it reported anything', () => {
    const state = study.toJSON();
    const t = state.trials[1];
    Object.assign(t, { state: 'stopped', reason: 'stopped by the user', score: undefined, executions: [] });
    expect(explainTrial(t, { settings: state.settings, trials: state.trials, finished: true })[0]).toBe(
      'Trial #2 was stopped at rung 1 of bracket 2 (2 epochs) before it reported val_loss (stopped by the user).',
    );
  });

  it('successive halving has one bracket, so its rungs are not named after one', () => {
    const sh = simulate(
      new Study(
        settingsFor({
          algorithm: 'successive-halving',
          maxEpochs: 9,
          factor: 3,
          minEpochs: 1,
          maxTrials: 100,
        }),
      ),
    ).study;
    for (const t of sh.trials) expect(text(t, context(sh))).not.toContain('bracket');
    const last = sh.trials.find((t) => t.round === 2)!;
    expect(explainTrial(last, context(sh)).at(-1)).toMatch(
      /^It continues trial #\d+ from its checkpoint: #\d+ ranked 1st of 3 at 3 epochs, and the best one went on\.$/,
    );
    expect(explainTrial(last, context(sh))[0]).toMatch(
      /finished its last rung, rung 3 \(9 epochs\): val_loss [\d.]+, 1st of 1 there\.$/,
    );
    expect(
      sh.trials
        .map((t) => explainTrial(t, context(sh))[0])
        .filter((s) => s.includes(' stopped at rung 1 (1 epoch)')),
    ).toHaveLength(6);
  });

  it('a data budget retrains from scratch on more rows', () => {
    const data = simulate(new Study({ ...hyperband, budget: 'data' })).study;
    const child = data.trials.find((t) => t.parentId !== undefined)!;
    expect(text(child, context(data))).toContain('retrained from scratch on more rows');
    expect(text(child, context(data))).toMatch(/rung 2 of bracket 2 \(40 % of the training rows\)/);
  });
});

describe('ASHA', () => {
  const asha = settingsFor({ algorithm: 'asha', maxEpochs: 9, factor: 3, minEpochs: 1, maxTrials: 30 });
  const { study } = simulate(new Study(asha), { parallel: 3, rng: new Rng(5) });
  const ctx = context(study);

  it('a promotion: as soon as it ranked in the top ⌊n/η⌋ of the results at its rung', () => {
    const child = study.trials.find((t) => t.origin?.kind === 'promoted')!;
    const parent = study.trial(child.parentId!);
    if (child.origin?.kind !== 'promoted') throw new Error('not promoted');
    const { rank, of, keep } = child.origin;
    expect(explainTrial(parent, ctx)[0]).toBe(
      `Trial #${parent.number + 1} was promoted as soon as it ranked ${ordinal(rank)} of the ${of} results at rung ${parent.round! + 1} (${parent.resource} epoch${parent.resource === 1 ? '' : 's'}); the top ⌊${of}/3⌋ = ${keep} ${keep === 1 ? 'qualifies' : 'qualify'}. Trial #${child.number + 1} continues it to ${child.resource} epochs from its checkpoint.`,
    );
    expect(explainTrial(child, ctx).at(-1)).toContain(
      `It continues trial #${parent.number + 1} from its checkpoint`,
    );
  });

  it('never promoted: its rank now and how many qualify', () => {
    const bottom = study.trials.filter((t) => t.round === 0 && t.score !== undefined);
    const never = bottom.find((t) => !study.trials.some((c) => c.parentId === t.id))!;
    const rank = rankIn(never, bottom);
    const keep = Math.floor(bottom.length / 3);
    expect(rank).toBeGreaterThan(keep);
    expect(explainTrial(never, ctx)[0]).toBe(
      `Trial #${never.number + 1} finished rung 1 (1 epoch) with val_loss ${formatNumber(never.score!)}, ${ordinal(rank)} of the ${bottom.length} results there; the top ⌊${bottom.length}/3⌋ = ${keep} qualify, so it was never promoted.`,
    );
    expect(explainTrial(never, context(study, false))[0]).toMatch(/so it has not been promoted \(yet\)\.$/);
  });

  it('inside the quota but not promoted yet, and the top rung', () => {
    const trials: Trial[] = [0.5, 0.3, 0.4].map((loss, i) => ({
      id: String(i),
      number: i,
      config: { lr: i },
      resource: 1,
      round: 0,
      origin: { kind: 'random' },
      state: 'completed',
      executions: [],
      score: loss,
    }));
    const settings = asha;
    expect(explainTrial(trials[1], { settings, trials, finished: false })[0]).toBe(
      'Trial #2 finished rung 1 (1 epoch) with val_loss 0.3, 1st of the 3 results there: inside the top ⌊3/3⌋ = 1, it is promoted when a worker is next free.',
    );
    expect(explainTrial(trials[1], { settings, trials, finished: true })[0]).toMatch(
      /inside the top ⌊3\/3⌋ = 1, but the search ended before it was promoted\.$/,
    );
    const top: Trial = { ...trials[0], id: '9', number: 9, resource: 9, round: 2, score: 0.2 };
    expect(explainTrial(top, { settings, trials: [...trials, top], finished: true })[0]).toBe(
      'Trial #10 reached the top rung, rung 3 (9 epochs): val_loss 0.2, 1st of the 1 result there.',
    );
  });
});

describe('random, grid, Bayesian optimisation and TPE', () => {
  const maxSettings = (algorithm: 'random' | 'grid' | 'bayesian' | 'tpe', extra = {}): StudySettings =>
    settingsFor(
      { algorithm, maxTrials: 8, epochs: 3, initialPoints: 3, ...extra },
      { objective: { metric: 'val_accuracy', direction: 'max' } },
    );
  const scored = (n: number, score: number, origin: Trial['origin']): Trial => ({
    id: String(n),
    number: n,
    config: { lr: n },
    resource: 3,
    origin,
    state: 'completed',
    executions: [
      {
        status: 'completed',
        score,
        history: [1, 2, 3].map((epoch) => ({ epoch, metrics: { val_accuracy: score - (3 - epoch) / 100 } })),
      },
    ],
    score,
  });

  it('random search: drawn at random, then how it scored among the others', () => {
    const trials = [scored(0, 0.9, { kind: 'random' }), scored(1, 0.95, { kind: 'random' })];
    expect(text(trials[0], { settings: maxSettings('random'), trials, finished: true })).toBe(
      'Trial #1 was drawn at random from the search space, as every random-search trial is. It scored val_accuracy 0.9 after 3 epochs: 2nd of the 2 scored trials.',
    );
  });

  it('grid search: its point of the grid', () => {
    const trials = [scored(0, 0.9, { kind: 'grid' }), scored(1, 0.95, { kind: 'grid' })];
    expect(explainTrial(trials[1], { settings: maxSettings('grid'), trials, finished: true })[0]).toBe(
      'Trial #2 is point 2 of the grid, which is tried in order.',
    );
  });

  it('Bayesian optimisation: a seed, a fallback, and a proposal with its prediction as a score', () => {
    const trials = [
      scored(0, 0.9, { kind: 'random', why: 'start' }),
      scored(1, 0.91, { kind: 'random', why: 'fallback' }),
      scored(2, 0.92, { kind: 'model', predicted: { loss: -0.93, sd: 0.02 } }),
    ];
    const ctx = { settings: maxSettings('bayesian'), trials, finished: true };
    expect(explainTrial(trials[0], ctx)[0]).toBe(
      'Trial #1 was drawn at random: one of the first 3 random trials that seed the model.',
    );
    expect(explainTrial(trials[1], ctx)[0]).toBe(
      'Trial #2 was drawn at random: every configuration the model preferred had been tried already.',
    );
    expect(explainTrial(trials[2], ctx)).toEqual([
      'Trial #3 was proposed by the Gaussian process: predicted val_accuracy 0.93 ± 0.02, the best optimistic bound (0.93 + 2.6 × 0.02) among the candidates it scored.',
      'It scored val_accuracy 0.92 after 3 epochs: 1st of the 3 scored trials.',
    ]);
    const ei = { ...ctx, settings: maxSettings('bayesian', { acquisition: 'ei' }) };
    expect(explainTrial(trials[2], ei)[0]).toContain(
      'predicted val_accuracy 0.93 ± 0.02, the largest expected improvement over the best so far',
    );
    const lossSettings = settingsFor({ algorithm: 'bayesian', maxTrials: 8, initialPoints: 3 });
    expect(explainTrial(trials[2], { ...ctx, settings: lossSettings })[0]).toContain(
      'predicted val_loss -0.93 ± 0.02, the best optimistic bound (-0.93 − 2.6 × 0.02)',
    );
  });

  it('TPE: proposed where good trials are dense; a failure is left out of the model', () => {
    const failed: Trial = {
      ...scored(1, 0, { kind: 'model' }),
      state: 'failed',
      reason: 'diverged at epoch 2',
      score: undefined,
    };
    const trials = [scored(0, 0.9, { kind: 'model' }), failed];
    const ctx = { settings: maxSettings('tpe'), trials, finished: true };
    expect(explainTrial(trials[0], ctx)[0]).toBe(
      'Trial #1 was proposed by TPE: drawn where the best trials so far are dense and the others sparse.',
    );
    expect(explainTrial(failed, ctx)[1]).toBe(
      'It failed: diverged at epoch 2. A failed trial scores nothing, and the model leaves it out.',
    );
  });

  it('a running trial, and an early stop with the epochs it trained', () => {
    const running: Trial = {
      ...scored(0, 0, { kind: 'random' }),
      state: 'running',
      executions: [],
      score: undefined,
    };
    const early: Trial = {
      ...scored(1, 0.9, { kind: 'random' }),
      state: 'stopped',
      reason: 'early stopping at epoch 3: no improvement in val_accuracy for 2 epochs',
    };
    const trials = [running, early];
    const ctx = { settings: maxSettings('random'), trials, finished: false };
    expect(explainTrial(running, ctx)[1]).toBe('It is training now, towards 3 epochs.');
    expect(explainTrial(early, ctx).slice(1)).toEqual([
      'It ended before its budget (early stopping at epoch 3: no improvement in val_accuracy for 2 epochs); the score it reached still counts.',
      'It scored val_accuracy 0.9 after 3 epochs: 1st of the 1 scored trial.',
    ]);
  });

  it('a real Bayesian study: the first trials seed the model, the rest carry its prediction', () => {
    const { study } = simulate(
      new Study(settingsFor({ algorithm: 'bayesian', maxTrials: 7, epochs: 3, initialPoints: 3 })),
    );
    const first = study.trials.map((t) => explainTrial(t, context(study))[0]);
    expect(
      first.slice(0, 3).every((s) => s.includes('one of the first 3 random trials that seed the model')),
    ).toBe(true);
    expect(
      first.slice(3).every((s) => /proposed by the Gaussian process: predicted val_loss [\d.-]+ ± /.test(s)),
    ).toBe(true);
  });
});
