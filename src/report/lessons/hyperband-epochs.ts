/** Hyperband against random search: the same epoch budget, and who reaches random search's best first. */
import { formatNumber, plural } from '../../core/format';
import { raceSummary, type RaceRow } from '../../core/race';
import { raceReading } from '../explain/race-reading';
import { judged, notYet, type Lesson, type LessonRun } from './types';

const num = (x: number): string => formatNumber(x);

function rows(run: LessonRun): { random?: RaceRow; hyperband?: RaceRow } {
  if (run.lanes.length < 2) return {};
  const summary = raceSummary(run.lanes, run.objective);
  return {
    random: summary.rows.find((r) => r.algorithm === 'random'),
    hyperband: summary.rows.find((r) => r.algorithm === 'hyperband'),
  };
}

export const hyperbandEpochs: Lesson = {
  id: 'hyperband-epochs',
  title: 'Hyperband against random search',
  claim: 'Hyperband finds a configuration as good as random search’s best in fewer epochs of training.',
  link: {
    dataset: 'spiral',
    size: '600',
    noise: '0.2',
    tuner: 'hyperband',
    maxEpochs: '9',
    factor: '3',
    race: 'random,hyperband',
    seed: '42',
  },
  steps: [
    {
      panel: 'race',
      say: (run) =>
        `Both tuners get the same epochs to spend on the same spiral. Each line is a tuner's best score so far against the epochs it has trained. ${run.lanes.length > 1 ? raceReading({ lanes: run.lanes, objective: run.objective, rows: run.rows }) : 'Start the race to see the lines grow.'}`,
    },
    {
      panel: 'rungs',
      say: () =>
        'Under the race table, set "Charts below show" to Hyperband: its rungs train many configurations for 1 epoch and give more epochs only to the best third, so most of its epochs go to promising ones.',
    },
    {
      panel: 'race',
      say: (run) => {
        const { random, hyperband } = rows(run);
        if (!random?.best || !hyperband)
          return 'The race table ends with "epochs to reach random search’s final best": look at it when the race ends.';
        return `The race table's last column: random search reached its own best, ${num(random.best)}, after ${plural(random.epochsToBaseline ?? random.epochs, 'epoch')}; Hyperband ${hyperband.epochsToBaseline === undefined ? 'never reached it' : `reached it after ${plural(hyperband.epochsToBaseline, 'epoch')}`}.`;
      },
    },
  ],
  check(run) {
    const { random, hyperband } = rows(run);
    if (!random || !hyperband) return notYet('Run the race: random search and Hyperband must both race.');
    if (!run.finished || random.best === undefined || random.epochsToBaseline === undefined)
      return notYet('The race is still running: the verdict comes when both tuners have spent their epochs.');
    const randomEpochs = random.epochsToBaseline;
    const target = `random search's best, ${run.objective.metric} ${num(random.best)}`;
    if (hyperband.epochsToBaseline === undefined)
      return judged(
        false,
        `Hyperband never matched ${target} (its best was ${hyperband.best === undefined ? 'none' : num(hyperband.best)}).`,
      );
    const words = `Hyperband matched ${target}, after ${plural(hyperband.epochsToBaseline, 'epoch')}; random search needed ${plural(randomEpochs, 'epoch')}.`;
    return judged(hyperband.epochsToBaseline < randomEpochs, words);
  },
};
