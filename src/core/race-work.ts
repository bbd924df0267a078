/** What a race (repeated over seeds or not) will train, before it starts; its time is core/estimate's. */
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
