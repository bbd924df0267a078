/**
 * One race read out in plain words: who found the best score and whether its lead is more than the
 * validation noise, when each tuner matched the baseline's final best (and, when one never did, whether
 * the gap it left is more than noise), and which tuners' curves coincide because they ran the same trials.
 */
import { formatNumber, joinAnd, plural } from '../../core/format';
import { raceSummary, type RaceLane, type RaceRow } from '../../core/race';
import { sharedStarts } from '../../core/race-shared-start';
import { better, type Objective } from '../../core/scoring';
import { bestTrial } from '../../core/study';
import {
  gapWords,
  judgeGap,
  noiseVerdictWords,
  scoreNoise,
  shortVerdictWords,
  type SplitRows,
} from './noise-judgement';
import { seedingCount } from './seeding-words';
import { tunerName } from './tuner-words';

export interface RaceReadingInput {
  /** The lanes of one race (one seed). */
  lanes: readonly RaceLane[];
  objective: Objective;
  /** The dataset's split sizes; unknown: an accuracy's noise cannot be worked out. */
  rows?: SplitRows;
  /** Suggest repeating the race over seeds when its lead is within the noise. */
  suggestSeeds?: boolean;
}

const num = (x: number): string => formatNumber(x);

/** The noise of a lane's best score, by the rule every reading uses. */
function laneNoise(lane: RaceLane, objective: Objective, rows: SplitRows | undefined) {
  const best = bestTrial(lane.trials, objective.direction);
  return best && scoreNoise(best, objective.metric, rows);
}

export function raceReading(input: RaceReadingInput): string {
  const { lanes, objective } = input;
  const summary = raceSummary(lanes, objective);
  const scored = summary.rows.filter((r) => r.best !== undefined);
  if (scored.length === 0) return 'No tuner has finished a trial yet.';
  const winner = scored.reduce((a, b) => (better(objective.direction, b.best!, a.best!) ? b : a));
  const level = scored.filter((r) => r !== winner && r.best === winner.best);
  const parts = [
    `${winner.label} found the best ${objective.metric}, ${num(winner.best!)}, in ${plural(winner.trials, 'trial')}${
      level.length > 0 ? `; ${joinAnd(level.map((r) => tunerName(r.algorithm)))} found the same` : ''
    }.`,
  ];
  const lead = leadSentence(input, summary.rows, winner);
  if (lead) parts.push(lead);
  parts.push(...baselineSentences(input, summary.rows, summary.baseline));
  parts.push(...sharedStartSentences(lanes));
  return parts.join(' ');
}

/** The winner against the next best score: a real lead, or within the noise. */
function leadSentence(input: RaceReadingInput, rows: RaceRow[], winner: RaceRow): string | undefined {
  const { objective } = input;
  const others = rows.filter((r) => r.best !== undefined && r.best !== winner.best);
  if (others.length === 0) return undefined;
  const next = others.reduce((a, b) => (better(objective.direction, b.best!, a.best!) ? b : a));
  const noise = laneNoise(input.lanes[rows.indexOf(winner)], objective, input.rows)!;
  const j = judgeGap(winner.best!, next.best!, noise);
  const advice =
    input.suggestSeeds && j.verdict === 'within'
      ? ' Repeat the race over several seeds to tell a real lead from luck.'
      : '';
  return `Its lead over ${tunerName(next.algorithm)} (${num(next.best!)}) is ${gapWords(j)}: ${noiseVerdictWords(j)}.${advice}`;
}

/** Each tuner against the baseline's final best: when it matched it, or how far it stayed behind. */
function baselineSentences(
  input: RaceReadingInput,
  rows: RaceRow[],
  baseline: RaceRow['algorithm'],
): string[] {
  const { objective } = input;
  const baseIndex = rows.findIndex((r) => r.algorithm === baseline);
  const base = rows[baseIndex];
  if (base.best === undefined || base.epochsToBaseline === undefined) return [];
  const baseName = tunerName(base.algorithm);
  const noise = laneNoise(input.lanes[baseIndex], objective, input.rows)!;
  return rows
    .filter((r) => r !== base)
    .map((r) => {
      const target = `${baseName}'s final best (${num(base.best!)})`;
      if (r.epochsToBaseline !== undefined)
        return `${r.label} matched ${target} after ${plural(r.epochsToBaseline, 'epoch')}; ${baseName} took ${base.epochsToBaseline}.`;
      if (r.best === undefined) return `${r.label} never matched ${target}.`;
      const j = judgeGap(base.best!, r.best, noise);
      return `${r.label} never matched ${target}: it ended ${gapWords(j)} behind, ${shortVerdictWords(j)}.`;
    });
}

/** Tuners whose first trials were another's very trials, so their lines lie on top of each other. */
function sharedStartSentences(lanes: readonly RaceLane[]): string[] {
  return sharedStarts(lanes).map(({ lane, sharedWith, trials }) => {
    const own = lanes[lane];
    const other = lanes[sharedWith];
    const randomStart = seedingCount(own.settings);
    const first = trials === 1 ? 'first trial is the same' : `first ${trials} trials are the same`;
    const why =
      randomStart >= trials
        ? `random ${trials === 1 ? 'configuration' : 'configurations'} ${tunerName(other.algorithm)} drew (its random start comes from the same seed, ${own.settings.seed})`
        : `${trials === 1 ? 'configuration' : 'configurations'} ${tunerName(other.algorithm)} trained, from the same seed (${own.settings.seed})`;
    return `${possessive(own.algorithm)} ${first} ${why}, so their curves coincide until trial #${trials}.`;
  });
}

const possessive = (algorithm: RaceLane['algorithm']): string => {
  const name = tunerName(algorithm);
  return `${name[0].toUpperCase()}${name.slice(1)}'s`;
};
