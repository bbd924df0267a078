/**
 * This machine's backends, measured once per backend preference while the page is idle before Start:
 * the search reuses the choice instead of probing again, and the time estimate scales by its probe.
 */
import type { BackendPreference, Measurement } from '../../workers/protocol';
import type { BackendName } from '../../core/experiment';
import { whenIdle } from '../after-frame';

export interface Probing {
  name: BackendName;
  index: number;
  of: number;
}

/** Measures a backend preference in a worker, telling which backend is being probed. */
export type Measure = (
  preference: BackendPreference,
  onProbe: (...probing: [BackendName, number, number]) => void,
) => Promise<Measurement>;

export class MachineState {
  /** The measurement for `measuredFor`, once done. */
  measurement = $state.raw<(Measurement & { ms: number }) | undefined>();
  measuredFor = $state<BackendPreference | undefined>();
  /** Which backend is being probed now, while a measurement runs. */
  probing = $state.raw<Probing | undefined>();
  private inFlight = $state.raw<{ preference: BackendPreference; done: Promise<Measurement | undefined> }>();
  /** Something else ran on the cores while the last probe did (a file was parsed): measure again. */
  private disturbedProbe = false;
  /** Cancels the measurement waiting for the browser to be idle. */
  private cancelIdle: (() => void) | undefined;

  constructor(private readonly measureIn: Measure) {}

  /** The measurement for this preference, if it is done. */
  for(preference: BackendPreference): (Measurement & { ms: number }) | undefined {
    return this.measuredFor === preference ? this.measurement : undefined;
  }

  /** Measures this preference when the browser is next idle, unless it is measured or being measured. */
  measureWhenIdle(preference: BackendPreference): void {
    const measured = this.measuredFor === preference && !this.disturbedProbe;
    if (measured || this.inFlight?.preference === preference) return;
    this.cancelIdle?.();
    this.cancelIdle = whenIdle(
      () => {
        this.cancelIdle = undefined;
        if (this.inFlight?.preference !== preference) void this.measure(preference);
      },
      { timeout: 3000, fallbackMs: 500 },
    );
  }

  /**
   * Other work is using the cores (a dataset is loading): a probe running now counts as not measured,
   * one waiting for idle time does not start (parsing in a worker leaves the page idle), and the next
   * `measureWhenIdle` measures again (not before: the work may still be running).
   */
  disturbed(): void {
    this.cancelIdle?.();
    this.cancelIdle = undefined;
    if (this.inFlight) this.disturbedProbe = true;
  }

  /** The measurement for this preference: the one done, the one running, or a new one; undefined if it failed. */
  ready(preference: BackendPreference): Promise<Measurement | undefined> {
    if (this.measuredFor === preference) return Promise.resolve(this.measurement);
    if (this.inFlight?.preference === preference) return this.inFlight.done;
    return this.measure(preference);
  }

  private measure(preference: BackendPreference): Promise<Measurement | undefined> {
    this.disturbedProbe = false;
    const started = performance.now();
    const done = this.measureIn(preference, (name, index, of) => (this.probing = { name, index, of }))
      .then((measurement) => {
        const measured = { ...measurement, ms: performance.now() - started };
        if (this.inFlight?.done === done) {
          this.measurement = measured;
          this.measuredFor = preference;
        }
        return measured;
      })
      .catch(() => undefined)
      .finally(() => {
        if (this.inFlight?.done === done) {
          this.inFlight = undefined;
          this.probing = undefined;
        }
      });
    this.inFlight = { preference, done };
    return done;
  }

  get measuring(): boolean {
    return this.inFlight !== undefined;
  }
}
