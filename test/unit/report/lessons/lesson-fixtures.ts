/** Constructed runs for the lesson checks: trials with chosen scores, one lane or a race. */
import type { Algorithm } from '../../../../src/core/oracles/types';
import type { RaceLane } from '../../../../src/core/race';
import type { Config } from '../../../../src/core/space/types';
import type { Trial } from '../../../../src/core/study';
import type { SplitRows } from '../../../../src/report/explain/noise-judgement';
import type { LessonRun } from '../../../../src/report/lessons/types';
import { settingsFor } from '../../support/simulate';

export const accuracy = { metric: 'val_accuracy', direction: 'max' } as const;

/** 100 validation rows: one row is 0.01 of accuracy, two standard errors about 0.04–0.06. */
export const hundredRows: SplitRows = { train: 467, validation: 100, test: 100 };

/** A finished trial; `endedAt` is the epochs its study had trained when it ended. */
export function trial(
  number: number,
  score: number | undefined,
  config: Config = {},
  endedAt?: number,
): Trial {
  return {
    id: String(number),
    number,
    config,
    resource: 10,
    state: score === undefined ? 'failed' : 'completed',
    executions: [{ status: score === undefined ? 'failed' : 'completed', score, history: [] }],
    ...(score !== undefined && { score }),
    ...(score === undefined && { reason: 'the loss became NaN' }),
    ended: { epochs: endedAt ?? 10 * (number + 1) },
  };
}

export function lane(algorithm: Algorithm, trials: Trial[]): RaceLane {
  return {
    algorithm,
    trials,
    settings: settingsFor({ algorithm, maxTrials: 16, maxEpochs: 9, epochs: 10 }, { objective: accuracy }),
  };
}

export function run(
  lanes: RaceLane[],
  finished = true,
  rows: SplitRows | undefined = hundredRows,
): LessonRun {
  return { lanes, objective: accuracy, rows, finished };
}
