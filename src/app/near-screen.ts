/**
 * Whether an element is on screen or within NEAR_MARGIN of it, from one IntersectionObserver for the
 * page: live charts redraw only then (charts/live-chart.ts), and a card's own work off screen waits
 * while a search trains (importance, the decision boundary).
 */
const NEAR_MARGIN = '200px';

type Listener = (near: boolean) => void;

const listeners = new Map<Element, Listener>();
let observer: IntersectionObserver | null | undefined;

function shared(): IntersectionObserver | null {
  observer ??=
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
          },
          { rootMargin: NEAR_MARGIN },
        )
      : null;
  return observer;
}

/**
 * Calls `onChange` whenever `element` comes near the screen or leaves it (first as it is observed).
 * Returns the function that stops watching, or undefined where the browser cannot tell.
 */
export function watchNear(element: Element, onChange: Listener): (() => void) | undefined {
  const watcher = shared();
  if (!watcher) return undefined;
  listeners.set(element, onChange);
  watcher.observe(element);
  return () => {
    listeners.delete(element);
    watcher.unobserve(element);
  };
}
