/**
 * While a search trains, panels and chart cards off screen are neither laid out nor painted
 * (`content-visibility: auto` under the body's `training` class, styles.css): every frame of a search laid
 * out and painted the whole page, and on 2 cores shared with the training workers those frames were
 * the main thread's long tasks. Once the search has ended, the page renders whole again, one panel per
 * idle period (all at once was a long task of its own), so a full-page capture or find-in-page sees
 * every panel.
 */
import { whenIdle } from './after-frame';

const CLASS = 'training';
/** A panel rendered again after a search (styles.css skips only panels without it). */
const RENDERED = 'rendered';
const PANELS = '.panel, .card';
/** How long each panel may wait for idle time before it is rendered anyway. */
const IDLE_TIMEOUT_MS = 3000;

let cancelIdle: (() => void) | undefined;

export function skipOffscreenPanels(training: boolean): void {
  // On the body, not the root: chart-theme.ts re-reads the theme (and every chart redraws) when the
  // root's class changes.
  const body = typeof document === 'undefined' ? undefined : document.body;
  if (!body) return;
  cancelIdle?.();
  cancelIdle = undefined;
  const panels = [...body.querySelectorAll<HTMLElement>(PANELS)];
  if (training) {
    for (const panel of panels) panel.classList.remove(RENDERED);
    body.classList.add(CLASS);
    return;
  }
  if (!body.classList.contains(CLASS)) return;
  const renderNext = (index: number) => {
    if (index === panels.length) {
      cancelIdle = undefined;
      body.classList.remove(CLASS);
      for (const panel of panels) panel.classList.remove(RENDERED);
      return;
    }
    panels[index].classList.add(RENDERED);
    cancelIdle = whenIdle(() => renderNext(index + 1), { timeout: IDLE_TIMEOUT_MS });
  };
  cancelIdle = whenIdle(() => renderNext(0), { timeout: IDLE_TIMEOUT_MS });
}
