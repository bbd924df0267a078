/** Hyperparameter importance off the main thread: the forest fit takes tens of milliseconds per call. */
import * as Comlink from 'comlink';
import { importance } from '../core/importance';

const api = { importance };

export type ImportanceWorkerApi = typeof api;
Comlink.expose(api);
