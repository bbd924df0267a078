/**
 * The story of a Hyperband or successive-halving search, round by round, told from its trials and its
 * plan: "Round 2 of 3 in bracket 2: 4 configurations continue from 2 to 4 epochs", "… done: the best 4
 * of 12 go on". In plan order, which is the order they happen with one worker.
 */
import { formatNumber, joinAnd, plural } from '../../core/format';
import type { StudySettings, Trial } from '../../core/study';
import { bracketName, nextRound, plannedRounds, trialsInRound, type PlannedRound } from './bracket-places';
import { bestOf, isScored, rankAmong, scoreWords, trialName, trialRef } from './trial-words';

export interface LogEntry {
  /** Stable across updates: `${first trial number}-start` or `-done`. */
  key: string;
  text: string;
}

const settled = (t: Trial): boolean => t.state !== 'running' && t.state !== 'pending';

/** The log so far; empty for tuners without brackets. `finished`: the search has ended. */
export function roundLog(
  trials: readonly Trial[],
  settings: Pick<StudySettings, 'space' | 'tuner' | 'objective' | 'budget'>,
  finished: boolean,
): LogEntry[] {
  const rounds = plannedRounds(settings);
  if (!rounds) return [];
  const dataBudget = settings.budget === 'data';
  const share = (r: PlannedRound) =>
    `${formatNumber((100 * r.epochs) / settings.tuner.maxEpochs, 3)} % of the training rows`;
  const entries: LogEntry[] = [];
  for (const round of rounds) {
    const members = trialsInRound(trials, round);
    if (members.length === 0) continue;
    const bracket = bracketName(round);
    const title = `Round ${round.round + 1} of ${round.rounds}${bracket ? ` in ${bracket}` : ''}`;
    const next = nextRound(rounds, round);
    const upNext = next ? trialsInRound(trials, next) : [];
    const previous =
      round.round > 0
        ? rounds.find((r) => r.planIndex === round.planIndex && r.round === round.round - 1)
        : undefined;
    const expected = previous
      ? Math.min(round.models, trialsInRound(trials, previous).filter(isScored).length)
      : round.models;
    const complete = members.every(settled) && (members.length >= expected || upNext.length > 0);
    const count = complete ? members.length : expected;

    const configurations = plural(count, 'configuration');
    const start = previous
      ? dataBudget
        ? `${configurations} ${count === 1 ? 'retrains' : 'retrain'} from scratch on ${share(round)}`
        : `${configurations} ${count === 1 ? 'continues' : 'continue'} from ${previous.epochs} to ${plural(round.epochs, 'epoch')}`
      : `${count === 1 ? 'a new configuration trains' : `${count} new configurations train`} ${dataBudget ? `on ${share(round)}` : `for ${plural(round.epochs, 'epoch')}`}`;
    entries.push({ key: `${round.first}-start`, text: `${title}: ${start}.` });

    if (complete)
      entries.push({
        key: `${round.first}-done`,
        text: `${title} done: ${outcome(members, next, settings)}.`,
      });
    else if (finished && members.every(settled))
      entries.push({ key: `${round.first}-done`, text: `${title} was cut short: the search ended.` });
  }
  return entries;
}

function outcome(
  members: readonly Trial[],
  next: PlannedRound | undefined,
  settings: Pick<StudySettings, 'objective'>,
): string {
  const scored = members.filter(isScored);
  if (scored.length === 0) return 'every trial failed, so the bracket ends';
  if (!next) {
    const best = bestOf(members, settings.objective)!;
    return `${trialName(best)} is the bracket's best, with ${scoreWords(best.score!, settings.objective)}`;
  }
  const keep = Math.min(next.models, scored.length);
  const chosen = scored
    .map((t) => ({ t, rank: rankAmong(t, members, settings.objective)! }))
    .filter((c) => c.rank <= keep)
    .sort((a, b) => a.rank - b.rank)
    .map((c) => trialRef(c.t));
  const who =
    keep === 1 ? `the best of ${members.length} goes on` : `the best ${keep} of ${members.length} go on`;
  return `${who}: ${joinAnd(chosen)}`;
}
