import { describe, expect, it, vi } from 'vitest';
import { SpareTrainers } from '../../../src/workers/spare-trainers';
import type { SpawnedTrainer } from '../../../src/workers/worker-trainers';
import type { BackendName, BackendPreference } from '../../../src/workers/protocol';
import type { EncodedDataset } from '../../../src/data/types';

/** Lets the spares' start-up promises (spawn, warm-up) run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

const dataset = { rows: 10 } as unknown as EncodedDataset;

/** A fake trainer: records whether it was ended and what it was loaded with. */
function fakeTrainer(backend: BackendName, { loadFails = false } = {}) {
  const trainer = {
    backend: { backend, reason: 'test' },
    loaded: undefined as EncodedDataset | undefined,
    ended: false,
    warmedUp: false,
    warmUps: 0,
    warmUp: vi.fn(async () => {
      trainer.warmedUp = true;
      trainer.warmUps++;
      return 7;
    }),
    stopWarmUp: vi.fn(),
    load: vi.fn(async (data: EncodedDataset) => {
      if (loadFails) throw new Error('the trainer worker crashed');
      trainer.loaded = data;
    }),
    terminate: vi.fn(() => void (trainer.ended = true)),
  };
  return trainer;
}
type Fake = ReturnType<typeof fakeTrainer>;

function pool({ fallBackTo }: { fallBackTo?: BackendName } = {}) {
  const spawned: Fake[] = [];
  const spawn = vi.fn(async (_data: unknown, preference: BackendPreference) => {
    const trainer = fakeTrainer(fallBackTo ?? (preference as BackendName));
    spawned.push(trainer);
    return trainer as unknown as SpawnedTrainer;
  });
  const measured: Fake[] = [];
  const spawnMeasuring = vi.fn(async () => {
    const trainer = fakeTrainer('wasm');
    measured.push(trainer);
    return {
      trainer: trainer as unknown as SpawnedTrainer,
      measurement: { backend: 'wasm' as const, reason: 'auto: wasm was fastest', probeMs: 40 },
    };
  });
  return { spares: new SpareTrainers(spawn as never, spawnMeasuring as never), spawn, spawned, measured };
}

describe('spare trainers', () => {
  it('keeps the asked number on a backend, starting the missing ones and ending the rest', async () => {
    const { spares, spawned } = pool();
    spares.keep('wasm', 2);
    expect(spares.countOn('wasm')).toBe(2);
    spares.keep('wasm', 3);
    await settled();
    expect(spawned).toHaveLength(3);
    spares.keep('wasm', 1);
    await settled();
    expect(spawned.map((t) => t.ended)).toEqual([false, true, true]);
    spares.keep('webgl', 1);
    await settled();
    expect(spares.countOn('wasm')).toBe(0);
    expect(spares.countOn('webgl')).toBe(1);
    expect(spawned[0].ended).toBe(true);
  });

  it('gives a search a spare on its backend with the dataset loaded, each spare once', async () => {
    const { spares, spawned } = pool();
    spares.keep('wasm', 1);
    expect(await spares.take('webgl', dataset)).toBeUndefined();
    const taken = (await spares.take('wasm', dataset)) as unknown as Fake;
    expect(taken).toBe(spawned[0]);
    expect(taken.loaded).toBe(dataset);
    expect(taken.warmedUp).toBe(true);
    expect(await spares.take('wasm', dataset)).toBeUndefined();
  });

  it('ends a spare that cannot take the data or fell back to another backend, and gives none', async () => {
    const failing = pool();
    failing.spares.keep('wasm', 1);
    await settled();
    failing.spawned[0].load.mockRejectedValueOnce(new Error('the trainer worker crashed'));
    expect(await failing.spares.take('wasm', dataset)).toBeUndefined();
    expect(failing.spawned[0].ended).toBe(true);

    const fellBack = pool({ fallBackTo: 'cpu' });
    fellBack.spares.keep('webgpu', 1);
    expect(await fellBack.spares.take('webgpu', dataset)).toBeUndefined();
    expect(fellBack.spawned[0].ended).toBe(true);
  });

  it('starts spares one after another, and never starts one no longer wanted', async () => {
    const starts: ((trainer: SpawnedTrainer) => void)[] = [];
    const spawn = vi.fn(() => new Promise<SpawnedTrainer>((resolve) => starts.push(resolve)));
    const spares = new SpareTrainers(spawn as never);
    spares.keep('wasm', 3);
    await settled();
    expect(spawn).toHaveBeenCalledTimes(1);
    starts[0](fakeTrainer('wasm') as unknown as SpawnedTrainer);
    await settled();
    expect(spawn).toHaveBeenCalledTimes(2);
    spares.keep('wasm', 2);
    starts[1](fakeTrainer('wasm') as unknown as SpawnedTrainer);
    await settled();
    expect(spawn).toHaveBeenCalledTimes(2);
    expect(spares.countOn('wasm')).toBe(2);
  });

  it('starts the next spare when the one before it failed to start', async () => {
    let calls = 0;
    const spawn = vi.fn(async () => {
      if (++calls === 1) throw new Error('no WebGPU adapter');
      return fakeTrainer('wasm') as unknown as SpawnedTrainer;
    });
    const spares = new SpareTrainers(spawn as never);
    spares.keep('wasm', 2);
    await settled();
    expect(spawn).toHaveBeenCalledTimes(2);
    expect(await spares.take('wasm', dataset)).toBeUndefined();
    expect(await spares.take('wasm', dataset)).toBeDefined();
  });

  it('gives none for a spare whose start failed', async () => {
    const spawn = vi.fn(async () => {
      throw new Error('no WebGPU adapter');
    });
    const spares = new SpareTrainers(spawn as never);
    spares.keep('webgpu', 1);
    expect(await spares.take('webgpu', dataset)).toBeUndefined();
  });

  it('keeps the trainer that measured the machine as the first spare; it warms up when the page asks', async () => {
    const { spares, spawned, measured } = pool();
    spares.keep('wasm', 2);
    const measurement = await spares.measure('auto');
    expect(measurement).toMatchObject({ backend: 'wasm', probeMs: 40 });
    await settled();
    expect(spares.countOn('wasm')).toBe(3);
    // No warm-up right after measuring: a file may be loading then.
    expect(measured[0].warmedUp).toBe(false);
    spares.keep('wasm', 2);
    await settled();
    expect(spares.countOn('wasm')).toBe(2);
    expect(measured[0].warmedUp).toBe(true);
    // The measured trainer is kept first; the surplus one started earlier is ended.
    expect(await spares.take('wasm', dataset)).toBe(measured[0]);
    expect(spawned.map((t) => t.ended)).toEqual([false, true]);
  });

  it('stops the warm-ups while a file loads, and starts them again when the page next asks', async () => {
    const { spares, spawned } = pool();
    spares.keep('wasm', 2);
    await settled();
    expect(spawned.map((t) => t.warmUps)).toEqual([1, 1]);
    spares.rest();
    await settled();
    expect(spawned.map((t) => t.stopWarmUp.mock.calls.length)).toEqual([1, 1]);
    spares.rest();
    await settled();
    expect(spawned.map((t) => t.stopWarmUp.mock.calls.length)).toEqual([1, 1]);
    spares.keep('wasm', 2);
    await settled();
    expect(spawned.map((t) => t.warmUps)).toEqual([2, 2]);
    expect(spawned).toHaveLength(2);
  });
});
