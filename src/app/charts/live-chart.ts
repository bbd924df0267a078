/**
 * Live charts are updated in place, at most once per animation frame each, and never in one long task:
 * - any number of data changes between two redraws cost one `prepare` (the latest) and one update;
 * - a chart that is off screen is redrawn when the page is idle, at most every HIDDEN_REDRAW_INTERVAL_MS,
 *   so a full-page capture never shows an empty frame; on screen it is redrawn at once;
 * - before printing, every chart is sized for the page and redrawn (`beforeprint`), and given back
 *   to its container afterwards (Chart.js's advice for printing responsive charts);
 * - a frame spends at most FRAME_BUDGET_MS on redraws; the rest wait for the next frame;
 * - a chart redraws at most every MIN_REDRAW_INTERVAL_MS: with 4 workers reporting epochs, redrawing
 *   the learning curves (20–60 ms each) on every frame made most frames long tasks.
 */

/** What this helper needs of a Chart.js chart of any type. */
export interface LiveChart {
  update(mode: 'none'): void;
  resize(width?: number, height?: number): void;
  readonly height: number;
  destroy(): void;
  readonly canvas: HTMLCanvasElement | null;
}

const FRAME_BUDGET_MS = 8;
const MIN_REDRAW_INTERVAL_MS = 250;
const HIDDEN_REDRAW_INTERVAL_MS = 1000;
/** The width of an A4 page's printable area in CSS pixels, about 18 cm. */
export const PRINT_WIDTH = 680;

const charts = new Set<LiveChart>();
const pending = new Map<LiveChart, (() => void) | undefined>();
const visible = new Set<HTMLCanvasElement>();
const observed = new WeakMap<HTMLCanvasElement, LiveChart>();
const lastDrawn = new WeakMap<LiveChart, number>();
let frame = 0;
let idle: { cancel(): void } | undefined;

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

function draw(chart: LiveChart): void {
  const prepare = pending.get(chart);
  pending.delete(chart);
  prepare?.();
  chart.update('none');
  lastDrawn.set(chart, performance.now());
}

const sinceDrawn = (chart: LiveChart, now: number) => now - (lastDrawn.get(chart) ?? -Infinity);

function flush(): void {
  frame = 0;
  const started = performance.now();
  for (const chart of [...pending.keys()]) {
    if (!isVisible(chart) || sinceDrawn(chart, started) < MIN_REDRAW_INTERVAL_MS) continue;
    draw(chart);
    if (performance.now() - started > FRAME_BUDGET_MS) break;
  }
  if ([...pending.keys()].some(isVisible)) requestFlush();
  requestIdleFlush();
}

/** Off-screen charts wait for idle time (a timer where requestIdleCallback is missing). */
function requestIdleFlush(delay = 0): void {
  if (idle || ![...pending.keys()].some((c) => !isVisible(c))) return;
  const run = (timeLeft: () => number) => {
    idle = undefined;
    flushHidden(timeLeft);
  };
  const start = () => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback((deadline) => run(() => deadline.timeRemaining()), { timeout: 2000 });
      idle = { cancel: () => cancelIdleCallback(id) };
    } else {
      const ends = performance.now() + FRAME_BUDGET_MS;
      run(() => ends - performance.now());
    }
  };
  if (delay > 0) {
    const timer = setTimeout(start, delay);
    idle = { cancel: () => clearTimeout(timer) };
  } else start();
}

function flushHidden(timeLeft: () => number): void {
  const now = performance.now();
  let wait = Infinity;
  for (const chart of [...pending.keys()]) {
    if (isVisible(chart)) continue;
    const since = sinceDrawn(chart, now);
    if (since < HIDDEN_REDRAW_INTERVAL_MS) {
      wait = Math.min(wait, HIDDEN_REDRAW_INTERVAL_MS - since);
      continue;
    }
    if (timeLeft() <= 0) {
      wait = 0;
      break;
    }
    draw(chart);
  }
  if (wait < Infinity) requestIdleFlush(Math.max(1, wait));
}

let printing = false;

/** The page is about to be printed: every chart applies its waiting change and draws at the page's width. */
export function drawForPrint(): void {
  printing = true;
  for (const chart of charts) {
    const prepare = pending.get(chart);
    pending.delete(chart);
    prepare?.();
    chart.resize(PRINT_WIDTH, chart.height);
    // resize draws only when the size changed.
    chart.update('none');
  }
}

function afterPrint(): void {
  if (!printing) return;
  printing = false;
  for (const chart of charts) chart.resize();
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', drawForPrint);
  window.addEventListener('afterprint', afterPrint);
  // Safari before 13 announces printing only through the print media query.
  window
    .matchMedia?.('print')
    .addEventListener?.('change', (e) => (e.matches ? drawForPrint() : afterPrint()));
}

/** Runs `prepare` (which mutates the chart's data and options) and redraws, when the chart is on screen. */
export function scheduleUpdate(chart: LiveChart, prepare?: () => void): void {
  charts.add(chart);
  pending.set(chart, prepare ?? pending.get(chart));
  requestFlush();
  requestIdleFlush();
}

/** Destroys a chart and drops any update still waiting for it. */
export function releaseChart(chart: LiveChart): void {
  charts.delete(chart);
  pending.delete(chart);
  if (chart.canvas) {
    observer?.unobserve(chart.canvas);
    visible.delete(chart.canvas);
  }
  chart.destroy();
}
