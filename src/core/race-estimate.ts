/**
 * What a race (repeated over seeds or not) will train, and roughly how long it will take, before it
 * starts. The time is the one place a better estimate plugs in.
 */
import { plannedWork } from './planned-work';
import { raceLanes, type RaceSetup } from './race';
import type { StudySettings } from './study';

export interface RaceWork {
  /** Searches in all: tuners × seeds. */
  searches: number;
  /** Trial-epochs over every search, executions included. */
  trialEpochs: number;
}

/** Each lane trains its plan, or its share of the epoch budget when the plan is longer. */
export function raceWork(study: StudySettings, race: RaceSetup): RaceWork {
  const lanes = raceLanes(study, race);
  const trialEpochs = lanes.reduce(
    (sum, lane) => sum + Math.min(plannedWork(lane).epochs, lane.epochBudget ?? Infinity),
    0,
  );
  return { searches: lanes.length, trialEpochs };
}

/**
 * Seconds for `trialEpochs` on `trainRows` training rows, at the pace measured here for the default
 * search (Hyperband, 120 trial-epochs, one worker, 2 shared cores): 49 s on banknote's 960 training
 * rows, 27 s on Pima's 537, 23 s on breast cancer's 398, 21–26 s on the synthetic sets' 350. A line
 * through those: 0.053 s per trial-epoch plus 0.36 ms per training row and epoch.
 */
export function estimateSeconds(trialEpochs: number, trainRows: number): number {
  return trialEpochs * (0.053 + 0.00036 * trainRows);
}
