import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MachineState } from '../../../src/app/state/machine.svelte';
import type { Measurement } from '../../../src/workers/protocol';

/** A measuring function whose measurements the test ends, one by one. */
function measurer() {
  const pending: ((m: Measurement) => void)[] = [];
  const measure = vi.fn(() => new Promise<Measurement>((resolve) => pending.push(resolve)));
  const finish = async (probeMs: number) => {
    pending.shift()!({ backend: 'wasm', reason: 'auto: wasm was fastest', probeMs });
    await vi.advanceTimersByTimeAsync(0);
  };
  return { measure, finish };
}

describe('measuring this machine', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('measures once while idle, and keeps the measurement', async () => {
    const { measure, finish } = measurer();
    const machine = new MachineState(measure);
    machine.measureWhenIdle('auto');
    machine.measureWhenIdle('auto');
    await vi.advanceTimersByTimeAsync(1000);
    expect(measure).toHaveBeenCalledTimes(1);
    expect(machine.measuring).toBe(true);
    await finish(40);
    expect(machine.for('auto')).toMatchObject({ backend: 'wasm', probeMs: 40 });
    machine.measureWhenIdle('auto');
    await vi.advanceTimersByTimeAsync(1000);
    expect(measure).toHaveBeenCalledTimes(1);
  });

  it('measures a probe disturbed by a file load again, only when asked after the load', async () => {
    const { measure, finish } = measurer();
    const machine = new MachineState(measure);
    void machine.ready('auto');
    machine.disturbed();
    await finish(90);
    // The file may still be loading: no probe starts by itself.
    await vi.advanceTimersByTimeAsync(5000);
    expect(measure).toHaveBeenCalledTimes(1);
    machine.measureWhenIdle('auto');
    await vi.advanceTimersByTimeAsync(1000);
    expect(measure).toHaveBeenCalledTimes(2);
    await finish(40);
    expect(machine.for('auto')?.probeMs).toBe(40);
  });

  it('a probe waiting for idle time does not start while a file loads: it waits to be asked again', async () => {
    const { measure, finish } = measurer();
    const machine = new MachineState(measure);
    machine.measureWhenIdle('auto');
    // A file is dropped before the page was idle: parsing runs in a worker, the page looks idle.
    machine.disturbed();
    await vi.advanceTimersByTimeAsync(5000);
    expect(measure).not.toHaveBeenCalled();
    machine.measureWhenIdle('auto');
    await vi.advanceTimersByTimeAsync(1000);
    expect(measure).toHaveBeenCalledTimes(1);
    await finish(40);
    expect(machine.for('auto')?.probeMs).toBe(40);
  });
});
