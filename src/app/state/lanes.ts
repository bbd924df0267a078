/**
 * The studies on screen as plain values: one lane, or one per tuner of a race. Each tuner event
 * gives new lanes (a lane that did not change keeps its identity, so what shows it is not redrawn).
 */
import type { StudySettings, Trial } from '../../core/study';
import type { EpochReport } from '../../train/types';
import type { EpochEvent } from '../../workers/protocol';

/** One study on screen: the only one, or one tuner of a race. */
export interface Lane {
  settings: StudySettings;
  trials: Trial[];
  /** Epochs streamed so far for running trials (the current execution), by trial id. */
  live: Record<string, EpochReport[]>;
  bestId?: string;
}

export const emptyLane = (settings: StudySettings): Lane => ({ settings, trials: [], live: {} });

/** The lane with `trial` added or replaced; a trial that stopped running drops its streamed epochs. */
export function withTrial(lane: Lane, trial: Trial): Lane {
  const at = lane.trials.findIndex((t) => t.id === trial.id);
  const trials = at < 0 ? [...lane.trials, trial] : lane.trials.with(at, trial);
  if (trial.state === 'running' || !lane.live[trial.id]) return { ...lane, trials };
  const { [trial.id]: _finished, ...live } = lane.live;
  return { ...lane, trials, live };
}

/** The lanes with the streamed epochs appended; an epoch not after the last starts a new execution. */
export function withEpochs(lanes: readonly Lane[], items: readonly EpochEvent[]): Lane[] {
  const next = lanes.map((lane) => ({ ...lane, live: { ...lane.live } }));
  for (const { lane, trialId, report } of items) {
    const live = next[lane]?.live;
    if (!live) continue;
    const previous = live[trialId] ?? [];
    const last = previous[previous.length - 1];
    live[trialId] = last && report.epoch <= last.epoch ? [report] : [...previous, report];
  }
  return next;
}
