import { backendLabel } from '../core/experiment';
import { algorithmInfo } from '../core/oracles/registry';
import { joinAnd } from '../core/format';
import { plannedWork } from '../core/planned-work';
import { better } from '../core/scoring';
import type { Study, Trial } from '../core/study';
import { MEASURED_COSTS } from '../core/fusion/measured-costs';
import { planGroups } from '../core/fusion/plan-groups';
import type { Checkpoint, EarlyStopping, EpochReport, TrainRequest, TrainResult } from '../train/types';
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

/** One execution of a trial, ready for a trainer. */
interface Execution extends LaneTrial {
  execution: number;
  request: TrainRequest;
}

/** The largest fused group (the cost tables go to 16). */
const MAX_GROUP = 16;

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
      void this.runTrials(slot, this.companions(slot, next));
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

  /**
   * Trials that train with `first` on the same trainer, as one fused model: for a tuner whose proposals
   * do not depend on the order results arrive, the lane's next proposals for as long as the measured
   * cost model puts each into one fused group with `first`. The first one that does not join goes back
   * to the front of the queue.
   */
  private companions(slot: Slot, first: LaneTrial): LaneTrial[] {
    const study = this.studies[first.lane];
    const backend = slot.trainer?.backend.backend;
    if (
      !backend ||
      this.stepRound !== undefined ||
      algorithmInfo(study.settings.tuner.algorithm).orderDependence
    )
      return [first];
    const taken = [first];
    const requests = [this.request(first, 0)];
    // Every execution is a member of the group. The proposals left are cut into equal groups, as few
    // as fit MAX_GROUP, in a multiple of the trainers free now: 16 trials of 3 executions on 2 trainers
    // are 4 groups of 4 (two even rounds), not 5, 5, 5 and 1.
    const trainersFree = this.slots.filter((s) => !s.busy).length + 1;
    const remaining = Math.max(0, plannedWork(study.settings).trials - study.trials.length) + 1;
    const perGroup = Math.max(1, Math.floor(MAX_GROUP / study.settings.executionsPerTrial));
    const groups = Math.ceil(Math.ceil(remaining / perGroup) / trainersFree) * trainersFree;
    const room = Math.max(1, Math.min(perGroup, Math.ceil(remaining / groups)));
    while (taken.length < room) {
      const next = study.next();
      if (next.kind !== 'trial') break;
      const candidate = { lane: first.lane, trial: next.trial };
      const request = this.request(candidate, 0);
      const group = planGroups([...requests, request], backend, MEASURED_COSTS).find((g) =>
        g.indices.includes(0),
      );
      if (!group?.fused || group.indices.length !== taken.length + 1) {
        study.requeue(next.trial.id);
        break;
      }
      taken.push(candidate);
      requests.push(request);
    }
    return taken;
  }

  /** What the trainer runs for one execution of a trial (from its parent's checkpoint when promoted). */
  private request({ lane, trial }: LaneTrial, execution: number): TrainRequest {
    const budget = this.studies[lane].budgetFor(trial, execution);
    const parent =
      budget.resumeFrom !== undefined
        ? this.checkpoints.get(checkpointKey(lane, budget.resumeFrom))
        : undefined;
    return {
      config: trial.config,
      seed: budget.seed,
      epochs: budget.epochs,
      initialEpoch: parent ? budget.initialEpoch : 0,
      dataFraction: budget.dataFraction,
      foldIndex: this.options.folds ? execution % this.options.folds : undefined,
      earlyStopping: this.options.earlyStopping,
      checkpoint: parent ? structuredClone(parent) : undefined,
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
    const backend = (await this.ensureTrainer(slot)).backend.backend;
    const best = new Map<string, { score: number; checkpoint: Checkpoint }>();
    const left = new Map(trials.map((t) => [t.trial, this.studies[t.lane].settings.executionsPerTrial]));
    for (const group of planGroups(
      work.map((w) => w.request),
      backend,
      MEASURED_COSTS,
    )) {
      const members = group.indices.map((i) => work[i]);
      const results = await this.trainWithRetry(slot, members, group.fused);
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

  /** A trial whose executions are all recorded: keep its best checkpoint, prune, tell the page. */
  private finishTrial(
    { lane, trial }: LaneTrial,
    best: Map<string, { score: number; checkpoint: Checkpoint }>,
  ): void {
    this.flush();
    const key = checkpointKey(lane, trial.id);
    const kept = best.get(key);
    if (kept && trial.state !== 'failed') this.checkpoints.set(key, kept.checkpoint);
    this.pruneCheckpoints(lane);
    this.options.emit({ type: 'trial', lane, trial: structuredClone(this.studies[lane].trial(trial.id)) });
  }

  /** Records one execution's result; keeps the checkpoint of each trial's best execution. */
  private record(
    { lane, trial }: Execution,
    result: TrainResult,
    best: Map<string, { score: number; checkpoint: Checkpoint }>,
  ): void {
    const study = this.studies[lane];
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
    const key = checkpointKey(lane, trial.id);
    const previous = best.get(key);
    if (
      score !== undefined &&
      result.checkpoint &&
      (!previous || better(study.settings.objective.direction, score, previous.score))
    )
      best.set(key, { score, checkpoint: result.checkpoint });
  }

  /**
   * A crash (or a lost GPU, which moves to the next backend) gets one retry on a fresh trainer; a second
   * failure fails the trial, not the study. Errors of the trial itself (out of memory, a bad config)
   * come back from the trainer as failed results and are never retried.
   */
  private async trainWithRetry(slot: Slot, members: Execution[], fused: boolean): Promise<TrainResult[]> {
    const onEpoch = (index: number, report: EpochReport) => {
      const { lane, trial, execution } = members[index];
      this.queueEpoch({ lane, trialId: trial.id, execution, report });
    };
    const ids = [...new Set(members.map((m) => m.trial.id))];
    const names = ids.length === 1 ? `trial ${ids[0]}` : `trials ${joinAnd(ids)}`;
    const stopped = (reason: string, status: 'stopped' | 'failed'): TrainResult[] =>
      members.map(() => ({ status, reason, history: [], epochsTrained: 0, ms: 0 }));
    let avoid: BackendName | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        const trainer = await this.ensureTrainer(slot, avoid);
        if (avoid) {
          const to = trainer.backend.backend;
          this.options.emit({
            type: 'notice',
            level: 'warning',
            message: `The GPU device was lost on ${backendLabel(avoid)}; fell back to ${backendLabel(to)} (${names} ${ids.length === 1 ? 'restarts' : 'restart'} there).`,
          });
          avoid = undefined;
        }
        if (this.status === 'stopping') trainer.stop();
        if (fused)
          return await trainer.trainGroup(
            members.map((m) => m.request),
            onEpoch,
          );
        return [await trainer.train(members[0].request, (report) => onEpoch(0, report))];
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (this.status === 'stopping' || this.status === 'stopped')
          return stopped('stopped by the user', 'stopped');
        const lost = LOST_DEVICE.test(message) ? slot.trainer?.backend.backend : undefined;
        slot.trainer?.terminate();
        slot.trainer = undefined;
        // One member may have brought the trainer down: each goes on alone, so only it can fail.
        if (fused && members.length > 1 && !lost) {
          const alone: TrainResult[] = [];
          for (const member of members) alone.push(...(await this.trainWithRetry(slot, [member], false)));
          return alone;
        }
        if (attempt >= 1) return stopped(`the trainer crashed twice: ${message}`, 'failed');
        if (lost) avoid = lost;
        else
          this.options.emit({
            type: 'notice',
            level: 'warning',
            message: `${names[0].toUpperCase()}${names.slice(1)}: the trainer failed (${message}); retrying once on a fresh worker.`,
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

  /**
   * Keeps a lane's checkpoints only for trials that may still be promoted, the parents of promotions
   * not trained yet (put back in the queue, or running), and its best trial.
   */
  private pruneCheckpoints(lane: number): void {
    const study = this.studies[lane];
    const keep = new Set<string>();
    const best = study.best()?.id;
    if (best !== undefined) keep.add(best);
    for (const t of study.trials)
      if (t.parentId !== undefined && (t.state === 'pending' || t.state === 'running')) keep.add(t.parentId);
    const prefix = checkpointKey(lane, '');
    for (const key of [...this.checkpoints.keys()]) {
      if (!key.startsWith(prefix)) continue;
      const id = key.slice(prefix.length);
      if (!keep.has(id) && !study.needsCheckpoint(id)) this.checkpoints.delete(key);
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
