/**
 * Training gives the page a core while the page draws. With the trainers filling both cores of a small
 * machine, the page's 10–45 ms of drawing took 50–160 ms of wall time waiting for a core: long tasks a
 * room watches as stutter. The page says on a channel when it starts and ends its work
 * (src/app/page-busy.ts). A trainer that listens hears it between epochs; once it has heard the page
 * lately (within `activeMs`) it also lets messages in every `sliceMs` of its own work and, while the
 * page is busy, waits for it to end, at most `maxWaitMs` per busy spell, so a page that never says it is
 * done (a hidden tab draws no frames) costs a search little. A trainer nobody talks to (the bench's)
 * never yields within an epoch.
 */
import { yieldToEvents } from './trial-control';

export interface PageBusyMessage {
  busy: boolean;
}

/** The part of a BroadcastChannel the trainer needs. */
export interface PageChannel {
  onmessage: ((event: MessageEvent<PageBusyMessage>) => void) | null;
}

/** Whether this trainer trains on while the page draws (src/workers/keeper-slots.ts). */
export interface Keeper {
  readonly keeps: boolean;
  /** Asks to become one; it may take effect later, or never. */
  claim(): void;
}

export const SLICE_MS = 4;
export const MAX_WAIT_MS = 60;
export const ACTIVE_MS = 2000;

export class PageCourtesy {
  private listening = false;
  private busySince: number | undefined;
  private heardAt = -Infinity;
  private lastYield: number;
  private wake: (() => void) | undefined;
  private keeper: Keeper | undefined;
  /** Time spent waiting for the page (the unit tests read it). */
  waitedMs = 0;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly sliceMs = SLICE_MS,
    private readonly maxWaitMs = MAX_WAIT_MS,
    private readonly activeMs = ACTIVE_MS,
  ) {
    this.lastYield = now();
  }

  /**
   * From now on the training loops make way for the page (until then `between` does nothing), unless
   * `keeper` keeps this trainer training.
   */
  listen(channel: PageChannel, keeper?: Keeper): void {
    this.listening = true;
    this.keeper = keeper;
    keeper?.claim();
    channel.onmessage = (event) => this.hear(event.data);
  }

  hear(message: PageBusyMessage): void {
    this.heardAt = this.now();
    if (message.busy) {
      this.busySince ??= this.now();
      this.keeper?.claim();
      return;
    }
    this.busySince = undefined;
    this.wake?.();
  }

  /** Awaited between training steps: every `sliceMs` lets messages in, and waits while the page draws. */
  async between(): Promise<void> {
    const now = this.now();
    if (
      !this.listening ||
      this.keeper?.keeps ||
      now - this.heardAt > this.activeMs ||
      now - this.lastYield < this.sliceMs
    )
      return;
    await yieldToEvents();
    const left = this.busySince === undefined ? 0 : this.busySince + this.maxWaitMs - this.now();
    if (left > 0) {
      const waitStarted = this.now();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        this.wake = done;
        function done() {
          clearTimeout(timer);
          resolve();
        }
      });
      this.wake = undefined;
      this.waitedMs += this.now() - waitStarted;
    }
    this.lastYield = this.now();
  }
}

/** The trainer worker's: its training loops await `between`, the worker makes it listen. */
export const pageCourtesy = new PageCourtesy();
