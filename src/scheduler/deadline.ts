/**
 * A search's time budget, kept while it runs: when the run's clock (which stands still while paused)
 * reaches the budget, `reached` ends the search. The budget is fitted from an estimate before Start;
 * this is the guarantee behind it, as Optuna's `timeout` and Ray Tune's `time_budget_s` are.
 */
export class Deadline {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly budgetMs: number,
    private readonly elapsedMs: () => number,
    private readonly reached: () => void,
  ) {}

  /** Starts (or restarts) the countdown to the budget from the clock's time now. */
  arm(): void {
    this.disarm();
    const left = this.budgetMs - this.elapsedMs();
    if (left <= 0) return this.reached();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.arm();
    }, left);
  }

  disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** "the 5-minute time budget was spent" ("the 2-second …" below a minute). */
export function timeBudgetReason(budgetMs: number): string {
  const minutes = budgetMs / 60_000;
  return Number.isInteger(minutes)
    ? `the ${minutes}-minute time budget was spent`
    : `the ${Math.round(budgetMs / 1000)}-second time budget was spent`;
}
