/** trainTrial for the scheduler: a trial that cannot train comes back failed with its reason, not thrown. */
import type { EncodedDataset } from '../data/types';
import { isLostDevice } from '../core/device-loss';
import { failureReason } from './failure-reason';
import { trainTrial } from './train-loop';
import type { EpochReport, TrainRequest, TrainResult } from './types';

/**
 * Out-of-memory, invalid configs and other training errors become `{ status: 'failed', reason }`, so
 * the scheduler records them instead of retrying them as crashes. A lost GPU device is rethrown: the
 * scheduler then replaces the trainer with one on the next backend.
 */
export async function trainTrialOrFail(
  data: EncodedDataset,
  request: TrainRequest,
  onEpoch?: (report: EpochReport) => void,
  shouldStop?: () => boolean,
  atEpochBoundary?: () => Promise<void>,
): Promise<TrainResult> {
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
