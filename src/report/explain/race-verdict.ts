/**
 * A race repeated over seeds, in words worded by the evidence: how often each tuner won, the leader
 * against each other tuner by the paired sign test (in counts first: with five seeds nothing can be
 * "significant"), and how much a single race's result moves from seed to seed.
 */
import { cleanSweepNeeded } from '../../core/math/sign-test';
import { formatNumber, joinAnd, plural } from '../../core/format';
import type { Objective } from '../../core/scoring';
import type { PairRecord, SeedsSummary } from '../../core/race-seeds';
import { tunerName } from './tuner-words';

/** The level below which a sign test's p is called unlikely by luck. */
export const SIGNIFICANCE = 0.05;
/** Untied seeds, all won, before a lead is called consistent (two out of two happens by luck a quarter of the time). */
const CONSISTENT = 3;

export interface SeedsReading {
  /** How often each tuner had the best final score. */
  wins: string;
  /** The leader against each other tuner. */
  pairs: string[];
  /** The spread of the final best from seed to seed, when two or more seeds have one. */
  spread?: string;
}

const capital = (text: string): string => text[0].toUpperCase() + text.slice(1);
const times = (n: number): string => (n === 1 ? 'once' : plural(n, 'time'));
const pWords = (p: number): string => formatNumber(p, 3);

/** The leader against one other tuner, by the paired sign test, in counts first. */
export function pairVerdict(pair: PairRecord): string {
  const a = tunerName(pair.leader);
  const b = tunerName(pair.other);
  const { seeds: n, leaderBetter: k, otherBetter: l, ties: t } = pair;
  if (n === 0) return `${capital(a)} against ${b}: no seed has a final score from both yet.`;
  if (k + l === 0)
    return `${capital(a)} and ${b} tied in ${n === 1 ? 'the one seed' : `all ${n} seeds`}: the same final best every time.`;
  const tied = t > 0 ? ` and tied in ${t}` : '';
  const p = pWords(pair.p);
  if (pair.p < SIGNIFICANCE)
    return `${capital(a)} beat ${b} in ${k} of ${n} seeds${tied}: a clear winner (a sign test gives p = ${p}: so lopsided a split is unlikely by luck alone).`;
  if (l === 0) {
    const needed = cleanSweepNeeded(SIGNIFICANCE);
    const test = `sign test p = ${p}; it takes ${needed} wins in ${needed} untied seeds to go below ${SIGNIFICANCE}`;
    if (k < CONSISTENT)
      return `${capital(a)} beat ${b} in ${k} of ${n} seeds${tied}: too few untied seeds to tell a lead from luck (${test}).`;
    return `${capital(a)} beat ${b} in ${k} of ${n} seeds${tied}: a consistent lead, but ${k} untied seeds are too few to rule out luck (${test}).`;
  }
  const tiedToo = t > 0 ? `, tied in ${t}` : '';
  return `${capital(a)} against ${b}: no clear winner in ${plural(n, 'seed')} (${a} better in ${k}, ${b} in ${l}${tiedToo}; sign test p = ${p}).`;
}

export function seedsReading(summary: SeedsSummary, objective: Objective): SeedsReading {
  const { decided, sharedBest } = summary;
  const all = summary.seeds.length;
  const over =
    decided === all
      ? `Over ${plural(all, 'seed')}`
      : `Over the ${decided} of ${all} seeds every tuner has finished`;
  const counts = joinAnd(summary.tuners.map((t) => `${tunerName(t.algorithm)} ${times(t.wins)}`));
  const shared =
    sharedBest > 0
      ? `; ${sharedBest === 1 ? '1 seed was a tie' : `${sharedBest} seeds were ties`} for the best`
      : '';
  const wins =
    decided === 0
      ? 'No seed has a final score from every tuner yet.'
      : `${over}, the best final ${objective.metric} was found by ${counts}${shared}.`;
  const spreads = summary.tuners.flatMap((t) => (t.sd === undefined || t.sd === 0 ? [] : [t.sd]));
  const spread =
    spreads.length === 0
      ? undefined
      : `From seed to seed a tuner's final best varied with a standard deviation of ${
          Math.min(...spreads) === Math.max(...spreads)
            ? formatNumber(spreads[0], 2)
            : `${formatNumber(Math.min(...spreads), 2)} to ${formatNumber(Math.max(...spreads), 2)}`
        }: in a single race, a gap smaller than that says little.`;
  return { wins, pairs: summary.pairs.map(pairVerdict), ...(spread && { spread }) };
}
