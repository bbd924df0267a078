/**
 * This machine's speed, measured before Start: the probe worker chooses the backend as a search would
 * and times the reference probe on it, then ends. The search reuses the choice instead
 * of probing again, and the time estimate scales its rates by the probe.
 */
import * as Comlink from 'comlink';
import { REFERENCE_PROBE } from '../core/estimate/reference-probe';
import type { BackendName, BackendPreference, Measurement } from './protocol';
import type { ProbeWorkerApi } from './probe.worker';
import { connectWorker } from './worker-client';

/** Told as each backend's probe begins (auto tries them in turn). */
export type OnProbe = (name: BackendName, index: number, of: number) => void;

export async function measureMachine(
  preference: BackendPreference,
  onProbe: OnProbe = () => {},
): Promise<Measurement & { ms: number }> {
  const started = performance.now();
  const client = connectWorker<ProbeWorkerApi>(
    () => new Worker(new URL('./probe.worker.ts', import.meta.url), { type: 'module', name: 'probe' }),
    'the probe worker',
  );
  try {
    const measured = await client.call((api) =>
      api.measure(preference, REFERENCE_PROBE, Comlink.proxy(onProbe)),
    );
    return { ...measured, ms: performance.now() - started };
  } finally {
    client.release();
  }
}
