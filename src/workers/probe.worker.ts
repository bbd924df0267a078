/// <reference lib="webworker" />
/**
 * The probe worker: before Start, chooses a backend as a trainer would and times the reference probe
 * on it (this machine's speed), then is ended. It holds no data.
 */
import { measureBackend, type OnProbe, type ProbeShape } from '../train';
import { exposeWorker } from './expose-worker';
import type { BackendPreference, Measurement } from './protocol';

const api = {
  async measure(preference: BackendPreference, probe: ProbeShape, onProbe?: OnProbe): Promise<Measurement> {
    const choice = await measureBackend(preference, probe, onProbe && ((...a) => void onProbe(...a)));
    return { backend: choice.backend, reason: choice.reason, probeMs: choice.probeMs };
  },
};

export type ProbeWorkerApi = typeof api;
exposeWorker(api);
