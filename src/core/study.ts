import { createOracle, isMultiFidelity } from './oracles/registry';
import type { Oracle, OracleTrial, TunerSettings } from './oracles/types';
import { mean } from './math/statistics';
import { Rng } from './rng';
import {
  better,
  executionScore,
  spreadOf,
  toLoss,
  type EpochRecord,
  type Objective,
  type Scoring,
  type Spread,
} from './scoring';
import type { SearchSpace } from './space/types';

export type TrialState = 'pending' | 'running' | 'completed' | 'stopped' | 'failed';

export interface StudySettings {
  space: SearchSpace;
  tuner: TunerSettings;
  objective: Objective;
  scoring: Scoring;
  executionsPerTrial: number;
  seed: number;
  /** 'epochs': the oracle's resource is epochs; 'data': a fraction resource/maxEpochs of the training rows, for tuner.epochs. */
  budget: 'epochs' | 'data';
  /**
   * Stop proposing once the trials proposed would train this many epochs in all (executions
   * included): how tuners racing each other get an equal share. Unset: the oracle decides alone.
   */
  epochBudget?: number;
}

export interface Execution {
  status: 'completed' | 'failed' | 'stopped';
  history: EpochRecord[];
  score?: number;
  reason?: string;
}

/** A proposal (id, config, the epochs it reaches, parent, bracket and round, origin) as the study runs it. */
export interface Trial extends OracleTrial {
  /**
   * 0-based: the oracle's id, which is the proposal order, or for Hyperband and successive halving the
   * trial's place in the plan (the same however many workers run it).
   */
  number: number;
  state: TrialState;
  reason?: string;
  executions: Execution[];
  score?: number;
  spread?: Spread;
  /** When it ended: epochs the whole study had trained by then (and its wall time, when timed). */
  ended?: { epochs: number; ms?: number };
}

/** What the trainer must do for one execution of a trial. */
export interface TrainBudget {
  epochs: number;
  initialEpoch: number;
  dataFraction: number;
  /** Resume from this trial's checkpoint. */
  resumeFrom?: string;
  seed: number;
}

type StudyEvent = { ask: string } | { tell: string };

/** Plain JSON: save it anywhere, restore it exactly. */
export interface StudyState {
  version: 1;
  settings: StudySettings;
  trials: Trial[];
  events: StudyEvent[];
  done?: string;
}

export type NextTrial = { kind: 'trial'; trial: Trial } | { kind: 'wait' } | { kind: 'done'; reason: string };

/** A deterministic 31-bit seed for one execution of one trial. */
export function executionSeed(studySeed: number, trialNumber: number, execution: number): number {
  const rng = new Rng(
    (studySeed ^ Math.imul(trialNumber + 1, 0x9e3779b1) ^ Math.imul(execution + 1, 0x85ebca6b)) >>> 0,
  );
  return rng.seed();
}

/**
 * A study owns the oracle and the trials. It turns executions into scores, tells the oracle a loss to
 * minimise, and records every ask and tell so a saved study replays into exactly the same oracle state.
 */
export class Study {
  readonly settings: StudySettings;
  private readonly oracle: Oracle;
  private readonly byId = new Map<string, Trial>();
  private readonly list: Trial[] = [];
  private readonly events: StudyEvent[] = [];
  /** Trials proposed before a restore that never finished: they run again first. */
  private readonly requeued: Trial[] = [];
  private doneReason: string | undefined;
  /** Epochs the proposed trials will train (checked against settings.epochBudget). */
  private committed = 0;
  /** Epochs trained so far, over every execution. */
  private consumed = 0;
  /** The wall time the scheduler gave with the latest execution. */
  private elapsedMs: number | undefined;

  constructor(settings: StudySettings) {
    this.settings = settings;
    this.oracle = createOracle(settings.tuner.algorithm, {
      space: settings.space,
      settings: settings.tuner,
      rng: new Rng(settings.seed),
    });
  }

  static restore(state: StudyState): Study {
    const study = new Study(state.settings);
    const saved = new Map(state.trials.map((t) => [t.id, t]));
    for (const event of state.events) {
      if ('ask' in event) {
        const proposal = study.oracle.ask();
        if (proposal.kind !== 'trial' || proposal.trial.id !== event.ask)
          throw new Error(`The saved study does not replay: expected trial ${event.ask} from the oracle`);
        study.events.push(event);
        const trial = study.add(proposal.trial);
        study.commit(trial);
        const before = saved.get(trial.id);
        if (before)
          Object.assign(trial, {
            state: before.state,
            reason: before.reason,
            executions: before.executions,
            score: before.score,
            spread: before.spread,
            ended: before.ended,
          });
      } else {
        study.events.push(event);
        study.tellOracle(study.trial(event.tell));
      }
    }
    study.doneReason = state.done;
    for (const t of study.list) {
      if (t.state === 'running' || t.state === 'pending') {
        t.state = 'pending';
        t.executions = [];
        study.requeued.push(t);
      }
    }
    study.consumed = study.list.reduce((n, t) => n + epochsTrained(t), 0);
    return study;
  }

