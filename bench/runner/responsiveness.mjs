/**
 * Figure 4: the built app with a search running, in each scenario (the default view, presenter mode, a
 * race over seeds…). Long tasks (PerformanceObserver 'longtask') are collected from the click on "Start
 * search" until the search ends or the window closes; the scenarios alternate run by run. The load
 * average is read as each run starts: the machine may be shared.
 */
import { loadavg } from 'node:os';
import { firstFinishedTrial, startable } from './app-page.mjs';
import { CLICK_MARK, startMainThreadTrace, stopMainThreadTrace } from './main-thread-trace.mjs';

export const LONG_TASK_LIMIT_MS = 50;
/** How often the page is asked whether the search has ended: rarely, so the asking adds no long task. */
const POLL_MS = 500;

const OBSERVE_LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/** Count, longest and total blocking time (the time past 50 ms of each) of long-task durations. */
export function longTaskSummary(durations) {
  return {
    longTasks: durations.length,
    longestTaskMs: durations.length ? Math.round(Math.max(...durations)) : 0,
    totalBlockingTimeMs: Math.round(durations.reduce((s, d) => s + Math.max(0, d - LONG_TASK_LIMIT_MS), 0)),
    tasksOver50Ms: durations.filter((d) => d > LONG_TASK_LIMIT_MS).length,
  };
}

async function oneRun(browser, baseUrl, { name, hash, viewport, seconds, settleMs = 0, traced = true }, log) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let tracing = false;
  try {
    await page.addInitScript(OBSERVE_LONG_TASKS);
    await page.goto(`${baseUrl}/app/index.html#${hash}`);
    await startable(page, true, 60_000, POLL_MS);
    if (settleMs) await page.waitForTimeout(settleMs);
    const load = loadavg()[0];
    // Found before the clock starts: Playwright's role query computes accessible names over the whole
    // page, a long task of the harness's own that no user's click costs.
    const start = await page.getByRole('button', { name: 'Start search' }).elementHandle();
    if (traced) tracing = await startMainThreadTrace(browser, page).then(() => true);
    const clickedAt = await page.evaluate((mark) => performance.mark(mark).startTime, CLICK_MARK);
    await start.click();
    await startable(page, false, 10_000, POLL_MS);
    let ended = 'window';
    try {
      await startable(page, true, seconds * 1000, POLL_MS);
      ended = 'done';
    } catch {
      /* the search is still running when the window closes */
    }
    const observedMs = (await page.evaluate(() => performance.now())) - clickedAt;
    const tasks = (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= clickedAt);
    const cpu = tracing ? await stopMainThreadTrace(browser, LONG_TASK_LIMIT_MS) : undefined;
    tracing = false;
    const statusText = (await page.getByRole('status').first().innerText()).slice(0, 200);
    const client = await page.context().newCDPSession(page);
    await client.send('HeapProfiler.collectGarbage');
    const heap = await client.send('Runtime.getHeapUsage');
    if (ended !== 'done')
      await page
        .getByRole('button', { name: 'Stop' })
        .click()
        .catch(() => {});
    const result = {
      name,
      hash,
      viewport,
      loadAverage: Math.round(load * 100) / 100,
      observedSeconds: Math.round(observedMs / 100) / 10,
      ended,
      status: statusText,
      ...longTaskSummary(tasks.map((t) => t.duration)),
      pageHeapBytes: heap.usedSize,
      /** From a trace of the same run: the long tasks' wall and CPU time (undefined when not traced). */
      cpu,
      /** When each long task began (ms after the click) and how long it took. */
      tasks: tasks.map((t) => ({
        atMs: Math.round(t.start - clickedAt),
        durationMs: Math.round(t.duration),
      })),
      errors,
    };
    log(
      `responsiveness, ${name}: ${result.longTasks} long tasks, longest ${result.longestTaskMs} ms, TBT ${result.totalBlockingTimeMs} ms over ${result.observedSeconds} s (${ended}, load ${result.loadAverage})` +
        (cpu
          ? `; on the CPU: longest task ${cpu.longestCpuMs} ms, ${cpu.tasksOverLimitCpu} over ${LONG_TASK_LIMIT_MS} ms`
          : ''),
    );
    return result;
  } finally {
    if (tracing) await browser.stopTracing().catch(() => {});
    await page.close();
  }
}

/** Every scenario `reps` times, alternating; returns the runs in the order they ran. */
export async function responsiveness(browser, baseUrl, { scenarios, reps = 1 }, log) {
  const runs = [];
  for (let rep = 0; rep < reps; rep++)
    for (const scenario of scenarios) runs.push({ rep, ...(await oneRun(browser, baseUrl, scenario, log)) });
  return { limitMs: LONG_TASK_LIMIT_MS, scenarios: scenarios.map((s) => s.name), runs };
}

/**
 * The default preset as a visitor meets it: from the click on "Start search" until the first trial
 * has finished and its dot is on the rungs chart (backend probe, worker start-up and the first trial).
 * The click comes as soon as Start can be pressed, or `settleMs` after (the machine measured and the
 * trainers started before Start).
 */
export async function firstResult(browser, baseUrl, { hash, settleMs = 0 }, log) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(`${baseUrl}/app/index.html#${hash}`);
    await startable(page, true, 60_000);
    if (settleMs) await page.waitForTimeout(settleMs);
    const started = Date.now();
    await page.getByRole('button', { name: 'Start search' }).click();
    await firstFinishedTrial(page);
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    const backend = (await page.getByRole('status').first().innerText()).slice(0, 200);
    const when = settleMs ? `Start ${settleMs / 1000} s after load` : 'Start as soon as it can be pressed';
    log(`first result of the default preset after ${seconds} s, ${when} (${backend.replace(/\s+/g, ' ')})`);
    return { hash, settleMs, seconds, status: backend };
  } finally {
    await page.close();
  }
}
