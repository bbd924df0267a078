/**
 * Live charts are updated in place, at most once per animation frame each, and never in one long task:
 * - any number of data changes between two redraws cost one `prepare` (the latest) and one update;
 * - a chart that is off screen waits: it is redrawn as it comes near the window, or in the page's idle
 *   time once no search is training (`setTraining`) and no chart has changed for QUIET_MS, one per
 *   idle period, so a full-page capture of a finished search shows every chart up to date. Redrawn in
 *   idle time during a search (its workers starting, or a quiet rung), they made the longest tasks:
 *   an idle period's 50 ms says nothing of how long the training workers keep the main thread from a
 *   core;
 * - before printing, every chart is sized for the page and redrawn (`beforeprint`), and given back
 *   to its container afterwards (Chart.js's advice for printing responsive charts);
 * - redraws run in a task of their own, posted just after a frame: drawn inside the frame's callback,
 *   a chart's 20–40 ms added to the frame's own style, layout and paint made one long task;
 * - such a task redraws one chart, and more only while their last redraws' times fit FRAME_BUDGET_MS;
 *   the rest wait for the next frame;
 * - a chart redraws at most every MIN_REDRAW_INTERVAL_MS: with 4 workers reporting epochs, redrawing
 *   the learning curves (20–60 ms each) on every frame made most frames long tasks. A chart that must
 *   wait sets a timer for its turn; no frame is requested only to find nothing due.
 */

import { afterNextFrame } from '../after-frame';
import { pageBusy } from '../page-busy';
import { watchNear } from '../near-screen';

/** What this helper needs of a Chart.js chart of any type. */
export interface LiveChart {
  /**
   * Builds the Chart.js chart if it is not built yet; true if it did. An off-screen chart is built in
   * one idle period and first drawn in the next: together they made one task of 100–200 ms.
   */
  create?(): boolean;
  update(mode: 'none'): void;
  resize(width?: number, height?: number): void;
  readonly height: number;
  destroy(): void;
  readonly canvas: HTMLCanvasElement | null;
}

const FRAME_BUDGET_MS = 8;
const MIN_REDRAW_INTERVAL_MS = 250;
const QUIET_MS = 1500;
const MAX_IDLE_NEED_MS = 40;
/** The width of an A4 page's printable area in CSS pixels, about 18 cm. */
export const PRINT_WIDTH = 680;

const charts = new Set<LiveChart>();
const pending = new Map<LiveChart, (() => void) | undefined>();
const visible = new Set<HTMLCanvasElement>();
/** Canvases watched for nearing the screen, and how to stop watching each. */
const watched = new WeakMap<HTMLCanvasElement, (() => void) | undefined>();
const lastDrawn = new WeakMap<LiveChart, number>();
/** How long each chart's last redraw took (ms). */
const cost = new WeakMap<LiveChart, number>();
/** Whether a flush is planned after the next frame. */
let flushPlanned = false;
let idle: { cancel(): void } | undefined;
/** When a chart last asked to be redrawn. */
let lastRequested = -Infinity;
/** Whether a search is training: its workers hold the cores, so the page's idle time is not free. */
let training = false;

function isVisible(chart: LiveChart): boolean {
  const canvas = chart.canvas;
  if (!canvas) return true;
  if (!watched.has(canvas)) {
    watched.set(
      canvas,
      watchNear(canvas, (near) => {
        if (near) visible.add(canvas);
        else visible.delete(canvas);
        if (pending.size > 0) planFlush();
      }),
    );
    return true;
  }
  if (!watched.get(canvas)) return true;
  return visible.has(canvas) || document.fullscreenElement?.contains(canvas) === true;
}

