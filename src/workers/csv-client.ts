/** Runs one CSV job in a fresh worker and ends it; a worker that dies rejects the job instead of hanging. */
import * as Comlink from 'comlink';
import type { CsvWorkerApi } from './csv.worker';

export interface CsvJob<T> {
  result: Promise<T>;
  /** Ends the worker (a newer file replaced this one); `result` then rejects. */
  cancel(): void;
}

export function runCsvJob<T>(job: (api: Comlink.Remote<CsvWorkerApi>) => Promise<T>): CsvJob<T> {
  const worker = new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module', name: 'csv' });
  const api = Comlink.wrap<CsvWorkerApi>(worker);
  let fail: (error: Error) => void = () => {};
  const died = new Promise<never>((_, reject) => (fail = reject));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    fail(new Error(event.message || 'the CSV reader stopped (out of memory?)'));
  });
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    api[Comlink.releaseProxy]();
    worker.terminate();
  };
  const result = Promise.race([job(api), died]).finally(end);
  return {
    result,
    cancel() {
      fail(new Error('cancelled'));
      end();
    },
  };
}
