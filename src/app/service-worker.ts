/**
 * Registers the service worker that makes the app work offline, some seconds after load, once the
 * page is idle and no search is training. Installing it precaches the whole build (scripts, the .wasm
 * binaries and the datasets): registered at load, that ran in the seconds after "Start search" could
 * first be pressed, and the service worker's thread took the cores a search's first frames needed.
 * A search that starts first defers it until the search has ended.
 */
import { whenIdle } from './after-frame';

const RETRY_MS = 2000;
/** A visitor who presses Start at once is drawing the search's first frames by then. */
const AFTER_LOAD_MS = 8000;
const IDLE_TIMEOUT_MS = 10_000;

export interface Registration {
  register(): void;
  /** Whether a search is training now. */
  busy(): boolean;
  idle?: typeof whenIdle;
  later?: (run: () => void, ms: number) => void;
}

export function registerWhenQuiet({
  register,
  busy,
  idle = whenIdle,
  later = (run, ms) => void setTimeout(run, ms),
  afterMs = AFTER_LOAD_MS,
}: Registration & { afterMs?: number }): void {
  const attempt = () => {
    if (busy()) return later(attempt, RETRY_MS);
    idle(() => (busy() ? later(attempt, RETRY_MS) : register()), {
      timeout: IDLE_TIMEOUT_MS,
      fallbackMs: RETRY_MS,
    });
  };
  later(attempt, afterMs);
}

/** The built app's registration (vite-plugin-pwa generates ./sw.js; nothing is injected into the page). */
export function registerServiceWorker(busy: () => boolean): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const start = () =>
    registerWhenQuiet({
      register: () => void navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {}),
      busy,
    });
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
