/** Errors thrown while training a trial, in plain words (a lost GPU device is not one: core/device-loss). */
import { ConfigError, readTrainSpec } from '../core/model/spec';
import type { Config } from '../core/space/types';

const OUT_OF_MEMORY =
  /out of memory|allocation failed|failed to allocate|invalid (typed )?array length|array buffer|maxBufferSize|maxStorageBufferBindingSize|texture size|exceeds the (maximum|limit)|CONTEXT_LOST|OOM\b/i;

export interface DataShape {
  rows: number;
  features: number;
}

/** A sentence for the leaderboard: what went wrong and, where it can, what to change. */
export function failureReason(error: unknown, config: Config, data: DataShape): string {
  const message = errorMessage(error);
  if (error instanceof ConfigError) return `invalid configuration: ${message}`;
  if (OUT_OF_MEMORY.test(message) || (error instanceof RangeError && /length|size|alloc/i.test(message))) {
    return `out of memory: ${modelSize(config)} on ${data.rows} rows × ${data.features} features is too large for this device (${message}). Try fewer or smaller layers, or a smaller batch.`;
  }
  return `training failed: ${message}`;
}

function modelSize(config: Config): string {
  try {
    const { units } = readTrainSpec(config);
    const widest = Math.max(...units);
    return `${units.length} layer${units.length === 1 ? '' : 's'} × ${widest} units`;
  } catch {
    return 'this model';
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