function requestFlush(): void {
  if (!flushPlanned) {
    flushPlanned = true;
    afterNextFrame(flush);
    // After the plan, so the page's busy spell ends only after the redraw (page-busy.ts).
    pageBusy.working();
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
let timerDue = Infinity;

/** Asks for the frame in which the next on-screen chart may redraw, rather than polling every frame. */
function planFlush(now = performance.now()): void {
  let wait = Infinity;
  for (const chart of pending.keys())
    if (isVisible(chart)) wait = Math.min(wait, Math.max(0, MIN_REDRAW_INTERVAL_MS - sinceDrawn(chart, now)));
  if (wait === 0) return requestFlush();
  if (wait === Infinity || flushPlanned || now + wait >= timerDue) return;
  clearTimeout(timer);
  timerDue = now + wait;
  timer = setTimeout(() => {
    timer = undefined;
    timerDue = Infinity;
    requestFlush();
  }, wait);
}

function draw(chart: LiveChart): void {
  const prepare = pending.get(chart);
  pending.delete(chart);
  const started = performance.now();
  prepare?.();
  chart.update('none');
  const ended = performance.now();
  lastDrawn.set(chart, ended);
  cost.set(chart, ended - started);
}

const sinceDrawn = (chart: LiveChart, now: number) => now - (lastDrawn.get(chart) ?? -Infinity);

function flush(): void {
  flushPlanned = false;
  const started = performance.now();
  let drawn = 0;
  for (const chart of [...pending.keys()]) {
    if (!isVisible(chart) || sinceDrawn(chart, started) < MIN_REDRAW_INTERVAL_MS) continue;
    const expected = cost.get(chart) ?? FRAME_BUDGET_MS;
    if (drawn > 0 && performance.now() - started + expected > FRAME_BUDGET_MS) break;
    // Again as the redraw begins: the busy spell then lasts to the frame that paints it.
    if (drawn === 0) pageBusy.working();
    draw(chart);
    drawn++;
  }
  planFlush();
  requestIdleFlush();
}

/** Off-screen charts wait for idle time (a timer where requestIdleCallback is missing). */
function requestIdleFlush(delay = 0): void {
  if (idle || training || ![...pending.keys()].some((c) => !isVisible(c))) return;
  const run = (timeLeft: () => number) => {
    idle = undefined;
    flushHidden(timeLeft);
  };
  const start = () => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback((deadline) => run(() => deadline.timeRemaining()));
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

/**
 * Once the charts are quiet, redraws the off-screen chart that has waited longest, if this idle period
 * has time for it (as long as its last redraw took, MAX_IDLE_NEED_MS for its first); one per idle
 * period, and a chart not built yet is only built in it.
 */
function flushHidden(timeLeft: () => number): void {
  const now = performance.now();
  const quietIn = QUIET_MS - (now - lastRequested);
  if (quietIn > 0) return requestIdleFlush(quietIn);
  let due: LiveChart | undefined;
  for (const chart of pending.keys())
    if (!isVisible(chart) && (!due || sinceDrawn(chart, now) > sinceDrawn(due, now))) due = chart;
  if (!due) return;
  if (timeLeft() >= Math.min(cost.get(due) ?? MAX_IDLE_NEED_MS, MAX_IDLE_NEED_MS) && !due.create?.())
    draw(due);
  requestIdleFlush(1);
}

/**
 * Tells whether a search is training. Off-screen charts wait while it is (in view, they still redraw);
 * once it is not, they are brought up to date in idle time.
 */
export function setTraining(isTraining: boolean): void {
  if (training === isTraining) return;
  training = isTraining;
  idle?.cancel();
  idle = undefined;
  requestIdleFlush();
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
  lastRequested = performance.now();
  pending.set(chart, prepare ?? pending.get(chart));
  planFlush();
  requestIdleFlush();
}

/** Destroys a chart and drops any update still waiting for it. */
export function releaseChart(chart: LiveChart): void {
  charts.delete(chart);
  pending.delete(chart);
  if (chart.canvas) {
    watched.get(chart.canvas)?.();
    watched.delete(chart.canvas);
    visible.delete(chart.canvas);
  }
  chart.destroy();
}
