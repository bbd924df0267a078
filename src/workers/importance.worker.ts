/** Hyperparameter importance off the main thread: the forest fit takes tens of milliseconds per call. */
import { importance } from '../core/importance';
import { exposeWorker } from './expose-worker';

const api = { importance };

export type ImportanceWorkerApi = typeof api;
exposeWorker(api);
