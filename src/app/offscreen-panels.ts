/**
 * While a search trains, panels and chart cards off screen are neither laid out nor painted
 * (`content-visibility: auto` under the body's `training` class, styles.css): every frame of a search laid
 * out and painted the whole page, and on 2 cores shared with the training workers those frames were
 * the main thread's long tasks. Once the search has ended, the page renders whole again in idle
 * time, so a full-page capture or find-in-page sees every panel.
 */
import { whenIdle } from './after-frame';

const CLASS = 'training';
/** How long the whole page may wait for idle time before it is rendered anyway. */
const IDLE_TIMEOUT_MS = 3000;

let cancelIdle: (() => void) | undefined;

export function skipOffscreenPanels(training: boolean): void {
  // On the body, not the root: chart-theme.ts re-reads the theme (and every chart redraws) when the
  // root's class changes.
  const body = typeof document === 'undefined' ? undefined : document.body;
  if (!body) return;
  cancelIdle?.();
  cancelIdle = undefined;
  if (training) {
    body.classList.add(CLASS);
    return;
  }
  if (!body.classList.contains(CLASS)) return;
  cancelIdle = whenIdle(
    () => {
      cancelIdle = undefined;
      body.classList.remove(CLASS);
    },
    { timeout: IDLE_TIMEOUT_MS },
  );
}
