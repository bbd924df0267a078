/**
 * A race repeated over seeds through the real Scheduler and trainer workers, with fused groups that take
 * trials from the same tuner's other lanes (other seeds) against groups kept within each lane,
 * alternately: the wall time of each, the groups trained, and whether every lane's results agree.
 */
import { defaultSetup } from '../../../src/core/experiment';
import type { Algorithm } from '../../../src/core/oracles/types';
import { raceLanes } from '../../../src/core/race';
import { Study, type StudySettings } from '../../../src/core/study';
import type { TrainerFactory } from '../../../src/scheduler/trainer-handle';
import { Scheduler } from '../../../src/scheduler/scheduler';
import type { BackendName } from '../../../src/train';
import { workerTrainerFactory } from '../../../src/workers/worker-trainers';
import { loadDataset } from '../support/datasets';
import { median, round } from '../support/stats';
import { learningRateOnly } from './search-throughput';

export interface RaceFusionOptions {
  dataset: string;
  backend: BackendName;
  workers: number;
  reps: number;
  seeds: number;
  algorithms: Algorithm[];
  maxEpochs: number;
  /** Which search spaces to race in: the course's default, and one where only the learning rate varies. */
  spaces: ('default' | 'learning rate only')[];
}

interface Run {
  seconds: number;
  /** Sizes of the fused groups trained (a group of one is a trial trained alone). */
  groups: number[];
  scores: (number | undefined)[][];
}

function races(options: RaceFusionOptions): { name: string; lanes: StudySettings[] }[] {
  const base = defaultSetup().study;
  const study = { ...base, tuner: { ...base.tuner, maxEpochs: options.maxEpochs } };
  const race = { algorithms: options.algorithms, epochBudget: 0, seeds: options.seeds };
  return options.spaces.map((space) => ({
    name: space === 'default' ? 'default space' : space,
    lanes: raceLanes(space === 'default' ? study : { ...study, space: learningRateOnly() }, race),
  }));
}

async function runRace(
  lanes: StudySettings[],
  options: RaceFusionOptions,
  fuseAcrossLanes: boolean,
  dataset: Awaited<ReturnType<typeof loadDataset>>,
): Promise<Run> {
  const probe = { inputs: dataset.features, units: 32, batch: 32 };
  const spawner = workerTrainerFactory(dataset, options.backend, probe);
  // Workers start (and initialise their backend) before the clock, as in the search-throughput figure.
  const ready = await Promise.all(Array.from({ length: options.workers }, (_, i) => spawner.create(i)));
  const groups: number[] = [];
  const factory: TrainerFactory = {
    async create(i, avoid) {
      const handle = (avoid === undefined && ready.shift()) || (await spawner.create(i, avoid));
      return {
        backend: handle.backend,
        train: (request, onEpoch) => (groups.push(1), handle.train(request, onEpoch)),
        trainGroup: (requests, onEpoch) => (
          groups.push(requests.length),
          handle.trainGroup(requests, onEpoch)
        ),
        setPaused: (paused) => handle.setPaused(paused),
        stop: () => handle.stop(),
        terminate: () => handle.terminate(),
      };
    },
  };
  const studies = lanes.map((s) => new Study(s));
  const started = performance.now();
  await new Scheduler(studies, factory, { workers: options.workers, emit: () => {}, fuseAcrossLanes }).run();
  const seconds = (performance.now() - started) / 1000;
  const scores = studies.map((s) => [...s.trials].sort((a, b) => a.number - b.number).map((t) => t.score));
  return { seconds, groups, scores };
}

/** The largest difference between the same trial's score in two runs of the same race. */
function largestDifference(a: Run, b: Run): number {
  let largest = 0;
  a.scores.forEach((lane, l) =>
    lane.forEach((score, t) => {
      const other = b.scores[l][t];
      largest = Math.max(
        largest,
        score === undefined || other === undefined ? Infinity : Math.abs(score - other),
      );
    }),
  );
  return largest;
}

export async function raceFusion(options: RaceFusionOptions, log: (line: string) => void) {
  const dataset = await loadDataset(options.dataset);
  const rows = [];
  for (const { name, lanes } of races(options)) {
    const across: Run[] = [];
    const within: Run[] = [];
    for (let rep = 0; rep < options.reps; rep++) {
      // Alternate which goes first, so a machine that slows down or speeds up favours neither.
      for (const fuse of rep % 2 === 0 ? [true, false] : [false, true]) {
        const run = await runRace(lanes, options, fuse, dataset);
        (fuse ? across : within).push(run);
        log(
          `race fusion, ${name}, rep ${rep + 1}, ${fuse ? 'across lanes' : 'within lanes'}: ${round(run.seconds, 2)} s, ${run.groups.length} groups (largest ${Math.max(...run.groups)})`,
        );
      }
    }
    const ratios = across.map((a, i) => within[i].seconds / a.seconds);
    const summary = (runs: Run[]) => ({
      seconds: round(median(runs.map((r) => r.seconds)), 2),
      groups: round(median(runs.map((r) => r.groups.length)), 1),
      largestGroup: Math.max(...runs.flatMap((r) => r.groups)),
    });
    rows.push({
      race: name,
      lanes: lanes.length,
      trialEpochs: lanes.reduce((n, l) => n + (l.epochBudget ?? 0), 0),
      across: summary(across),
      within: summary(within),
      speedup: {
        median: round(median(ratios), 2),
        min: round(Math.min(...ratios), 2),
        max: round(Math.max(...ratios), 2),
      },
      largestScoreDifference: Math.max(...across.map((a, i) => largestDifference(a, within[i]))),
    });
  }
  return { ...options, rows };
}