  get trials(): readonly Trial[] {
    return this.list;
  }

  trial(id: string): Trial {
    const t = this.byId.get(id);
    if (!t) throw new Error(`No trial ${id} in this study`);
    return t;
  }

  /** The next trial to run: re-queued ones first, then the oracle's proposal. */
  next(): NextTrial {
    const again = this.nextRequeued(() => true);
    return again ? { kind: 'trial', trial: again } : this.ask();
  }

  /** The first re-queued trial that matches, now running. */
  nextRequeued(match: (trial: Trial) => boolean): Trial | undefined {
    const index = this.requeued.findIndex(match);
    if (index < 0) return undefined;
    const [trial] = this.requeued.splice(index, 1);
    trial.state = 'running';
    return trial;
  }

  /** A fresh proposal from the oracle, skipping re-queued trials. */
  ask(): NextTrial {
    if (this.doneReason) return { kind: 'done', reason: this.doneReason };
    const budget = this.settings.epochBudget;
    if (budget !== undefined && this.committed >= budget) {
      if (this.list.some((t) => t.state === 'running' || t.state === 'pending')) return { kind: 'wait' };
      this.doneReason = `epoch budget of ${budget} spent`;
      return { kind: 'done', reason: this.doneReason };
    }
    const proposal = this.oracle.ask();
    if (proposal.kind === 'wait') return proposal;
    if (proposal.kind === 'done') {
      if (!this.list.some((t) => t.state === 'running' || t.state === 'pending'))
        this.doneReason = proposal.reason;
      return proposal;
    }
    this.events.push({ ask: proposal.trial.id });
    const trial = this.add(proposal.trial);
    this.commit(trial);
    trial.state = 'running';
    return { kind: 'trial', trial };
  }

  /** What the trainer runs for execution `execution` (0-based) of a trial. */
  budgetFor(trial: Trial, execution: number): TrainBudget {
    const seed = executionSeed(this.settings.seed, trial.number, execution);
    const { tuner } = this.settings;
    if (this.settings.budget === 'data') {
      const full = isMultiFidelity(tuner) ? tuner.maxEpochs : trial.resource;
      return {
        epochs: tuner.epochs,
        initialEpoch: 0,
        dataFraction: Math.min(1, trial.resource / full),
        seed,
      };
    }
    const parent = trial.parentId !== undefined ? this.byId.get(trial.parentId) : undefined;
    const resumable = parent && parent.state === 'completed';
    return {
      epochs: trial.resource,
      initialEpoch: resumable ? parent.resource : 0,
      dataFraction: 1,
      resumeFrom: resumable ? parent.id : undefined,
      seed,
    };
  }

  /**
   * Records one finished execution and returns its score (undefined when it failed or never reported
   * the objective); after the last one the trial is scored and the oracle told.
   */
  recordExecution(trialId: string, execution: Execution, elapsedMs?: number): number | undefined {
    const trial = this.trial(trialId);
    if (trial.state !== 'running') return undefined;
    this.consumed += epochsOf(execution);
    const score =
      execution.status === 'failed'
        ? undefined
        : executionScore(execution.history, this.settings.objective, this.settings.scoring);
    if (execution.status === 'completed' && score === undefined) {
      execution = {
        ...execution,
        status: 'failed',
        reason: `the objective ${this.settings.objective.metric} was never reported`,
      };
    }
    trial.executions.push({ ...execution, score });
    this.elapsedMs = elapsedMs;
    if (execution.status === 'failed')
      this.finish(trial, 'failed', execution.reason ?? 'the execution failed');
    else if (execution.status === 'stopped')
      this.finish(trial, 'stopped', execution.reason ?? 'stopped before its budget');
    else if (trial.executions.length >= this.settings.executionsPerTrial) this.finish(trial, 'completed');
    return execution.status === 'failed' ? undefined : score;
  }

  /** Ends a trial as failed (a crashed worker, an error outside training). The study goes on. */
  fail(trialId: string, reason: string): void {
    const trial = this.trial(trialId);
    if (trial.state === 'running' || trial.state === 'pending') this.finish(trial, 'failed', reason);
  }

