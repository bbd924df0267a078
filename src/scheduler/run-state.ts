/**
 * The run's state machine: which of pause, resume, step and stop apply in each state, and the time
 * spent running (a paused search's clock stands still).
 *
 *   idle ─run→ running ⇄ paused      running ─step target done→ pausing → paused
 *   any live state ─stop→ stopping → stopped          running ─all studies finished→ done
 */
import type { RunStatus } from './events';

export class RunState {
  private current: RunStatus = 'idle';
  reason: string | undefined;
  /** When the current stretch of running began. */
  private startedAt: number | undefined;
  private activeMs = 0;

  constructor(
    private readonly now: () => number,
    private readonly changed: () => void,
  ) {}

  get status(): RunStatus {
    return this.current;
  }

  get canPause(): boolean {
    return this.current === 'running' || this.current === 'pausing';
  }

  get canResume(): boolean {
    return this.current === 'paused' || this.current === 'pausing';
  }

  get canStep(): boolean {
    return this.current === 'paused' || this.current === 'idle' || this.current === 'pausing';
  }

  /** Stopping, stopped or done: nothing new starts. */
  get ending(): boolean {
    return this.current === 'done' || this.current === 'stopped' || this.current === 'stopping';
  }

  set(status: RunStatus): void {
    if (this.current === 'running' && status !== 'running' && this.startedAt !== undefined)
      this.activeMs += this.now() - this.startedAt;
    if (status === 'running') this.startedAt = this.now();
    this.current = status;
    this.changed();
  }

  /** Counts time spent before the run began (the start-up since the user pressed Start). */
  credit(ms: number): void {
    this.activeMs += ms;
  }

  /** Time spent running so far. */
  elapsedMs(): number {
    const running = this.current === 'running' && this.startedAt !== undefined;
    return this.activeMs + (running ? this.now() - this.startedAt! : 0);
  }
}
