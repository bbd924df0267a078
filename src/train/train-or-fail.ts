/** trainTrial for the scheduler: a trial that cannot train comes back failed with its reason, not thrown. */
import type { EncodedDataset } from '../data/types';
import { isLostDevice } from '../core/device-loss';
import { prefersUntransposed } from './dense-product';
import { failureReason } from './failure-reason';
import { trainGroupOrFail } from './fused/train-group-or-fail';
import { trainTrial } from './train-loop';
import type { EpochReport, TrainRequest, TrainResult } from './types';

/**
 * Out-of-memory, invalid configs and other training errors become `{ status: 'failed', reason }`, so
 * the scheduler records them instead of retrying them as crashes. A lost GPU device is rethrown: the
 * scheduler then replaces the trainer with one on the next backend. On tfjs-wasm the trial trains as a
 * group of one, whose host-side update and member-by-member products are faster than trainTrial's
 * tfjs optimizer at every width (the bench's "wide step" figure), with the same results.
 */
export async function trainTrialOrFail(
  data: EncodedDataset,
  request: TrainRequest,
  onEpoch?: (report: EpochReport) => void,
  shouldStop?: () => boolean,
  atEpochBoundary?: () => Promise<void>,
): Promise<TrainResult> {
  if (prefersUntransposed())
    return (
      await trainGroupOrFail(
        data,
        [request],
        onEpoch && ((_, report) => onEpoch(report)),
        shouldStop && (() => shouldStop()),
        atEpochBoundary,
      )
    )[0];
  const started = performance.now();
  try {
    return await trainTrial(data, request, onEpoch, shouldStop, atEpochBoundary);
  } catch (error) {
    if (isLostDevice(error)) throw error;
    return {
      status: 'failed',
      reason: failureReason(error, request.config, data),
      history: [],
      epochsTrained: 0,
      ms: performance.now() - started,
    };
  }
}
