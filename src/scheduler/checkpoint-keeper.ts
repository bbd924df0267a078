/**
 * The trained weights (with optimizer state and step) a search still needs: each lane's best trial's,
 * for evaluation and export, and those a promotion may continue from. Everything else is dropped as
 * soon as a trial ends.
 */
import { better, type Direction } from '../core/scoring';
import type { Study, Trial } from '../core/study';
import type { Checkpoint } from '../train/types';

const keyOf = (lane: number, trialId: string) => `${lane}/${trialId}`;

export class CheckpointKeeper {
  private readonly kept = new Map<string, Checkpoint>();

  get size(): number {
    return this.kept.size;
  }

  /** A copy of a kept checkpoint to train on from (the original stays for other promotions). */
  copyOf(lane: number, trialId: string): Checkpoint | undefined {
    const checkpoint = this.kept.get(keyOf(lane, trialId));
    return checkpoint && structuredClone(checkpoint);
  }

  keep(lane: number, trialId: string, checkpoint: Checkpoint): void {
    this.kept.set(keyOf(lane, trialId), checkpoint);
  }

  best(lane: number, study: Study): { trial: Trial; checkpoint: Checkpoint } | undefined {
    const trial = study.best();
    const checkpoint = trial && this.kept.get(keyOf(lane, trial.id));
    return trial && checkpoint ? { trial, checkpoint } : undefined;
  }

  /**
   * Keeps a lane's checkpoints only for trials that may still be promoted, the parents of promotions
   * not trained yet (put back in the queue, or running), and its best trial.
   */
  prune(lane: number, study: Study): void {
    const keep = new Set<string>();
    const best = study.best()?.id;
    if (best !== undefined) keep.add(best);
    for (const t of study.trials)
      if (t.parentId !== undefined && (t.state === 'pending' || t.state === 'running')) keep.add(t.parentId);
    const prefix = keyOf(lane, '');
    for (const key of [...this.kept.keys()]) {
      if (!key.startsWith(prefix)) continue;
      const id = key.slice(prefix.length);
      if (!keep.has(id) && !study.needsCheckpoint(id)) this.kept.delete(key);
    }
  }
}

/** Within one job: the checkpoint of each trial's best-scoring execution so far. */
export class BestExecutions {
  private readonly best = new Map<string, { score: number; checkpoint: Checkpoint }>();

  consider(trialKey: string, score: number, checkpoint: Checkpoint, direction: Direction): void {
    const previous = this.best.get(trialKey);
    if (!previous || better(direction, score, previous.score)) this.best.set(trialKey, { score, checkpoint });
  }

  get(trialKey: string): Checkpoint | undefined {
    return this.best.get(trialKey)?.checkpoint;
  }
}
