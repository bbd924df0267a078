/**
 * Runs a study, or a race of several studies (lanes) sharing one pool, on a pool of trainers: fills
 * idle trainers with the oracles' proposals (LanePicker), trains them (TrainerPool), records every
 * execution in its study, keeps the checkpoints promotions need (CheckpointKeeper), streams epochs
 * (EpochBatcher), and implements pause, resume, step and stop (RunState).
 */
import { joinAnd } from '../core/format';
import { planGroups } from '../core/fusion/plan-groups';
import { MEASURED_COSTS } from '../core/fusion/measured-costs';
import { plannedWork } from '../core/planned-work';
import type { Study, Trial } from '../core/study';
import type { Checkpoint, EarlyStopping, TrainRequest, TrainResult } from '../train/types';
import { BestExecutions, CheckpointKeeper } from './checkpoint-keeper';
import { EpochBatcher } from './event-batcher';
import type { Progress, TunerEvent } from './events';
import { LanePicker, type LaneTrial } from './lane-picker';
import { Deadline, timeBudgetReason } from './deadline';
import { RunState } from './run-state';
import type { TrainerFactory } from './trainer-handle';
import { TrainerPool, type Slot } from './trainer-pool';

export interface SchedulerOptions {
  workers: number;
  earlyStopping?: EarlyStopping;
  /** k-fold cross-validation: execution e validates on fold e % folds. */
  folds?: number;
  emit: (event: TunerEvent) => void;
  /** Called after every finished trial with the studies to persist. */
  save?: (studies: readonly Study[]) => void | Promise<void>;
  /** Epoch events are batched and flushed at most this often (ms). */
  flushMs?: number;
  /** A trainer that does not stop within this long after Stop is terminated. */
  stopGraceMs?: number;
  /** Fused groups may take trials of other lanes running the same order-free tuner (default true). */
  fuseAcrossLanes?: boolean;
  now?: () => number;
  /** When the user pressed Start (Date.now()): the clock counts the start-up since then too. */
  startedAt?: number;
  /** The search ends when its clock reaches this (running trials are stopped): a time budget. */
  timeBudgetMs?: number;
}

/** One execution of a trial, ready for a trainer. */
interface Execution extends LaneTrial {
  execution: number;
  request: TrainRequest;
}

/** How long trainers may take to stop once the time budget is spent. */
const TIME_UP_GRACE_MS = 1000;

export class Scheduler {
  readonly studies: readonly Study[];
  private readonly run_: RunState;
  private readonly pool: TrainerPool;
  private readonly picker: LanePicker;
  private readonly checkpoints = new CheckpointKeeper();
  private readonly epochs: EpochBatcher;
  private finishedResolve: (() => void) | undefined;
  /** The run's clock when the trainers were ready: training began there. */
  private trainingFromMs: number | undefined;
  private readonly deadline: Deadline | undefined;
  /** How the search ends once its running trials have stopped (Stop, or the time budget spent). */
  private ending: { reason: string; status: 'stopped' | 'done' } = {
    reason: 'stopped by the user',
    status: 'stopped',
  };
  private readonly finished: Promise<void>;

  constructor(
    studies: Study | readonly Study[],
    factory: TrainerFactory,
    private readonly options: SchedulerOptions,
  ) {
    this.studies = Array.isArray(studies) ? studies : [studies as Study];
    this.run_ = new RunState(options.now ?? (() => performance.now()), () => this.emitStatus());
    this.pool = new TrainerPool(factory, options.workers, options.emit, {
      paused: () => this.run_.status === 'paused',
      stopping: () => this.run_.status === 'stopping' || this.run_.status === 'stopped',
    });
    this.picker = new LanePicker(this.studies, { fuseAcrossLanes: options.fuseAcrossLanes });
    this.epochs = new EpochBatcher(options.emit, options.flushMs ?? 100);
    this.finished = new Promise((resolve) => (this.finishedResolve = resolve));
    const budget = options.timeBudgetMs;
    if (budget !== undefined && budget > 0)
      this.deadline = new Deadline(
        budget,
        () => this.run_.elapsedMs(),
        () => this.finishEarly(timeBudgetReason(budget), 'done'),
      );
  }

  /** The first (in a single search, the only) study. */
  get study(): Study {
    return this.studies[0];
  }

  /** Starts the trainers and the search; resolves when the study is done or stopped. */
  async run(startPaused = false): Promise<void> {
    this.run_.set(startPaused ? 'paused' : 'running');
    if (!startPaused && this.options.startedAt !== undefined)
      this.run_.credit(Math.max(0, Date.now() - this.options.startedAt));
    if (!startPaused) this.deadline?.arm();
    await this.pool.startAll();
    this.trainingFromMs = this.run_.elapsedMs();
    this.pump();
    return this.finished;
  }

