/** Epoch reports go to the page in batches: one message per interval, however many trainers report. */
import type { EpochEvent, TunerEvent } from './events';

export class EpochBatcher {
  private pending: EpochEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly emit: (event: TunerEvent) => void,
    private readonly intervalMs: number,
  ) {}

  add(event: EpochEvent): void {
    this.pending.push(event);
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends what is waiting now (before a trial's final state, so its epochs arrive first). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const items = this.pending;
    this.pending = [];
    this.emit({ type: 'epochs', items });
  }
}
