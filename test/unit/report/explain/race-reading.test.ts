/** One race read out: the winner's lead against the noise, "never matched", and curves that coincide. */
import { describe, expect, it } from 'vitest';
import type { Algorithm } from '../../../../src/core/oracles/types';
import type { RaceLane } from '../../../../src/core/race';
import { sharedStarts } from '../../../../src/core/race-shared-start';
import type { Config } from '../../../../src/core/space/types';
import type { Trial } from '../../../../src/core/study';
import { raceReading } from '../../../../src/report/explain/race-reading';
import { settingsFor } from '../../support/simulate';

const accuracy = { metric: 'val_accuracy', direction: 'max' } as const;
/** Pima's split: 115 validation rows, where one row is 0.0087. */
const pima = { train: 537, validation: 115, test: 116 };

function trial(number: number, score: number, config: Config, resource = 10): Trial {
  return {
    id: String(number),
    number,
    config,
    resource,
    state: 'completed',
    executions: [{ status: 'completed', score, history: [] }],
    score,
    ended: { epochs: resource * (number + 1) },
  };
}

function lane(algorithm: Algorithm, trials: Trial[], seed = 42): RaceLane {
  return {
    algorithm,
    trials,
    settings: settingsFor(
      { algorithm, maxTrials: 12, maxEpochs: 10, epochs: 10 },
      { seed, objective: accuracy },
    ),
  };
}

/** Random search's four trials; Bayesian optimisation runs the same four first (its random start). */
const drawn = [{ lr: 0.01 }, { lr: 0.002 }, { lr: 0.05 }, { lr: 0.0004 }];
const randomTrials = [0.8, 96 / 115, 0.8087, 0.8174].map((s, i) => trial(i, s, drawn[i]));
const hyperbandTrials = [0.79, 95 / 115, 0.8].map((s, i) => trial(i, s, { lr: 0.1 + i }, 2));
const bayesianTrials = [...randomTrials, trial(4, 0.8, { lr: 0.003 })];

describe('the reading of one race', () => {
  it("the issue's race on Pima: one row apart is within the noise, and the coinciding lines are named", () => {
    const lanes = [
      lane('random', randomTrials),
      lane('hyperband', hyperbandTrials),
      lane('bayesian', bayesianTrials),
    ];
    expect(raceReading({ lanes, objective: accuracy, rows: pima, suggestSeeds: true })).toBe(
      [
        'Random search found the best val_accuracy, 0.8348, in 4 trials; Bayesian optimisation found the same.',
        'Its lead over Hyperband (0.8261) is 0.0087 (1 of 115 validation rows): within the validation noise (2 standard errors are 0.069 at 115 validation rows), so the data cannot tell the two apart.',
        'Repeat the race over several seeds to tell a real lead from luck.',
        "Hyperband never matched random search's final best (0.8348): it ended 0.0087 (1 of 115 validation rows) behind, within the validation noise (0.069).",
        "Bayesian optimisation matched random search's final best (0.8348) after 20 epochs; random search took 20.",
        "Bayesian optimisation's first 4 trials are the same random configurations random search drew (its random start comes from the same seed, 42), so their curves coincide until trial #4.",
      ].join(' '),
    );
  });

  it('a lead beyond the noise is called likely real; without the rows the noise is not invented', () => {
    const lanes = [
      lane('random', [trial(0, 0.6, { lr: 1 })]),
      lane('hyperband', [trial(0, 0.9, { lr: 2 }, 2)]),
    ];
    const reading = raceReading({
      lanes,
      objective: accuracy,
      rows: { train: 800, validation: 400, test: 400 },
    });
    expect(reading).toContain(
      'Its lead over random search (0.6) is 0.3 (120 of 400 validation rows): more than the validation noise (2 standard errors are 0.03 at 400 validation rows), so the difference is likely real.',
    );
    expect(reading).toContain(
      "Hyperband matched random search's final best (0.6) after 2 epochs; random search took 10.",
    );
    expect(reading).not.toContain('Repeat the race');
    expect(raceReading({ lanes, objective: accuracy })).toContain(
      'no estimate of the noise says whether that is real (the dataset is not loaded, so the validation size is unknown)',
    );
  });

  it('a loss from one execution: the gap is given, the noise said to be unknown', () => {
    const loss = { metric: 'val_loss', direction: 'min' } as const;
    const lanes = [lane('random', [trial(0, 0.3, { lr: 1 })]), lane('tpe', [trial(0, 0.35, { lr: 2 })])];
    const reading = raceReading({ lanes, objective: loss, rows: pima });
    expect(reading).toContain(
      "TPE never matched random search's final best (0.3): it ended 0.05 behind, with the noise unknown.",
    );
    expect(reading).toContain(
      'these results hold no standard error of val_loss from the validation rows, and one execution per trial shows no spread',
    );
    expect(reading).not.toContain('coincide');
  });

  it('before any trial has finished', () => {
    expect(raceReading({ lanes: [lane('random', []), lane('hyperband', [])], objective: accuracy })).toBe(
      'No tuner has finished a trial yet.',
    );
  });
});

describe('tuners that share a start', () => {
  it('counts the first trials with the same number, configuration and epochs, within one seed', () => {
    const random = lane('random', randomTrials);
    const bayesian = lane('bayesian', bayesianTrials);
    const tpe = lane('tpe', [...randomTrials.slice(0, 2), trial(2, 0.7, { lr: 9 })]);
    const hyperband = lane(
      'hyperband',
      randomTrials.map((t) => ({ ...t, resource: 2 })),
    );
    expect(sharedStarts([random, hyperband, bayesian, tpe])).toEqual([
      { lane: 2, sharedWith: 0, trials: 4 },
      { lane: 3, sharedWith: 0, trials: 2 },
    ]);
    // Another seed's lanes never share: their seeds draw other configurations.
    expect(sharedStarts([random, lane('bayesian', bayesianTrials, 7)])).toEqual([]);
    // Unfinished trials do not count yet.
    const running = { ...bayesianTrials[1], score: undefined, state: 'running' as const };
    expect(sharedStarts([random, lane('bayesian', [bayesianTrials[0], running])])).toEqual([
      { lane: 1, sharedWith: 0, trials: 1 },
    ]);
  });

  it("says why: a model-based tuner's random start, or the same trials from the same seed", () => {
    const reading = raceReading({
      lanes: [lane('grid', randomTrials.slice(0, 2)), lane('random', randomTrials.slice(0, 1))],
      objective: accuracy,
      rows: pima,
    });
    expect(reading).toContain(
      "Random search's first trial is the same configuration grid search trained, from the same seed (42), so their curves coincide until trial #1.",
    );
  });
});