  pause(): void {
    if (!this.run_.canPause) return;
    this.deadline?.disarm();
    this.pool.setPaused(true);
    this.run_.set('paused');
  }

  resume(): void {
    if (this.run_.canResume) this.go(false);
  }

  /** Runs one Hyperband round (or one trial for other algorithms), then pauses. */
  step(): void {
    if (this.run_.canStep) this.go(true);
  }

  private go(oneStep: boolean): void {
    if (oneStep) this.picker.startStep();
    else this.picker.endStep();
    this.pool.setPaused(false);
    this.run_.set('running');
    this.deadline?.arm();
    this.pump();
  }

  stop(): void {
    this.finishEarly('stopped by the user', 'stopped');
  }

  /** Stops the running trials (with `reason`), then ends the search as `status`. */
  private finishEarly(reason: string, status: 'stopped' | 'done'): void {
    if (this.run_.ending) return;
    this.deadline?.disarm();
    this.ending = { reason, status };
    this.run_.set('stopping');
    // The time is up: a trainer still in its epoch a second later is ended, not waited for.
    const grace = this.options.stopGraceMs ?? 5000;
    this.pool.stopAll(status === 'done' ? Math.min(grace, TIME_UP_GRACE_MS) : grace);
    this.maybeFinish();
  }

  /** The checkpoint of a lane's best trial so far, if it was kept. */
  bestCheckpoint(lane = 0): { trial: Trial; checkpoint: Checkpoint } | undefined {
    const study = this.studies[lane];
    return study && this.checkpoints.best(lane, study);
  }

  heldCheckpoints(): number {
    return this.checkpoints.size;
  }

  /** Summed over the lanes. */
  progress(): Progress {
    let trialsDone = 0;
    let trialsPlanned = 0;
    let epochsDone = 0;
    let epochsPlanned = 0;
    for (const study of this.studies) {
      const done = study.trials.filter((t) => t.state !== 'running' && t.state !== 'pending').length;
      const planned = plannedWork(study.settings);
      trialsDone += done;
      epochsDone += study.epochsConsumed;
      trialsPlanned += study.finished ? done : Math.max(planned.trials, done);
      epochsPlanned += study.finished ? study.epochsConsumed : Math.max(planned.epochs, study.epochsConsumed);
    }
    const elapsedMs = this.run_.elapsedMs();
    // The rate of training so far, start-up (workers, backends) left out: it does not come again.
    const training = elapsedMs - (this.trainingFromMs ?? elapsedMs);
    const etaMs =
      epochsDone > 0 && training > 0 ? (training / epochsDone) * (epochsPlanned - epochsDone) : undefined;
    return { trialsDone, trialsPlanned, epochsDone, epochsPlanned, elapsedMs, etaMs };
  }

  /** Fills free trainers while the run (or a step's round) has trials to start. */
  private pump(): void {
    let blocked = false;
    while (
      this.run_.status === 'running' ||
      (this.run_.status === 'pausing' && this.picker.stepping && !blocked)
    ) {
      const slot = this.pool.free();
      if (!slot) break;
      const next = this.picker.next();
      if (next === 'blocked') {
        blocked = true;
        break;
      }
      if (!next) break;
      slot.busy = true;
      const trials = this.picker.withCompanions(
        next,
        slot.trainer?.backend.backend,
        this.pool.freeCount + 1,
        (t) => this.request(t, 0),
      );
      void this.runTrials(slot, trials);
    }
    if (blocked) this.run_.set(this.pool.busyCount > 0 ? 'pausing' : 'paused');
    this.maybeFinish();
  }

  /** What the trainer runs for one execution of a trial (from its parent's checkpoint when promoted). */
  private request({ lane, trial }: LaneTrial, execution: number): TrainRequest {
    const budget = this.studies[lane].budgetFor(trial, execution);
    const parent =
      budget.resumeFrom !== undefined ? this.checkpoints.copyOf(lane, budget.resumeFrom) : undefined;
    return {
      config: trial.config,
      seed: budget.seed,
      epochs: budget.epochs,
      initialEpoch: parent ? budget.initialEpoch : 0,
      dataFraction: budget.dataFraction,
      foldIndex: this.options.folds ? execution % this.options.folds : undefined,
      earlyStopping: this.options.earlyStopping,
      checkpoint: parent,
      keepCheckpoint: true,
    };
  }

