/**
 * A race: two to four tuners on the same data, seed, space and epoch budget, sharing one worker pool,
 * once or repeated over several seeds. Pure: the lanes' study settings, each lane's anytime curve, and
 * the table at the end (report/explain/race-reading.ts reads it out).
 */
import { algorithmInfo } from './oracles/registry';
import { hyperbandPlan } from './oracles/hyperband-plan';
import type { Algorithm } from './oracles/types';
import { Rng } from './rng';
import { better, type Direction, type Objective } from './scoring';
import type { StudySettings, Trial } from './study';

export interface RaceSetup {
  /** The tuners racing, in the order the user listed them; fewer than two means no race. */
  algorithms: Algorithm[];
  /** Epochs each tuner may train in all; 0 means one Hyperband sweep at the setup's R and η. */
  epochBudget: number;
  /** How many times the race runs, each time from its own seed (the first is the setup's seed). */
  seeds: number;
}

export const MAX_RACERS = 4;
/** A race repeated more often than this would take hours at the default budget. */
export const MAX_RACE_SEEDS = 20;

export const isRace = (race: RaceSetup | undefined): race is RaceSetup => (race?.algorithms.length ?? 0) >= 2;

/** The epochs each tuner gets: the set budget, or what one Keras Tuner Hyperband sweep trains. */
export function raceBudget(study: StudySettings, race: RaceSetup): number {
  if (race.epochBudget > 0) return race.epochBudget;
  const { maxEpochs, factor } = study.tuner;
  return (
    hyperbandPlan({ maxEpochs, factor, iterations: 1, variant: 'keras-tuner' }).totalEpochs *
    study.executionsPerTrial
  );
}

/**
 * The study seed of each repetition: the setup's seed first (a race of one seed is the plain race), then
 * seeds derived from it, all distinct, so a link reproduces every repetition.
 */
export function raceSeeds(seed: number, count: number): number[] {
  const seeds = [seed];
  const rng = new Rng((seed ^ 0x5eed5eed) >>> 0);
  while (seeds.length < count) {
    const next = rng.seed();
    if (!seeds.includes(next)) seeds.push(next);
  }
  return seeds;
}

/**
 * One study per tuner and seed, seed by seed (the first seed's tuners, then the second's…). Each stops
 * at the budget. Single-fidelity tuners train every trial for R epochs (as long as a multi-fidelity
 * tuner's longest) and get as many trials as the budget holds, so a model-based tuner's random start is
 * a share of those; Hyperband repeats its sweep while budget remains.
 */
export function raceLanes(study: StudySettings, race: RaceSetup): StudySettings[] {
  const budget = raceBudget(study, race);
  const lanes = race.algorithms.map((algorithm): StudySettings => {
    const tuner = { ...study.tuner, algorithm };
    if (algorithmInfo(algorithm).multiFidelity) {
      const sweep = hyperbandPlan({ ...tuner, iterations: 1 }).totalEpochs * study.executionsPerTrial;
      tuner.maxTrials = 100_000;
      tuner.iterations = Math.max(1, Math.ceil(budget / sweep));
    } else {
      tuner.epochs = tuner.maxEpochs;
      const perTrial = tuner.epochs * study.executionsPerTrial;
      tuner.maxTrials = Math.max(1, Math.floor(budget / perTrial));
    }
    return { ...study, tuner, epochBudget: budget };
  });
  return raceSeeds(study.seed, race.seeds).flatMap((seed) => lanes.map((lane) => ({ ...lane, seed })));
}

export interface AnytimePoint {
  /** Epochs the lane had trained when a trial ended. */
  epochs: number;
  /** Wall time of that moment, when known. */
  ms?: number;
  /** The best score so far. */
  best: number;
}

/** Best score so far at each trial end, in the order trials ended. */
export function anytimeCurve(trials: readonly Trial[], direction: Direction): AnytimePoint[] {
  const ended = trials
    .filter((t) => t.ended && t.score !== undefined && t.state !== 'failed')
    .sort((a, b) => a.ended!.epochs - b.ended!.epochs || (a.ended!.ms ?? 0) - (b.ended!.ms ?? 0));
  const points: AnytimePoint[] = [];
  let best: number | undefined;
  for (const t of ended) {
    if (best === undefined || better(direction, t.score!, best)) best = t.score!;
    points.push({ epochs: t.ended!.epochs, ...(t.ended!.ms !== undefined && { ms: t.ended!.ms }), best });
  }
  return points;
}

export interface RaceLane {
  algorithm: Algorithm;
  trials: readonly Trial[];
  /** The lane's study settings: its seed, space, tuner and executions. */
  settings: StudySettings;
}

export interface RaceRow {
  algorithm: Algorithm;
  label: string;
  /** Undefined until a trial has a score. */
  best?: number;
  trials: number;
  epochs: number;
  /** Epochs until it first matched the baseline's final best (undefined: never did). */
  epochsToBaseline?: number;
}

export interface RaceSummary {
  rows: RaceRow[];
  /** The lane the others are measured against: random search when it races, else the first. */
  baseline: Algorithm;
}

const atLeastAsGood = (direction: Direction, a: number, b: number) => a === b || better(direction, a, b);

export function raceSummary(lanes: readonly RaceLane[], objective: Objective): RaceSummary {
  const baselineLane = lanes.find((l) => l.algorithm === 'random') ?? lanes[0];
  const baselineCurve = anytimeCurve(baselineLane.trials, objective.direction);
  const target = baselineCurve.at(-1)?.best;
  const rows = lanes.map((lane): RaceRow => {
    const curve = anytimeCurve(lane.trials, objective.direction);
    const reached =
      target === undefined
        ? undefined
        : curve.find((p) => atLeastAsGood(objective.direction, p.best, target));
    return {
      algorithm: lane.algorithm,
      label: algorithmInfo(lane.algorithm).label,
      best: curve.at(-1)?.best,
      trials: lane.trials.filter((t) => t.state !== 'running' && t.state !== 'pending').length,
      epochs: lane.trials.reduce((n, t) => Math.max(n, t.ended?.epochs ?? 0), 0),
      epochsToBaseline: reached?.epochs,
    };
  });
  return { rows, baseline: baselineLane.algorithm };
}
