import { backendLabel } from '../core/experiment';
import { plannedWork } from '../core/planned-work';
import { better } from '../core/scoring';
import type { Study, Trial } from '../core/study';
import type { Checkpoint, EarlyStopping, TrainResult } from '../train/types';
import { LOST_DEVICE } from '../train/failure-reason';
import type { BackendName, EpochEvent, Progress, RunStatus, TunerEvent } from './protocol';
import type { TrainerFactory, TrainerHandle } from './trainer-handle';

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
  now?: () => number;
}

interface Slot {
  index: number;
  trainer?: TrainerHandle;
  busy: boolean;
}

/** A proposed trial and the lane (the study, in a race of several) it belongs to. */
interface LaneTrial {
  lane: number;
  trial: Trial;
}

/**
 * Runs a study, or a race of several studies (lanes) sharing one pool, on a pool of trainers: fills idle
 * trainers with the oracles' proposals, streams epochs, keeps the checkpoints promotions need (and the
 * best trials'), retries a crashed trainer once, and implements pause, resume, step (one Hyperband round,
 * or one trial) and stop. In a race a free trainer goes to the lane that has committed the fewest epochs,
 * so every tuner gets a fair share of the same pool.
 */
export class Scheduler {
  private status: RunStatus = 'idle';
  private reason: string | undefined;
  private readonly slots: Slot[];
  private readonly checkpoints = new Map<string, Checkpoint>();
  private stepRound: string | undefined;
  private pending: EpochEvent[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private startedAt = 0;
  private activeMs = 0;
  private finishedResolve: (() => void) | undefined;
  private readonly finished: Promise<void>;
  private readonly now: () => number;

  readonly studies: readonly Study[];

  constructor(
    studies: Study | readonly Study[],
    private readonly factory: TrainerFactory,
    private readonly options: SchedulerOptions,
  ) {
    this.studies = Array.isArray(studies) ? studies : [studies as Study];
    this.slots = Array.from({ length: Math.max(1, options.workers) }, (_, index) => ({ index, busy: false }));
    this.finished = new Promise((resolve) => (this.finishedResolve = resolve));
    this.now = options.now ?? (() => performance.now());
  }

  /** The first (in a single search, the only) study. */
  get study(): Study {
    return this.studies[0];
  }

  /** Starts the trainers and the search; resolves when the study is done or stopped. */
  async run(startPaused = false): Promise<void> {
    this.startedAt = this.now();
    this.setStatus(startPaused ? 'paused' : 'running');
    await Promise.all(this.slots.map((slot) => this.ensureTrainer(slot)));
    this.pump();
    return this.finished;
  }

  pause(): void {
    if (this.status !== 'running' && this.status !== 'pausing') return;
    for (const slot of this.slots) slot.trainer?.setPaused(true);
    this.setStatus('paused');
  }

  resume(): void {
    if (this.status !== 'paused' && this.status !== 'pausing') return;
    this.stepRound = undefined;
    for (const slot of this.slots) slot.trainer?.setPaused(false);
    this.setStatus('running');
    this.pump();
  }

  /** Runs one Hyperband round (or one trial for other algorithms), then pauses. */
  step(): void {
    if (this.status === 'running') return;
    if (this.status !== 'paused' && this.status !== 'idle' && this.status !== 'pausing') return;
    this.stepRound = 'next';
    for (const slot of this.slots) slot.trainer?.setPaused(false);
    this.setStatus('running');
    this.pump();
  }

  stop(): void {
    if (this.status === 'done' || this.status === 'stopped' || this.status === 'stopping') return;
    this.setStatus('stopping');
    for (const slot of this.slots) {
      slot.trainer?.setPaused(false);
      slot.trainer?.stop();
    }
    const grace = this.options.stopGraceMs ?? 5000;
    setTimeout(() => {
      for (const slot of this.slots) {
        if (slot.busy) {
          slot.trainer?.terminate();
          slot.trainer = undefined;
        }
      }
    }, grace);
    this.maybeFinish();
  }

  /** The checkpoint of a lane's best trial so far, if it was kept. */
  bestCheckpoint(lane = 0): { trial: Trial; checkpoint: Checkpoint } | undefined {
    const best = this.studies[lane]?.best();
    const checkpoint = best && this.checkpoints.get(checkpointKey(lane, best.id));
    return best && checkpoint ? { trial: best, checkpoint } : undefined;
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
    const elapsedMs = this.elapsedMs();
    const etaMs = epochsDone > 0 ? (elapsedMs / epochsDone) * (epochsPlanned - epochsDone) : undefined;
    return { trialsDone, trialsPlanned, epochsDone, epochsPlanned, elapsedMs, etaMs };
  }

  private elapsedMs(): number {
    return this.activeMs + (this.status === 'running' && this.startedAt ? this.now() - this.startedAt : 0);
  }

  private pump(): void {
    let blocked = false;
    while (
      this.status === 'running' ||
      (this.status === 'pausing' && this.stepRound !== undefined && !blocked)
    ) {
      const slot = this.slots.find((s) => !s.busy);
      if (!slot) break;
      const next = this.stepRound === undefined ? this.proposal() : this.stepProposal();
      if (next === 'blocked') {
        blocked = true;
        break;
      }
      if (!next) break;
      slot.busy = true;
      void this.runTrial(slot, next);
    }
    if (blocked) this.setStatus(this.busyCount() > 0 ? 'pausing' : 'paused');
    this.maybeFinish();
  }

  /** Lanes in the order they get the next free trainer: fewest epochs committed first. */
  private lanesByShare(): number[] {
    return this.studies
      .map((study, lane) => ({ lane, committed: study.epochsCommitted }))
      .sort((a, b) => a.committed - b.committed || a.lane - b.lane)
      .map((l) => l.lane);
  }

  private proposal(): LaneTrial | undefined {
    for (const lane of this.lanesByShare()) {
      const next = this.studies[lane].next();
      if (next.kind === 'trial') return { lane, trial: next.trial };
    }
    return undefined;
  }

  /**
   * Step mode: only the target round runs. The target is the oracle's next proposal (it knows which
   * bracket comes first); trials deferred earlier join it when they belong to the same round. A trial of
   * another round is put back and ends the step.
   */
  private stepProposal(): LaneTrial | undefined | 'blocked' {
    const target = this.stepRound === 'next' ? undefined : this.stepRound;
    const lanes = target === undefined ? this.lanesByShare() : [Number(target.split(':')[0])];
    for (const lane of lanes) {
      const study = this.studies[lane];
      let trial = target === undefined ? undefined : study.nextRequeued((t) => roundKey(lane, t) === target);
      if (!trial) {
        const next = study.ask();
        trial =
          next.kind === 'trial'
            ? next.trial
            : target === undefined
              ? study.nextRequeued(() => true)
              : undefined;
        if (!trial) continue;
      }
      if (target === undefined) this.stepRound = roundKey(lane, trial);
      else if (roundKey(lane, trial) !== target) {
        study.requeue(trial.id);
        return 'blocked';
      }
      return { lane, trial };
    }
    return undefined;
  }

  private async runTrial(slot: Slot, { lane, trial }: LaneTrial): Promise<void> {
    const study = this.studies[lane];
    this.options.emit({ type: 'trial', lane, trial: structuredClone(trial) });
    let best: { score: number; checkpoint?: Checkpoint } | undefined;
    const executions = study.settings.executionsPerTrial;
    for (let e = 0; e < executions && trial.state === 'running'; e++) {
      const budget = study.budgetFor(trial, e);
      const parentCheckpoint =
        budget.resumeFrom !== undefined
          ? this.checkpoints.get(checkpointKey(lane, budget.resumeFrom))
          : undefined;
      const request = {
        config: trial.config,
        seed: budget.seed,
        epochs: budget.epochs,
        initialEpoch: parentCheckpoint ? budget.initialEpoch : 0,
        dataFraction: budget.dataFraction,
        foldIndex: this.options.folds ? e % this.options.folds : undefined,
        earlyStopping: this.options.earlyStopping,
        checkpoint: parentCheckpoint ? structuredClone(parentCheckpoint) : undefined,
        keepCheckpoint: true,
      };
      const result = await this.trainWithRetry(slot, request, lane, trial.id, e);
      const history = result.history.map((r) => ({
        epoch: r.epoch,
        metrics: r.metrics,
        learningRate: r.learningRate,
      }));
      const score = study.recordExecution(
        trial.id,
        { status: result.status, history, reason: result.reason },
        this.elapsedMs(),
      );
      if (
        score !== undefined &&
        result.checkpoint &&
        (!best || better(study.settings.objective.direction, score, best.score))
      )
        best = { score, checkpoint: result.checkpoint };
    }
    this.flush();
    if (best?.checkpoint && trial.state !== 'failed')
      this.checkpoints.set(checkpointKey(lane, trial.id), best.checkpoint);
    this.pruneCheckpoints(lane);
    this.options.emit({ type: 'trial', lane, trial: structuredClone(study.trial(trial.id)) });
    slot.busy = false;
    await this.options.save?.(this.studies);
    this.emitStatus();
    this.pump();
  }

  /**
   * A crash (or a lost GPU, which moves to the next backend) gets one retry on a fresh trainer; a second
   * failure fails the trial, not the study. Errors of the trial itself (out of memory, a bad config)
   * come back from the trainer as failed results and are never retried.
   */
  private async trainWithRetry(
    slot: Slot,
    request: Parameters<TrainerHandle['train']>[0],
    lane: number,
    trialId: string,
    execution: number,
  ): Promise<TrainResult> {
    const onEpoch = (report: TrainResult['history'][number]) =>
      this.queueEpoch({ lane, trialId, execution, report });
    let avoid: BackendName | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        const trainer = await this.ensureTrainer(slot, avoid);
        if (avoid) {
          const to = trainer.backend.backend;
          this.options.emit({
            type: 'notice',
            level: 'warning',
            message: `The GPU device was lost on ${backendLabel(avoid)}; fell back to ${backendLabel(to)} (trial ${trialId} restarts there).`,
          });
          avoid = undefined;
        }
        if (this.status === 'stopping') trainer.stop();
        return await trainer.train(request, onEpoch);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (this.status === 'stopping' || this.status === 'stopped')
          return { status: 'stopped', reason: 'stopped by the user', history: [], epochsTrained: 0, ms: 0 };
        const lost = LOST_DEVICE.test(message) ? slot.trainer?.backend.backend : undefined;
        slot.trainer?.terminate();
        slot.trainer = undefined;
        if (attempt >= 1)
          return {
            status: 'failed',
            reason: `the trainer crashed twice: ${message}`,
            history: [],
            epochsTrained: 0,
            ms: 0,
          };
        if (lost) avoid = lost;
        else
          this.options.emit({
            type: 'notice',
            level: 'warning',
            message: `Trial ${trialId}: the trainer failed (${message}); retrying once on a fresh worker.`,
          });
      }
    }
  }

  private async ensureTrainer(
    slot: Slot,
    avoid?: TrainerHandle['backend']['backend'],
  ): Promise<TrainerHandle> {
    if (!slot.trainer) {
      slot.trainer = await this.factory.create(slot.index, avoid);
      if (this.status === 'paused') slot.trainer.setPaused(true);
      this.options.emit({ type: 'backend', worker: slot.index, info: slot.trainer.backend });
    }
    return slot.trainer;
  }

  /** Keeps a lane's checkpoints only for trials that may still be promoted, and for its best trial. */
  private pruneCheckpoints(lane: number): void {
    const study = this.studies[lane];
    const bestId = study.best()?.id;
    const prefix = checkpointKey(lane, '');
    for (const key of [...this.checkpoints.keys()]) {
      if (!key.startsWith(prefix)) continue;
      const id = key.slice(prefix.length);
      if (id !== bestId && !study.needsCheckpoint(id)) this.checkpoints.delete(key);
    }
  }

  private queueEpoch(event: EpochEvent): void {
    this.pending.push(event);
    if (!this.flushTimer) this.flushTimer = setTimeout(() => this.flush(), this.options.flushMs ?? 100);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pending.length === 0) return;
    const items = this.pending;
    this.pending = [];
    this.options.emit({ type: 'epochs', items });
  }

  private busyCount(): number {
    return this.slots.filter((s) => s.busy).length;
  }

  private maybeFinish(): void {
    if (this.busyCount() > 0) return;
    if (this.status === 'stopping') {
      for (const study of this.studies) study.stopAll('stopped by the user');
      return this.end('stopped', 'stopped by the user');
    }
    if (this.status !== 'running') return;
    const reasons = this.studies.map((study) => study.finished);
    if (reasons.every((r) => r !== undefined)) this.end('done', [...new Set(reasons)].join('; '));
  }

  private end(status: 'done' | 'stopped', reason: string): void {
    this.flush();
    this.reason = reason;
    this.setStatus(status);
    void this.options.save?.(this.studies);
    for (const slot of this.slots) {
      slot.trainer?.terminate();
      slot.trainer = undefined;
    }
    this.finishedResolve?.();
  }

  private setStatus(status: RunStatus): void {
    if (this.status === 'running' && status !== 'running' && this.startedAt)
      this.activeMs += this.now() - this.startedAt;
    if (status === 'running') this.startedAt = this.now();
    this.status = status;
    this.emitStatus();
  }

  private emitStatus(): void {
    this.options.emit({
      type: 'status',
      status: this.status,
      reason: this.reason,
      progress: this.progress(),
      bestIds: this.studies.map((study) => study.best()?.id),
    });
  }
}

function roundKey(lane: number, trial: Trial): string {
  return trial.bracket !== undefined
    ? `${lane}:bracket ${trial.bracket} round ${trial.round ?? 0}`
    : `${lane}:trial ${trial.id}`;
}

const checkpointKey = (lane: number, trialId: string) => `${lane}/${trialId}`;
