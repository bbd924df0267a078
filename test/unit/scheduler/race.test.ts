import { describe, expect, it } from 'vitest';
import { hyperbandPlan } from '../../../src/core/oracles/hyperband-plan';
import type { Algorithm } from '../../../src/core/oracles/types';
import { anytimeCurve, raceBudget, raceLanes, raceSeeds, raceSummary } from '../../../src/core/race';
import { Study } from '../../../src/core/study';
import { raceReading } from '../../../src/report/explain/race-reading';
import { Scheduler } from '../../../src/scheduler/scheduler';
import type { TunerEvent } from '../../../src/workers/protocol';
import { fakeTrainers } from '../support/fake-trainer';
import { settingsFor, simulate } from '../support/simulate';

const base = settingsFor({ algorithm: 'hyperband', maxEpochs: 9, factor: 3, epochs: 9 });

describe('a race between tuners', () => {
  it('gives every tuner the same data, seed, space and epoch budget: one Hyperband sweep by default', () => {
    const race = { algorithms: ['random', 'hyperband', 'bayesian'] as const, epochBudget: 0, seeds: 1 };
    const lanes = raceLanes(base, { ...race, algorithms: [...race.algorithms] });
    const budget = raceBudget(base, { ...race, algorithms: [...race.algorithms] });
    expect(budget).toBe(
      hyperbandPlan({ maxEpochs: 9, factor: 3, iterations: 1, variant: 'keras-tuner' }).totalEpochs,
    );
    for (const lane of lanes) {
      expect(lane.epochBudget).toBe(budget);
      expect(lane.seed).toBe(base.seed);
      expect(lane.space).toBe(base.space);
    }
    expect(lanes.map((l) => l.tuner.algorithm)).toEqual(['random', 'hyperband', 'bayesian']);
    expect(lanes[0].tuner.epochs).toBe(9);
    expect(lanes[0].tuner.maxTrials).toBe(Math.floor(budget / 9));
  });

  it('interleaves the lanes on one pool, each spending about its budget', async () => {
    const lanes = raceLanes(base, { algorithms: ['random', 'hyperband'], epochBudget: 60, seeds: 1 });
    const events: TunerEvent[] = [];
    const scheduler = new Scheduler(
      lanes.map((s) => new Study(s)),
      fakeTrainers({ seeded: true }),
      { workers: 2, emit: (e) => events.push(e), flushMs: 5 },
    );
    await scheduler.run();
    for (const study of scheduler.studies) {
      expect(study.finished).toBeDefined();
      // Every promotion resumed from its parent's checkpoint: nothing trained twice.
      expect(study.epochsConsumed).toBe(study.epochsCommitted);
      expect(study.epochsConsumed).toBeGreaterThanOrEqual(50);
      expect(study.epochsConsumed).toBeLessThanOrEqual(60 + 9);
    }
    const lanesSeen = new Set(events.flatMap((e) => (e.type === 'trial' ? [e.lane] : [])));
    expect([...lanesSeen].sort()).toEqual([0, 1]);
    // Fair share: while both run, neither lane gets far ahead of the other.
    const order = events.flatMap((e) => (e.type === 'trial' && e.trial.state === 'running' ? [e.lane] : []));
    const firstFour = order.slice(0, 4);
    expect(firstFour.filter((l) => l === 0).length).toBeGreaterThan(0);
    expect(firstFour.filter((l) => l === 1).length).toBeGreaterThan(0);
    const last = events.filter((e) => e.type === 'status').at(-1);
    expect(last?.type === 'status' && last.bestIds).toHaveLength(2);
  });

  it('repeats over seeds: tuners × seeds lanes on one pool, the first seed exactly the plain race', async () => {
    const race = { algorithms: ['random', 'hyperband'] as Algorithm[], epochBudget: 30 };
    const run = async (seeds: number) => {
      const scheduler = new Scheduler(
        raceLanes(base, { ...race, seeds }).map((s) => new Study(s)),
        fakeTrainers({ seeded: true }),
        { workers: 2, emit: () => {}, flushMs: 5 },
      );
      await scheduler.run();
      return scheduler.studies;
    };
    const repeated = await run(3);
    expect(repeated.map((s) => s.settings.seed)).toEqual(raceSeeds(base.seed, 3).flatMap((s) => [s, s]));
    for (const study of repeated) {
      expect(study.finished).toBeDefined();
      expect(study.epochsConsumed).toBeGreaterThanOrEqual(21);
      expect(study.epochsConsumed).toBeLessThanOrEqual(30 + 9);
    }
    const results = (studies: readonly Study[]) =>
      studies.map((s) => s.trials.map((t) => `${t.number}:${JSON.stringify(t.config)}:${t.score}`).sort());
    expect(results(repeated.slice(0, 2))).toEqual(results(await run(1)));
    // Other seeds draw other configurations.
    expect(results(repeated.slice(2, 4))).not.toEqual(results(repeated.slice(0, 2)));
  });

  it('reads the anytime curve and the end table in plain words', () => {
    const lanes = raceLanes(settingsFor({ algorithm: 'random', maxEpochs: 9, factor: 3, epochs: 9 }), {
      algorithms: ['random', 'hyperband'],
      epochBudget: 0,
      seeds: 1,
    });
    const runs = lanes.map((s) => simulate(new Study(s)).study);
    const curve = anytimeCurve(runs[1].trials, 'min');
    expect(curve.length).toBeGreaterThan(3);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i].epochs).toBeGreaterThanOrEqual(curve[i - 1].epochs);
      expect(curve[i].best).toBeLessThanOrEqual(curve[i - 1].best);
    }
    const raced = runs.map((study, i) => ({
      algorithm: lanes[i].tuner.algorithm,
      trials: study.trials,
      settings: lanes[i],
    }));
    const objective = { metric: 'val_loss', direction: 'min' } as const;
    const summary = raceSummary(raced, objective);
    expect(summary.baseline).toBe('random');
    expect(summary.rows.map((r) => r.label)).toEqual(['Random search', 'Hyperband']);
    expect(summary.rows[0].epochsToBaseline).toBe(
      anytimeCurve(runs[0].trials, 'min').find((p) => p.best === summary.rows[0].best)!.epochs,
    );
    const reading = raceReading({ lanes: raced, objective });
    expect(reading).toMatch(/found the best val_loss/);
    expect(reading).toMatch(/Hyperband (matched|never matched) random search's final best/);
  });
});

