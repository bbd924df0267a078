/** The other half of worker-client.ts: every worker exposes its API through this. */
import * as Comlink from 'comlink';

export interface LifeLockApi {
  /**
   * Holds a Web Lock until this worker ends, however it ends (close(), terminate, a crash): the client
   * waits on the same lock, so it learns of a death that fires no 'error' event.
   */
  holdLifeLock(name: string): Promise<void>;
}

const lifeLock: LifeLockApi = {
  holdLifeLock: (name) =>
    new Promise((granted) => {
      void navigator.locks.request(name, () => {
        granted();
        return new Promise<never>(() => {});
      });
    }),
};

export function exposeWorker<Api extends object>(api: Api): void {
  Comlink.expose({ ...lifeLock, ...api });
}
