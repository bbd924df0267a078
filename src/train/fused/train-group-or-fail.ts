/**
 * trainGroup for the scheduler: a request that cannot train comes back failed with its reason, the
 * others still train together; an error of the whole group (out of memory) fails its members with
 * that reason. A lost GPU device is rethrown, as trainTrialOrFail does.
 */
import type { EncodedDataset } from '../../data/types';
import { isLostDevice } from '../../core/device-loss';
import { failureReason } from '../failure-reason';
import { readTrainSpec } from '../../core/model/spec';
import { validateRequest } from '../trial-control';
import type { EpochReport, TrainRequest, TrainResult } from '../types';
import { trialRows } from '../rows';
import { trainGroup, type GroupOptions } from './train-group';

export async function trainGroupOrFail(
  data: EncodedDataset,
  requests: TrainRequest[],
  onEpoch?: (index: number, report: EpochReport) => void,
  shouldStop?: (index: number) => boolean,
  atEpochBoundary?: () => Promise<void>,
  options?: GroupOptions,
): Promise<TrainResult[]> {
  const started = performance.now();
  const failed = (request: TrainRequest, error: unknown): TrainResult => ({
    status: 'failed',
    reason: failureReason(error, request.config, data),
    history: [],
    epochsTrained: 0,
    ms: performance.now() - started,
  });
  const results: TrainResult[] = new Array(requests.length);
  const valid: number[] = [];
  requests.forEach((request, i) => {
    try {
      validateRequest(request);
      readTrainSpec(request.config);
      trialRows(data, request);
      valid.push(i);
    } catch (error) {
      results[i] = failed(request, error);
    }
  });
  if (valid.length === 0) return results;
  try {
    const trained = await trainGroup(
      data,
      valid.map((i) => requests[i]),
      onEpoch && ((j, report) => onEpoch(valid[j], report)),
      shouldStop && ((j) => shouldStop(valid[j])),
      atEpochBoundary,
      options,
    );
    trained.forEach((result, j) => (results[valid[j]] = result));
  } catch (error) {
    if (isLostDevice(error)) throw error;
    for (const i of valid) results[i] ??= failed(requests[i], error);
  }
  return results;
}