  /**
   * Trains trials on one trainer: every execution of each, grouped by the cost model into fused models
   * (executions of one trial, folds, and same-shape trials fuse by construction) or trained one by one.
   */
  private async runTrials(slot: Slot, trials: LaneTrial[]): Promise<void> {
    for (const { lane, trial } of trials)
      this.options.emit({ type: 'trial', lane, trial: structuredClone(trial) });
    const work: Execution[] = trials.flatMap((t) =>
      Array.from({ length: this.studies[t.lane].settings.executionsPerTrial }, (_, e) => ({
        ...t,
        execution: e,
        request: this.request(t, e),
      })),
    );
    const backend = (await this.pool.ensure(slot)).backend.backend;
    const best = new BestExecutions();
    const left = new Map(trials.map((t) => [t.trial, this.studies[t.lane].settings.executionsPerTrial]));
    for (const group of planGroups(
      work.map((w) => w.request),
      backend,
      MEASURED_COSTS,
    )) {
      const members = group.indices.map((i) => work[i]);
      const results = await this.pool.train(
        slot,
        members.map((m) => m.request),
        group.fused,
        (index, report) => {
          const { lane, trial, execution } = members[index];
          this.epochs.add({ lane, trialId: trial.id, execution, report });
        },
        (indices) => trialNames(indices.map((i) => members[i].trial.id)),
      );
      members.forEach((m, i) => {
        this.record(m, results[i], best);
        left.set(m.trial, left.get(m.trial)! - 1);
        // Its checkpoint is kept at once: another trainer may promote it before this job ends.
        if (left.get(m.trial) === 0) this.finishTrial(m, best);
      });
    }
    slot.busy = false;
    await this.options.save?.(this.studies);
    this.emitStatus();
    this.pump();
  }

  /** Records one execution's result; remembers the checkpoint of each trial's best execution. */
  private record({ lane, trial }: Execution, result: TrainResult, best: BestExecutions): void {
    const study = this.studies[lane];
    const history = result.history.map((r) => ({
      epoch: r.epoch,
      metrics: r.metrics,
      ...(r.errors && { errors: r.errors }),
      learningRate: r.learningRate,
    }));
    // A trial cut short by the time budget says so ("the 1-minute time budget was spent: stopped before epoch 4").
    const reason =
      result.status === 'stopped' && this.ending.status === 'done' && this.run_.status === 'stopping'
        ? [this.ending.reason, result.reason].filter(Boolean).join(': ')
        : result.reason;
    const score = study.recordExecution(
      trial.id,
      { status: result.status, history, reason },
      this.run_.elapsedMs(),
    );
    if (score !== undefined && result.checkpoint)
      best.consider(`${lane}/${trial.id}`, score, result.checkpoint, study.settings.objective.direction);
  }

  /** A trial whose executions are all recorded: keep its best checkpoint, prune, tell the page. */
  private finishTrial({ lane, trial }: LaneTrial, best: BestExecutions): void {
    this.epochs.flush();
    const study = this.studies[lane];
    const kept = best.get(`${lane}/${trial.id}`);
    if (kept && trial.state !== 'failed') this.checkpoints.keep(lane, trial.id, kept);
    this.checkpoints.prune(lane, study);
    this.options.emit({ type: 'trial', lane, trial: structuredClone(study.trial(trial.id)) });
  }

  private maybeFinish(): void {
    if (this.pool.busyCount > 0) return;
    if (this.run_.status === 'stopping') {
      const { reason, status } = this.ending;
      for (const study of this.studies) study.stopAll(reason);
      return this.end(status, reason);
    }
    if (this.run_.status !== 'running') return;
    const reasons = this.studies.map((study) => study.finished);
    if (reasons.every((r) => r !== undefined)) this.end('done', [...new Set(reasons)].join('; '));
  }

  private end(status: 'done' | 'stopped', reason: string): void {
    this.deadline?.disarm();
    this.epochs.flush();
    this.run_.reason = reason;
    this.run_.set(status);
    void this.options.save?.(this.studies);
    this.pool.terminateAll();
    this.finishedResolve?.();
  }

  private emitStatus(): void {
    this.options.emit({
      type: 'status',
      status: this.run_.status,
      reason: this.run_.reason,
      progress: this.progress(),
      bestIds: this.studies.map((study) => study.best()?.id),
    });
  }
}

function trialNames(ids: string[]): { text: string; plural: boolean } {
  const unique = [...new Set(ids)];
  return {
    text: unique.length === 1 ? `trial ${unique[0]}` : `trials ${joinAnd(unique)}`,
    plural: unique.length > 1,
  };
}
