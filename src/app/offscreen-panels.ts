/**
 * While a search trains, panels and chart cards off screen are neither laid out nor painted
 * (`content-visibility: auto` under the body's `training` class, styles.css): every frame of a search laid
 * out and painted the whole page, and on 2 cores shared with the training workers those frames were
 * the main thread's long tasks.
 *
 * As a search ends the page renders whole again, panel by panel: what changed in the skipped panels
 * during the search (every text first laid out then) had made the frame that showed the end one task
 * of 42–55 ms on the CPU. Skipped content has no `innerText`, so panels holding a table (the
 * leaderboard, a race's standings: what a reader of "Search finished." reads first) render in that
 * frame; the rest follow one per frame, and the class goes once all have.
 */
import { afterNextFrame } from './after-frame';

const CLASS = 'training';
/** A panel rendered again while the class is still on (styles.css). */
export const SHOWN = 'data-shown';

let cancelReveal: (() => void) | undefined;

export function skipOffscreenPanels(training: boolean, nextFrame = afterNextFrame): void {
  // On the body, not the root: chart-theme.ts re-reads the theme (and every chart redraws) when the
  // root's class changes.
  if (typeof document === 'undefined' || !document.body) return;
  const body = document.body;
  cancelReveal?.();
  cancelReveal = undefined;
  const forgetShown = () =>
    body.querySelectorAll(`.panel[${SHOWN}]`).forEach((p) => p.removeAttribute(SHOWN));
  if (training) {
    forgetShown();
    body.classList.toggle(CLASS, true);
    return;
  }
  if (!body.classList.contains(CLASS)) return;
  const panels = [...body.querySelectorAll<HTMLElement>(`.panel:not([${SHOWN}])`)];
  for (const panel of panels) if (panel.querySelector('table')) panel.setAttribute(SHOWN, '');
  const rest = panels.filter((panel) => !panel.hasAttribute(SHOWN));
  const next = () => {
    const panel = rest.shift();
    if (panel) {
      panel.setAttribute(SHOWN, '');
      cancelReveal = nextFrame(next);
      return;
    }
    cancelReveal = undefined;
    body.classList.toggle(CLASS, false);
    forgetShown();
  };
  cancelReveal = nextFrame(next);
}

/** Whether a search is training, or the page is still rendering whole again after one. */
export function pageIsTraining(): boolean {
  return typeof document !== 'undefined' && document.body?.classList.contains(CLASS) === true;
}
