/** What every training loop checks the same way: a request's epochs, early stopping, yielding between epochs. */
import type { EarlyStopping, TrainRequest } from './types';

export function validateRequest(req: TrainRequest): void {
  if (!Number.isInteger(req.epochs) || req.epochs < 0)
    throw new Error(`epochs must be an integer ≥ 0, got ${req.epochs}`);
  if (!Number.isInteger(req.initialEpoch) || req.initialEpoch < 0 || req.initialEpoch > req.epochs) {
    throw new Error(`initialEpoch must be an integer in 0…epochs, got ${req.initialEpoch}`);
  }
  if (req.checkpoint && req.checkpoint.epoch !== req.initialEpoch) {
    throw new Error(
      `initialEpoch ${req.initialEpoch} does not match the checkpoint's epoch ${req.checkpoint.epoch}`,
    );
  }
  if (!req.checkpoint && req.initialEpoch > 0)
    throw new Error(`initialEpoch ${req.initialEpoch} > 0 needs a checkpoint`);
}

export class EarlyStopMonitor {
  private best = NaN;
  private wait = 0;
  constructor(private readonly rule: EarlyStopping) {}

  /** True when the rule says stop after this epoch. */
  update(metrics: Record<string, number>): boolean {
    const value = metrics[this.rule.metric];
    if (value === undefined)
      throw new Error(`early stopping monitors '${this.rule.metric}', which is not reported`);
    const better =
      Number.isNaN(this.best) || (this.rule.direction === 'min' ? value < this.best : value > this.best);
    if (better) {
      this.best = value;
      this.wait = 0;
      return false;
    }
    this.wait++;
    return this.wait >= this.rule.patience;
  }
}

export function earlyStopReason(rule: EarlyStopping, epoch: number): string {
  return `early stopping at epoch ${epoch}: no improvement in ${rule.metric} for ${rule.patience} epochs`;
}

/** Lets queued messages (a stop request) in between epochs; a MessageChannel avoids setTimeout's 4 ms clamp. */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function disposingOnThrow<T>(make: () => T, cleanUp: () => void): T {
  try {
    return make();
  } catch (error) {
    cleanUp();
    throw error;
  }
}
