/** Helpers for bench figures that drive the built app as a user does. */

/** Waits until an enabled "Start search" button is (true) or is not (false) on the page. */
export function startable(page, want, timeout) {
  return page.waitForFunction(
    (wanted) => {
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Start search',
      );
      return (button !== undefined && !button.disabled) === wanted;
    },
    want,
    { timeout },
  );
}
