/**
 * This machine's speed in a fresh trainer worker that is ended after (the bench times the probe this
 * way; the app measures in the tuner, which keeps the trainer for the search: SpareTrainers.measure).
 */
import { REFERENCE_PROBE } from '../core/estimate/reference-probe';
import type { Measurement } from './protocol';
import type { BackendPreference } from './protocol';
import { spawnMeasuringTrainer, type OnProbe } from './worker-trainers';

export async function measureMachine(
  preference: BackendPreference,
  onProbe?: OnProbe,
): Promise<Measurement & { ms: number }> {
  const started = performance.now();
  const { trainer, measurement } = await spawnMeasuringTrainer(preference, REFERENCE_PROBE, onProbe);
  trainer.terminate();
  return { ...measurement, ms: performance.now() - started };
}
