/**
 * Live charts are updated in place, at most once per animation frame each, and never in one long task:
 * - any number of data changes between two redraws cost one `prepare` (the latest) and one update;
 * - a chart that is off screen is only marked stale, and redrawn when it scrolls into view;
 * - a frame spends at most FRAME_BUDGET_MS on redraws; the rest wait for the next frame;
 * - a chart redraws at most every MIN_REDRAW_INTERVAL_MS: with 4 workers reporting epochs, redrawing
 *   the learning curves (20–60 ms each) on every frame made most frames long tasks.
 */

/** What this helper needs of a Chart.js chart of any type. */
export interface LiveChart {
  update(mode: 'none'): void;
  destroy(): void;
  readonly canvas: HTMLCanvasElement | null;
}

const FRAME_BUDGET_MS = 8;
const MIN_REDRAW_INTERVAL_MS = 250;

const pending = new Map<LiveChart, (() => void) | undefined>();
const visible = new Set<HTMLCanvasElement>();
const observed = new WeakMap<HTMLCanvasElement, LiveChart>();
const lastDrawn = new WeakMap<LiveChart, number>();
let frame = 0;

const observer =
  typeof IntersectionObserver === 'function'
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            const canvas = entry.target as HTMLCanvasElement;
            if (entry.isIntersecting) visible.add(canvas);
            else visible.delete(canvas);
          }
          if (pending.size > 0) requestFlush();
        },
        { rootMargin: '200px' },
      )
    : undefined;

function isVisible(chart: LiveChart): boolean {
  const canvas = chart.canvas;
  if (!observer || !canvas) return true;
  if (!observed.has(canvas)) {
    observed.set(canvas, chart);
    observer.observe(canvas);
    return true;
  }
  return visible.has(canvas) || document.fullscreenElement?.contains(canvas) === true;
}

function requestFlush(): void {
  if (!frame) frame = requestAnimationFrame(flush);
}

function flush(): void {
  frame = 0;
  const started = performance.now();
  for (const [chart, prepare] of [...pending]) {
    if (!isVisible(chart) || started - (lastDrawn.get(chart) ?? -Infinity) < MIN_REDRAW_INTERVAL_MS) continue;
    pending.delete(chart);
    prepare?.();
    chart.update('none');
    lastDrawn.set(chart, performance.now());
    if (performance.now() - started > FRAME_BUDGET_MS) break;
  }
  if ([...pending.keys()].some(isVisible)) requestFlush();
}

/** Runs `prepare` (which mutates the chart's data and options) and redraws, when the chart is on screen. */
export function scheduleUpdate(chart: LiveChart, prepare?: () => void): void {
  pending.set(chart, prepare ?? pending.get(chart));
  requestFlush();
}

/** Destroys a chart and drops any update still waiting for it. */
export function releaseChart(chart: LiveChart): void {
  pending.delete(chart);
  if (chart.canvas) {
    observer?.unobserve(chart.canvas);
    visible.delete(chart.canvas);
  }
  chart.destroy();
}
