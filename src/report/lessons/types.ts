/**
 * A guided lesson: one claim, the setup that tests it (URL keys, as a shared link holds them), the steps
 * that walk a class through the app's panels, and the check that reads the run for or against the claim.
 */
import type { RaceLane } from '../../core/race';
import type { Objective } from '../../core/scoring';
import type { SearchSpace } from '../../core/space/types';
import type { SplitRows } from '../explain/noise-judgement';

/** The panels a step points at: each has this element id on the page, and is named as its heading names it. */
export const LESSON_PANELS = {
  race: { id: 'panel-race', name: 'the race result' },
  rungs: { id: 'panel-rungs', name: 'the successive-halving rungs' },
  history: { id: 'panel-history', name: 'the optimization history' },
  curves: { id: 'panel-curves', name: 'the learning curves' },
  leaderboard: { id: 'panel-leaderboard', name: 'the leaderboard' },
  choice: { id: 'panel-choice', name: 'how the best set is chosen' },
} as const;
export type LessonPanel = keyof typeof LESSON_PANELS;

/** What a lesson reads: the run on screen (one lane, or a race's lanes) and the data's split sizes. */
export interface LessonRun {
  lanes: readonly RaceLane[];
  objective: Objective;
  /** Unknown until the data has loaded: an accuracy's noise cannot be worked out without it. */
  rows?: SplitRows;
  /** The search finished or was stopped: nothing more will come. */
  finished: boolean;
}

export interface LessonStep {
  panel: LessonPanel;
  /** What to look at, in words built from the run (before Start: what will appear). */
  say: (run: LessonRun) => string;
}

export type VerdictStatus = 'supported' | 'not-supported' | 'not-yet';

export interface Verdict {
  status: VerdictStatus;
  /** The numbers behind it, as a sentence. */
  because: string;
}

export interface Lesson {
  /** In the link: `#lesson=<id>`. */
  id: string;
  title: string;
  /** The claim, in one sentence. */
  claim: string;
  /** The setup, as URL keys and values (the link's own keys override them). */
  link: Readonly<Record<string, string>>;
  /** A search space other than the course's, when the lesson needs one. */
  space?: SearchSpace;
  steps: readonly LessonStep[];
  check: (run: LessonRun) => Verdict;
}

/** The seed every lesson's claim was checked at (a browser test runs each lesson there). */
export const LESSON_SEED = 42;

export const notYet = (because: string): Verdict => ({ status: 'not-yet', because });
/** The run's verdict once it can be judged: the claim held, or it did not. */
export const judged = (holds: boolean, because: string): Verdict => ({
  status: holds ? 'supported' : 'not-supported',
  because,
});
