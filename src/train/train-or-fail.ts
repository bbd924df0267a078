/** trainTrial for the scheduler: a trial that cannot train comes back failed with its reason, not thrown. */
import type { EncodedDataset } from '../data/types';
import { trainGroupOrFail } from './fused/train-group-or-fail';
import type { EpochReport, TrainRequest, TrainResult } from './types';

/**
 * Out-of-memory, invalid configs and other training errors become `{ status: 'failed', reason }`, so
 * the scheduler records them instead of retrying them as crashes. A lost GPU device is rethrown: the
 * scheduler then replaces the trainer with one on the next backend. The trial trains as a group of
 * one, with trainTrial's results: its step runs a third of tfjs' kernels (GPU dispatches) without the
 * gradient tape and the optimizer's per-variable updates, and on tfjs-wasm the update runs on the
 * host (the bench's "wide step" figure).
 */
export async function trainTrialOrFail(
  data: EncodedDataset,
  request: TrainRequest,
  onEpoch?: (report: EpochReport) => void,
  shouldStop?: () => boolean,
  atEpochBoundary?: () => Promise<void>,
): Promise<TrainResult> {
  const [result] = await trainGroupOrFail(
    data,
    [request],
    onEpoch && ((_, report) => onEpoch(report)),
    shouldStop && (() => shouldStop()),
    atEpochBoundary,
  );
  return result;
}
