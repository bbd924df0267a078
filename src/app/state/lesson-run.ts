/** What a guided lesson reads from the page: the run on screen as lanes, and the charts' own sentences. */
import type { Objective } from '../../core/scoring';
import type { Trial } from '../../core/study';
import type { EncodedDataset } from '../../data/types';
import { splitRowsOf } from '../../report/explain/noise-judgement';
import type { LessonPanel, LessonRun } from '../../report/lessons/types';
import { curvesWords, historyWords, rungsWords } from '../charts/chart-words';
import type { RunState } from './run.svelte';

/** The run as a lesson reads it; only a search that ran to its end is judged. */
export function lessonRun(
  run: RunState,
  objective: Objective,
  dataset: EncodedDataset | undefined,
): LessonRun {
  const data = run.studyDataset ?? dataset;
  return {
    lanes: run.lanes.map((lane) => ({
      algorithm: lane.settings.tuner.algorithm,
      trials: lane.trials,
      settings: lane.settings,
    })),
    objective,
    ...(data && { rows: splitRowsOf(data) }),
    finished: run.status === 'done',
  };
}

const CHART_WORDS: Partial<Record<LessonPanel, (trials: readonly Trial[], objective: Objective) => string>> =
  {
    history: historyWords,
    curves: curvesWords,
    rungs: rungsWords,
  };

/** The sentence the chart a step points at prints under itself, for the trials on screen. */
export function lessonChartWords(
  panel: LessonPanel,
  trials: readonly Trial[],
  objective: Objective,
): string | undefined {
  return trials.length > 0 ? CHART_WORDS[panel]?.(trials, objective) : undefined;
}
