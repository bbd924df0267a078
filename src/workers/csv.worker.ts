/// <reference lib="webworker" />
/** The CSV worker: decodes and parses files off the main thread, so a 50 MB upload never freezes the page. */
import * as Comlink from 'comlink';
import { loadCsv, loadCsvBytes, type LoadOptions, type Loaded, type Result } from '../data';
import { exposeWorker } from './expose-worker';

/** The typed arrays go back transferred, not copied. */
function transferred(result: Result<Loaded>): Result<Loaded> {
  if (!result.ok) return result;
  const { x, y } = result.value.dataset;
  return Comlink.transfer(result, [x.buffer, y.buffer]);
}

const api = {
  /** A user's file: bytes → text (UTF-8, UTF-16 or Windows-1252) → analysis + dataset. */
  async parseFile(file: Blob, options: LoadOptions): Promise<Result<Loaded>> {
    return transferred(loadCsvBytes(new Uint8Array(await file.arrayBuffer()), options));
  },

  parseText(text: string, options: LoadOptions): Result<Loaded> {
    return transferred(loadCsv(text, options));
  },
};

export type CsvWorkerApi = typeof api;
exposeWorker(api);
