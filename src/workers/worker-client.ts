/**
 * The one way the app starts a worker. A worker that dies, whether by an error event or silently (the
 * browser killed it, out of memory), rejects every call in flight with a message instead of leaving it
 * pending forever; release ends it. Workers expose their API with `exposeWorker` (expose-worker.ts).
 */
import * as Comlink from 'comlink';
import type { LifeLockApi } from './expose-worker';

export interface WorkerClient<Api> {
  readonly api: Comlink.Remote<Api>;
  /** Resolves as the call does, or rejects with why the worker died if it dies first. */
  call<T>(run: (api: Comlink.Remote<Api>) => Promise<T>): Promise<T>;
  /** Rejects once the worker has died or been released. */
  readonly ended: Promise<never>;
  readonly alive: boolean;
  /** Ends the worker; calls in flight reject. Harmless to call twice. */
  release(): void;
}

/**
 * `create` must be `() => new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`
 * written out at the call site, so Vite finds and bundles the worker. `what` names it in messages
 * ("the trainer worker").
 */
export function connectWorker<Api>(create: () => Worker, what: string): WorkerClient<Api> {
  const worker = create();
  const api = Comlink.wrap<Api>(worker);
  let alive = true;
  let end: (reason: Error) => void = () => {};
  const ended = new Promise<never>((_, reject) => (end = reject));
  ended.catch(() => {});
  const die = (reason: string) => {
    if (!alive) return;
    alive = false;
    end(new Error(reason));
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    die(event.message ? `${what} failed: ${event.message}` : `${what} crashed`);
  });
  watchLifeLock(api as unknown as Comlink.Remote<LifeLockApi>, () => die(`${what} stopped unexpectedly`));
  return {
    api,
    call: (run) => Promise.race([run(api), ended]),
    ended,
    get alive() {
      return alive;
    },
    release() {
      if (!alive) return;
      die(`${what} was ended`);
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/** The worker holds a Web Lock while it lives; once the lock is ours, it has died. */
function watchLifeLock(api: Comlink.Remote<LifeLockApi>, onDeath: () => void): void {
  if (typeof navigator === 'undefined' || !navigator.locks) return;
  const name = `worker-life-${crypto.randomUUID()}`;
  api.holdLifeLock(name).then(
    () => void navigator.locks.request(name, onDeath),
    () => {},
  );
}
