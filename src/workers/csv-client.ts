/** Runs one CSV job in a fresh worker and ends it; a worker that dies rejects the job instead of hanging. */
import * as Comlink from 'comlink';
import type { CsvWorkerApi } from './csv.worker';
import { connectWorker } from './worker-client';

export interface CsvJob<T> {
  result: Promise<T>;
  /** Ends the worker (a newer file replaced this one); `result` then rejects. */
  cancel(): void;
}

export function runCsvJob<T>(job: (api: Comlink.Remote<CsvWorkerApi>) => Promise<T>): CsvJob<T> {
  const client = connectWorker<CsvWorkerApi>(
    () => new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module', name: 'csv' }),
    'the CSV reader',
  );
  return { result: client.call(job).finally(() => client.release()), cancel: () => client.release() };
}
