/**
 * The trainers a search runs on: one slot each, started on demand, told to pause or stop together.
 * A crash (or a lost GPU, which moves the slot to the next backend) gets one retry on a fresh trainer;
 * a second failure fails the trials, not the study. Errors of a trial itself (out of memory, a bad
 * config) come back from the trainer as failed results and are never retried.
 */
import { LOST_DEVICE } from '../core/device-loss';
import { backendLabel, type BackendName } from '../core/experiment';
import type { EpochReport, TrainRequest, TrainResult } from '../train/types';
import type { TunerEvent } from './events';
import type { TrainerFactory, TrainerHandle } from './trainer-handle';

export interface Slot {
  index: number;
  trainer?: TrainerHandle;
  busy: boolean;
}

/** Who a job trains, for notices: "trial 3", or "trials 1, 2 and 3". */
export interface JobName {
  text: string;
  plural: boolean;
}

/** Names the trials behind some of a job's requests (by their positions in it). */
export type NameRequests = (indices: number[]) => JobName;

export class TrainerPool {
  readonly slots: Slot[];

  constructor(
    private readonly factory: TrainerFactory,
    size: number,
    private readonly emit: (event: TunerEvent) => void,
    /** Whether a trainer started now starts paused, and whether the run is being stopped. */
    private readonly run: { paused(): boolean; stopping(): boolean },
  ) {
    this.slots = Array.from({ length: Math.max(1, size) }, (_, index) => ({ index, busy: false }));
  }

  free(): Slot | undefined {
    return this.slots.find((s) => !s.busy);
  }

  get freeCount(): number {
    return this.slots.filter((s) => !s.busy).length;
  }

  get busyCount(): number {
    return this.slots.filter((s) => s.busy).length;
  }

  startAll(): Promise<TrainerHandle[]> {
    return Promise.all(this.slots.map((slot) => this.ensure(slot)));
  }

  setPaused(paused: boolean): void {
    for (const slot of this.slots) slot.trainer?.setPaused(paused);
  }

  /** Asks every trainer to stop; those still busy after `graceMs` are terminated. */
  stopAll(graceMs: number): void {
    for (const slot of this.slots) {
      slot.trainer?.setPaused(false);
      slot.trainer?.stop();
    }
    setTimeout(() => {
      for (const slot of this.slots) if (slot.busy) this.discard(slot);
    }, graceMs);
  }

  terminateAll(): void {
    for (const slot of this.slots) this.discard(slot);
  }

  async ensure(slot: Slot, avoid?: BackendName): Promise<TrainerHandle> {
    if (!slot.trainer) {
      slot.trainer = await this.factory.create(slot.index, avoid);
      if (this.run.paused()) slot.trainer.setPaused(true);
      this.emit({ type: 'backend', worker: slot.index, info: slot.trainer.backend });
    }
    return slot.trainer;
  }

  /** Trains the requests on the slot's trainer, fused or (one request) alone; one result per request. */
  async train(
    slot: Slot,
    requests: TrainRequest[],
    fused: boolean,
    onEpoch: (index: number, report: EpochReport) => void,
    name: NameRequests,
  ): Promise<TrainResult[]> {
    const who = name(requests.map((_, i) => i));
    const stopped = (reason: string, status: 'stopped' | 'failed'): TrainResult[] =>
      requests.map(() => ({ status, reason, history: [], epochsTrained: 0, ms: 0 }));
    let avoid: BackendName | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        const trainer = await this.ensure(slot, avoid);
        if (avoid) {
          const to = trainer.backend.backend;
          this.emit({
            type: 'notice',
            level: 'warning',
            message: `The GPU device was lost on ${backendLabel(avoid)}; fell back to ${backendLabel(to)} (${who.text} ${who.plural ? 'restart' : 'restarts'} there).`,
          });
          avoid = undefined;
        }
        if (this.run.stopping()) trainer.stop();
        if (fused) return await trainer.trainGroup(requests, onEpoch);
        return [await trainer.train(requests[0], (report) => onEpoch(0, report))];
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (this.run.stopping()) return stopped('stopped by the user', 'stopped');
        const lost = LOST_DEVICE.test(message) ? slot.trainer?.backend.backend : undefined;
        this.discard(slot);
        // One member may have brought the trainer down: each goes on alone, so only it can fail.
        if (fused && requests.length > 1 && !lost) return this.eachAlone(slot, requests, onEpoch, name);
        if (attempt >= 1) return stopped(`the trainer crashed twice: ${message}`, 'failed');
        if (lost) avoid = lost;
        else
          this.emit({
            type: 'notice',
            level: 'warning',
            message: `${who.text[0].toUpperCase()}${who.text.slice(1)}: the trainer failed (${message}); retrying once on a fresh worker.`,
          });
      }
    }
  }

  private async eachAlone(
    slot: Slot,
    requests: TrainRequest[],
    onEpoch: (index: number, report: EpochReport) => void,
    name: NameRequests,
  ): Promise<TrainResult[]> {
    const results: TrainResult[] = [];
    for (const [i, request] of requests.entries())
      results.push(
        ...(await this.train(
          slot,
          [request],
          false,
          (_, r) => onEpoch(i, r),
          () => name([i]),
        )),
      );
    return results;
  }

  private discard(slot: Slot): void {
    slot.trainer?.terminate();
    slot.trainer = undefined;
  }
}
