/**
 * Trainer workers started while the page is idle before Start: their scripts loaded and compiled and
 * their backend ready, without data. A search takes them instead of spawning workers in the moments
 * after the click, when the page is drawing the search and every core counts. The first is the one
 * that measured this machine. Each trains a small generated problem while it waits (warm-up.ts).
 *
 * They start one after another: a trainer's start (its scripts compiled, its backend set up) cannot
 * make way for the page as training does (src/train/page-courtesy.ts), and three starting at once on a
 * 2-core machine took both cores from a click on Start that came meanwhile.
 */
import { REFERENCE_PROBE } from '../core/estimate/reference-probe';
import type { EncodedDataset } from '../data/types';
import type { BackendName, BackendPreference, Measurement } from './protocol';
import { spawnMeasuringTrainer, spawnTrainer, type OnProbe, type SpawnedTrainer } from './worker-trainers';

/** Forced backends skip the probe, so its shape is never used; init still takes one. */
const UNUSED_PROBE = { inputs: 1, units: 1, batch: 1, layers: 1 };

interface Spare {
  backend: BackendName;
  trainer: Promise<SpawnedTrainer>;
  /** Its warm-up has been started (it waits for the page to ask, not while a file loads). */
  warming: boolean;
  /** No longer kept: if it has not started yet, it never does. */
  ended: boolean;
}

export class SpareTrainers {
  private spares: Spare[] = [];

  constructor(
    private readonly spawn: typeof spawnTrainer = spawnTrainer,
    private readonly spawnMeasuring: typeof spawnMeasuringTrainer = spawnMeasuringTrainer,
  ) {}

  /** Spares on `backend` (started, or still starting). */
  countOn(backend: BackendName): number {
    return this.spares.filter((s) => s.backend === backend).length;
  }

  /**
   * Keeps exactly `count` spares on `backend`: starts the missing ones, ends the others, and starts
   * the warm-up of each that has not warmed up yet.
   */
  keep(backend: BackendName, count: number): void {
    const [same, other] = partition(this.spares, (s) => s.backend === backend);
    for (const spare of [...other, ...same.slice(count)]) end(spare);
    this.spares = same.slice(0, count);
    while (this.spares.length < count) this.spares.push(this.startAfter(this.spares.at(-1), backend));
    for (const spare of this.spares.filter((s) => !s.warming)) {
      spare.warming = true;
      spare.trainer.then((trainer) => trainer.warmUp()).catch(() => {});
    }
  }

  /** Ends the spares' warm-ups at their next epoch (a file is loading); the next `keep` starts them again. */
  rest(): void {
    for (const spare of this.spares.filter((s) => s.warming)) {
      spare.warming = false;
      spare.trainer.then((trainer) => trainer.stopWarmUp()).catch(() => {});
    }
  }

  /**
   * Measures this machine in a new trainer (the reference probe on the backend `preference` chooses)
   * and keeps it as the first spare on that backend; the others, and its warm-up, start when the page
   * asks for them (`keep`), once it is idle.
   */
  async measure(preference: BackendPreference, onProbe?: OnProbe): Promise<Measurement> {
    const { trainer, measurement } = await this.spawnMeasuring(preference, REFERENCE_PROBE, onProbe);
    this.spares.unshift({
      backend: measurement.backend,
      trainer: Promise.resolve(trainer),
      warming: false,
      ended: false,
    });
    return measurement;
  }

  /**
   * A spare on `backend` with the dataset loaded, or undefined when there is none or it failed (the
   * caller spawns a trainer instead).
   */
  async take(backend: BackendName, dataset: EncodedDataset): Promise<SpawnedTrainer | undefined> {
    const at = this.spares.findIndex((s) => s.backend === backend);
    if (at < 0) return undefined;
    const [spare] = this.spares.splice(at, 1);
    const trainer = await spare.trainer.catch(() => undefined);
    if (!trainer) return undefined;
    try {
      if (trainer.backend.backend !== backend) throw new Error('the spare fell back to another backend');
      await trainer.load(dataset);
      return trainer;
    } catch {
      trainer.terminate();
      return undefined;
    }
  }

  /** A new spare on `backend`, spawned once `before` (if any) has started or failed to. */
  private startAfter(before: Spare | undefined, backend: BackendName): Spare {
    const previous = before ? before.trainer.then(noop, noop) : Promise.resolve();
    const spare: Spare = {
      backend,
      warming: false,
      ended: false,
      trainer: previous.then(() => {
        if (spare.ended) throw new Error('the spare was no longer wanted before it started');
        return this.spawn(undefined, backend, UNUSED_PROBE);
      }),
    };
    return spare;
  }
}

function noop(): void {}

function end(spare: Spare): void {
  spare.ended = true;
  spare.trainer.then((t) => t.terminate()).catch(() => {});
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
