/** Helpers for bench figures that drive the built app as a user does. */

/**
 * Waits until an enabled "Start search" button is (true) or is not (false) on the page. `polling`:
 * Playwright's default checks on every animation frame, which is main-thread work of its own; a figure
 * that measures the main thread polls on a timer instead.
 */
export function startable(page, want, timeout, polling = 'raf') {
  return page.waitForFunction(
    (wanted) => {
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Start search',
      );
      return (button !== undefined && !button.disabled) === wanted;
    },
    want,
    { timeout, polling },
  );
}

/** Waits until the leaderboard shows a finished (completed or stopped) trial. */
export function firstFinishedTrial(page, timeout = 120_000) {
  return page
    .getByRole('table', { name: 'Leaderboard' })
    .locator('tbody tr')
    .filter({ hasText: /completed|stopped/ })
    .first()
    .waitFor({ timeout });
}
