/** The hyperparameter-importance worker, started on demand; a dead one is replaced on the next call. */
import type { ImportanceRow, ParamImportance } from '../core/importance';
import type { Param } from '../core/space/types';
import type { ImportanceWorkerApi } from './importance.worker';
import { connectWorker, type WorkerClient } from './worker-client';

let client: WorkerClient<ImportanceWorkerApi> | undefined;

export function computeImportance(params: Param[], rows: ImportanceRow[]): Promise<ParamImportance[]> {
  if (!client?.alive)
    client = connectWorker<ImportanceWorkerApi>(
      () =>
        new Worker(new URL('./importance.worker.ts', import.meta.url), {
          type: 'module',
          name: 'importance',
        }),
      'the importance worker',
    );
  return client.call((api) => api.importance(params, rows));
}

/** Ends the worker (the chart left the page). */
export function releaseImportance(): void {
  client?.release();
  client = undefined;
}