describe('a race in a link', () => {
  it('round-trips the tuners, the budget and the seeds, and refuses bad values with a notice', async () => {
    const { decodeSetup, encodeSetup } = await import('../../../src/app/url-state');
    const { defaultSetup } = await import('../../../src/core/experiment');
    const setup = defaultSetup();
    setup.race = { algorithms: ['random', 'hyperband', 'bayesian'], epochBudget: 150, seeds: 1 };
    const hash = encodeSetup(setup);
    expect(hash).toContain('race=random,hyperband,bayesian');
    expect(decodeSetup(hash).setup.race).toEqual(setup.race);
    expect(hash).not.toContain('raceSeeds');
    setup.race.seeds = 5;
    const repeated = encodeSetup(setup);
    expect(repeated).toContain('raceSeeds=5');
    expect(decodeSetup(repeated).setup.race).toEqual(setup.race);
    for (const bad of ['0', '21', '2.5', 'five']) {
      const decoded = decodeSetup(`#race=random,hyperband&raceSeeds=${bad}`);
      expect(decoded.setup.race.seeds).toBe(1);
      expect(decoded.notices.join(' ')).toMatch(/raceSeeds.*a whole number from 1 to 20/);
    }
    for (const bad of ['random', 'random,random', 'random,magic', 'random,grid,tpe,asha,bayesian']) {
      const decoded = decodeSetup(`#race=${bad}`);
      expect(decoded.setup.race.algorithms).toEqual([]);
      expect(decoded.notices.join(' ')).toMatch(/race.*2 to 4 different tuners/);
    }
  });
});
