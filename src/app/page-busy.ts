/**
 * Tells the trainers when the page draws, so they can give it a core (src/train/page-courtesy.ts).
 * `working()` is called as the page starts a piece of work (showing the tuner's events, a chart's
 * redraw, the click on Start); the page is busy until a frame has gone by with no more work, which
 * covers the style, layout and paint that each piece of work brings. `ahead(ms)` says so before work
 * that will start in `ms`, so that the trainers have made way when it does.
 */
import { PAGE_BUSY_CHANNEL } from '../workers/page-busy-channel';
import type { PageBusyMessage } from '../train/page-courtesy';
import { afterNextFrame } from './after-frame';

export class PageBusy {
  private busy = false;
  private cancelSettle: (() => void) | undefined;

  constructor(
    private readonly post: (message: PageBusyMessage) => void,
    private readonly afterFrame: (run: () => void) => () => void = afterNextFrame,
    private readonly hidden: () => boolean = () => document.visibilityState === 'hidden',
    private readonly later: (run: () => void, ms: number) => () => void = (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
  ) {}

  working(): void {
    if (!this.markBusy()) return;
    this.cancelSettle = this.afterFrame(() => this.settle());
  }

  /** Work starts in about `ms`; if none has come by then, the spell ends after the next frame. */
  ahead(ms: number): void {
    if (!this.markBusy()) return;
    this.cancelSettle = this.later(() => {
      this.cancelSettle = this.afterFrame(() => this.settle());
    }, ms);
  }

  /** Busy from now (said once per spell) with no end planned; false on a hidden page. */
  private markBusy(): boolean {
    if (this.hidden()) return false;
    if (!this.busy) {
      this.busy = true;
      this.post({ busy: true });
    }
    this.cancelSettle?.();
    this.cancelSettle = undefined;
    return true;
  }

  private settle(): void {
    this.cancelSettle = undefined;
    this.busy = false;
    this.post({ busy: false });
  }
}

function channelPost(): (message: PageBusyMessage) => void {
  if (typeof BroadcastChannel !== 'function') return () => {};
  const channel = new BroadcastChannel(PAGE_BUSY_CHANNEL);
  return (message) => channel.postMessage(message);
}

export const pageBusy = new PageBusy(channelPost());
