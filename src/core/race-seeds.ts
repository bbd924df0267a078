/**
 * A race repeated over seeds, read across the seeds: each tuner's final best in every seed, their mean
 * and spread, how often each tuner won, and the paired sign test of the leader against each other tuner.
 * Pure numbers; report/explain/race-verdict.ts words them.
 */
import { signTestP } from './math/sign-test';
import { mean, std } from './math/statistics';
import { algorithmInfo } from './oracles/registry';
import type { Algorithm } from './oracles/types';
import { raceSummary, type RaceLane } from './race';
import { better, type Objective } from './scoring';

/** One run of the race: the lanes of one seed, with their places in the full list of lanes. */
export interface Repetition {
  seed: number;
  lanes: { lane: RaceLane; index: number }[];
}

/** The lanes grouped by their study seed, in the order the seeds first appear. */
export function repetitionsOf(lanes: readonly RaceLane[]): Repetition[] {
  const bySeed = new Map<number, Repetition>();
  lanes.forEach((lane, index) => {
    const seed = lane.settings.seed;
    if (!bySeed.has(seed)) bySeed.set(seed, { seed, lanes: [] });
    bySeed.get(seed)!.lanes.push({ lane, index });
  });
  return [...bySeed.values()];
}

export interface TunerAcrossSeeds {
  algorithm: Algorithm;
  label: string;
  /** The final best in each seed, in seed order; undefined until that lane has a scored trial. */
  finals: (number | undefined)[];
  mean?: number;
  /** The sample standard deviation over the seeds with a final best; undefined with fewer than two. */
  sd?: number;
  min?: number;
  max?: number;
  /** Seeds (with every tuner scored) where this tuner alone had the best final score. */
  wins: number;
  /** Seeds where it shared the best final score with another tuner. */
  ties: number;
}

/** The leader against one other tuner, seed by seed. */
export interface PairRecord {
  leader: Algorithm;
  other: Algorithm;
  /** Seeds where both have a final best. */
  seeds: number;
  leaderBetter: number;
  otherBetter: number;
  ties: number;
  /** The paired sign test's two-sided p over the untied seeds. */
  p: number;
}

export interface SeedsSummary {
  seeds: number[];
  tuners: TunerAcrossSeeds[];
  /** Seeds where every tuner has a final best: wins and ties are counted over these. */
  decided: number;
  /** Of those, seeds whose best final score two or more tuners shared. */
  sharedBest: number;
  /** The tuner with the most wins (then ties, then the better mean). */
  leader: Algorithm;
  /** The leader against each other tuner, in race order. */
  pairs: PairRecord[];
}

export function seedsSummary(lanes: readonly RaceLane[], objective: Objective): SeedsSummary {
  const { direction } = objective;
  const repetitions = repetitionsOf(lanes);
  const algorithms = repetitions[0]?.lanes.map(({ lane }) => lane.algorithm) ?? [];
  const finals = repetitions.map((rep) => {
    const rows = raceSummary(
      rep.lanes.map(({ lane }) => lane),
      objective,
    ).rows;
    return algorithms.map((a) => rows.find((r) => r.algorithm === a)?.best);
  });
  const tuners = algorithms.map((algorithm, t): TunerAcrossSeeds => {
    const values = finals.map((f) => f[t]);
    const scored = values.filter((v): v is number => v !== undefined);
    return {
      algorithm,
      label: algorithmInfo(algorithm).label,
      finals: values,
      ...(scored.length > 0 && {
        mean: mean(scored),
        min: Math.min(...scored),
        max: Math.max(...scored),
      }),
      ...(scored.length > 1 && { sd: std(scored, 1) }),
      wins: 0,
      ties: 0,
    };
  });
  let decided = 0;
  let sharedBest = 0;
  for (const values of finals) {
    if (values.some((v) => v === undefined)) continue;
    decided++;
    const top = (values as number[]).reduce((a, b) => (better(direction, b, a) ? b : a));
    const winners = values.flatMap((v, t) => (v === top ? [t] : []));
    if (winners.length > 1) sharedBest++;
    for (const t of winners) tuners[t][winners.length > 1 ? 'ties' : 'wins']++;
  }
  const leader = leaderOf(tuners, objective);
  const pairs = tuners.filter((t) => t !== leader).map((other) => pairRecord(leader!, other, objective));
  return {
    seeds: repetitions.map((r) => r.seed),
    tuners,
    decided,
    sharedBest,
    leader: leader?.algorithm ?? algorithms[0],
    pairs,
  };
}

function leaderOf(tuners: TunerAcrossSeeds[], { direction }: Objective): TunerAcrossSeeds | undefined {
  const ahead = (a: TunerAcrossSeeds, b: TunerAcrossSeeds): boolean => {
    if (a.wins !== b.wins) return a.wins > b.wins;
    if (a.ties !== b.ties) return a.ties > b.ties;
    if (a.mean === undefined || b.mean === undefined) return a.mean !== undefined;
    return better(direction, a.mean, b.mean);
  };
  return tuners.reduce<TunerAcrossSeeds | undefined>(
    (a, b) => (a === undefined || ahead(b, a) ? b : a),
    undefined,
  );
}

function pairRecord(leader: TunerAcrossSeeds, other: TunerAcrossSeeds, { direction }: Objective): PairRecord {
  const record = {
    leader: leader.algorithm,
    other: other.algorithm,
    seeds: 0,
    leaderBetter: 0,
    otherBetter: 0,
    ties: 0,
  };
  leader.finals.forEach((a, s) => {
    const b = other.finals[s];
    if (a === undefined || b === undefined) return;
    record.seeds++;
    if (a === b) record.ties++;
    else if (better(direction, a, b)) record.leaderBetter++;
    else record.otherBetter++;
  });
  return { ...record, p: signTestP(record.leaderBetter, record.otherBetter) };
}
