/**
 * Tuners whose first trials are the very trials another tuner of the race ran: the same configurations,
 * in the same order, trained for the same epochs from the same seed. Their best-so-far lines coincide
 * over those trials, one hidden under the other unless the reading says so.
 */
import type { RaceLane } from './race';
import { configKey } from './space';
import type { Trial } from './study';

export interface SharedStart {
  /** The lane whose first trials repeat another's (its place in the list given). */
  lane: number;
  /** The earlier lane it repeats. */
  sharedWith: number;
  /** How many first trials, by trial number, are the same. */
  trials: number;
}

const finishedInOrder = (trials: readonly Trial[]): Trial[] =>
  trials.filter((t) => t.parentId === undefined && t.score !== undefined).sort((a, b) => a.number - b.number);

/** How many of the first trials two lanes share: same number, configuration and epochs. */
function sharedPrefix(a: readonly Trial[], b: readonly Trial[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (
    i < n &&
    a[i].number === i &&
    b[i].number === i &&
    a[i].resource === b[i].resource &&
    configKey(a[i].config) === configKey(b[i].config)
  )
    i++;
  return i;
}

/**
 * For each lane of one seed's race, the earliest other lane whose first trials it repeats, if any.
 * Lanes of different seeds never share: their seeds draw different configurations.
 */
export function sharedStarts(lanes: readonly RaceLane[]): SharedStart[] {
  const finished = lanes.map((lane) => finishedInOrder(lane.trials));
  const shared: SharedStart[] = [];
  lanes.forEach((lane, j) => {
    for (let i = 0; i < j; i++) {
      if (lanes[i].settings.seed !== lane.settings.seed) continue;
      const trials = sharedPrefix(finished[i], finished[j]);
      if (trials > 0) {
        shared.push({ lane: j, sharedWith: i, trials });
        return;
      }
    }
  });
  return shared;
}
