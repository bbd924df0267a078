/**
 * While a search trains, panels and chart cards off screen are neither laid out nor painted
 * (`content-visibility: auto` under the body's `training` class, styles.css): every frame of a search laid
 * out and painted the whole page, and on 2 cores shared with the training workers those frames were
 * the main thread's long tasks. Skipped content has no `innerText` and is blank in a full-page capture,
 * so the page renders whole again in the same task that shows the search has ended: whoever reads
 * "Search finished." reads every panel.
 */
const CLASS = 'training';

export function skipOffscreenPanels(training: boolean): void {
  // On the body, not the root: chart-theme.ts re-reads the theme (and every chart redraws) when the
  // root's class changes.
  if (typeof document === 'undefined' || !document.body) return;
  document.body.classList.toggle(CLASS, training);
}

/** Whether a search is training (the page skips its off-screen panels). */
export function pageIsTraining(): boolean {
  return typeof document !== 'undefined' && document.body?.classList.contains(CLASS) === true;
}