  /** Puts a proposed trial back, behind earlier re-queued ones: `next()` returns them in proposal order. */
  requeue(trialId: string): void {
    const trial = this.trial(trialId);
    trial.state = 'pending';
    this.requeued.push(trial);
  }

  /** Ends the study: whatever is still running or waiting is marked stopped. */
  stopAll(reason: string): void {
    for (const t of this.list) {
      if (t.state === 'running' || t.state === 'pending') this.finish(t, 'stopped', reason);
    }
    this.requeued.length = 0;
    this.doneReason = reason;
  }

  /** Whether a trial's checkpoint must be kept for a possible promotion. */
  needsCheckpoint(trialId: string): boolean {
    return this.oracle.canBePromoted(trialId);
  }

  best(): Trial | undefined {
    return bestTrial(this.list, this.settings.objective.direction);
  }

  /** Each scored trial in order, with the best score so far. */
  history(): { trial: Trial; score: number; bestSoFar: number }[] {
    const out: { trial: Trial; score: number; bestSoFar: number }[] = [];
    let bestSoFar: number | undefined;
    for (const t of this.list) {
      if (t.score === undefined || t.state === 'failed') continue;
      if (bestSoFar === undefined || better(this.settings.objective.direction, t.score, bestSoFar))
        bestSoFar = t.score;
      out.push({ trial: t, score: t.score, bestSoFar });
    }
    return out;
  }

  get finished(): string | undefined {
    return this.doneReason;
  }

  /** Epochs trained so far over every trial and execution. */
  get epochsConsumed(): number {
    return this.consumed;
  }

  /** Epochs the trials proposed so far will have trained once they finish. */
  get epochsCommitted(): number {
    return this.committed;
  }

  toJSON(): StudyState {
    return structuredClone({
      version: 1,
      settings: this.settings,
      trials: this.list,
      events: this.events,
      done: this.doneReason,
    });
  }

  private add(t: OracleTrial): Trial {
    const trial: Trial = {
      id: t.id,
      number: Number.isSafeInteger(Number(t.id)) ? Number(t.id) : this.list.length,
      config: t.config,
      resource: t.resource,
      ...(t.parentId !== undefined && { parentId: t.parentId }),
      ...(t.bracket !== undefined && { bracket: t.bracket }),
      ...(t.round !== undefined && { round: t.round }),
      ...(t.origin && { origin: t.origin }),
      state: 'pending',
      executions: [],
    };
    this.byId.set(trial.id, trial);
    this.list.push(trial);
    return trial;
  }

  /** Counts what a proposed trial will train against the epoch budget. */
  private commit(trial: Trial): void {
    const budget = this.budgetFor(trial, 0);
    this.committed += (budget.epochs - budget.initialEpoch) * this.settings.executionsPerTrial;
  }

  private finish(trial: Trial, state: 'completed' | 'stopped' | 'failed', reason?: string): void {
    trial.state = state;
    trial.ended = { epochs: this.consumed, ...(this.elapsedMs !== undefined && { ms: this.elapsedMs }) };
    if (reason) trial.reason = reason;
    const scores = trial.executions.map((e) => e.score).filter((s): s is number => s !== undefined);
    if (state !== 'failed' && scores.length > 0) {
      trial.score = mean(scores);
      trial.spread = spreadOf(scores);
    }
    this.events.push({ tell: trial.id });
    this.tellOracle(trial);
  }

  private tellOracle(trial: Trial): void {
    if (trial.state === 'failed' || trial.score === undefined)
      this.oracle.tell(trial.id, { status: 'failed' });
    else
      this.oracle.tell(trial.id, {
        status: 'completed',
        loss: toLoss(trial.score, this.settings.objective.direction),
      });
  }
}

/**
 * The scored, non-failed trial with the best score; of equal scores, the lowest trial number (not the
 * first to finish, which depends on how many workers ran the study).
 */
export function bestTrial(trials: readonly Trial[], direction: 'min' | 'max'): Trial | undefined {
  let best: Trial | undefined;
  for (const t of trials) {
    if (t.score === undefined || t.state === 'failed') continue;
    if (
      !best ||
      better(direction, t.score, best.score!) ||
      (t.score === best.score && t.number < best.number)
    )
      best = t;
  }
  return best;
}

/** Epochs one execution trained (a promoted trial's history starts after its parent's). */
const epochsOf = (e: Execution): number =>
  e.history.length > 0 ? e.history[e.history.length - 1].epoch - e.history[0].epoch + 1 : 0;

/** Epochs a trial trained over its executions. */
export const epochsTrained = (t: Trial): number => t.executions.reduce((n, e) => n + epochsOf(e), 0);
