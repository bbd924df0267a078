/**
 * The tuner's events as the page shows them: at most every `intervalMs`, all that arrived at once. Each
 * message shown on its own was a re-render and a frame, and with two workers training on two cores
 * those frames were the main thread's long tasks.
 *
 * With a lead (`leadMs()` above 0) a batch is announced that long before it is shown: a trainer hears
 * the page between its steps, and with more trainers than cores a step took 10–26 ms, so trainers told
 * as the batch began made way only after it had run (src/app/page-busy.ts).
 */
export class ShownEvents<Event> {
  /** Events waiting to be shown, with when each arrived. */
  private received: { event: Event; at: number }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private announcer: ReturnType<typeof setTimeout> | undefined;
  private shownAt = -Infinity;

  constructor(
    private readonly intervalMs: number,
    private readonly show: (event: Event, at: number) => void,
    /** Called once before each batch is shown. */
    private readonly beforeShow: () => void = () => {},
    /** How long before a batch is shown to announce it (0: not announced). */
    private readonly leadMs: () => number = () => 0,
    /** Told, `leadMs` ahead, that a batch will be shown in that many ms. */
    private readonly announce: (inMs: number) => void = () => {},
  ) {}

  receive(event: Event): void {
    this.received.push({ event, at: performance.now() });
    if (this.timer !== undefined) return;
    const lead = this.leadMs();
    const delay = Math.max(lead, this.intervalMs - (performance.now() - this.shownAt));
    this.timer = setTimeout(() => this.showReceived(), delay);
    if (lead > 0) this.announcer = setTimeout(() => this.announce(lead), delay - lead);
  }

  /** Drops what arrived and has not been shown yet. */
  drop(): void {
    clearTimeout(this.timer);
    clearTimeout(this.announcer);
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
