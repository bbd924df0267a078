/**
 * The tuner's events as the page shows them: at most every `intervalMs`, all that arrived at once. Each
 * message shown on its own was a re-render and a frame, and with two workers training on two cores
 * those frames were the main thread's long tasks.
 */
export class ShownEvents<Event> {
  /** Events waiting to be shown, with when each arrived. */
  private received: { event: Event; at: number }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shownAt = -Infinity;

  constructor(
    private readonly intervalMs: number,
    private readonly show: (event: Event, at: number) => void,
    /** Called once before each batch is shown. */
    private readonly beforeShow: () => void = () => {},
  ) {}

  receive(event: Event): void {
    this.received.push({ event, at: performance.now() });
    this.timer ??= setTimeout(
      () => this.showReceived(),
      Math.max(0, this.intervalMs - (performance.now() - this.shownAt)),
    );
  }

  /** Drops what arrived and has not been shown yet. */
  drop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.received = [];
  }

  private showReceived(): void {
    const received = this.received;
    this.received = [];
    this.timer = undefined;
    this.shownAt = performance.now();
    this.beforeShow();
    for (const { event, at } of received) this.show(event, at);
  }
}
