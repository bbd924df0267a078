/**
 * The page's main-thread tasks from a Chromium trace of a run: each task's wall time (what the Long
 * Tasks API reports) and its CPU time (the thread's own clock). On a machine whose cores the training
 * workers keep busy, a task's wall time also counts the time it waited for a core: the CPU time is the
 * page's own work.
 */

/** The mark the run sets as it clicks "Start search": tasks are counted from there. */
export const CLICK_MARK = 'bench-start-search';
const CATEGORIES = ['toplevel', 'blink.user_timing'];

export function startMainThreadTrace(browser, page) {
  return browser.startTracing(page, { categories: CATEGORIES });
}

/**
 * Stops the trace; returns the main thread's tasks longer than `limitMs` (wall) after the click mark,
 * as { atMs, wallMs, cpuMs }, and the longest CPU time of any task after the mark.
 */
export async function stopMainThreadTrace(browser, limitMs) {
  const { traceEvents: events } = JSON.parse((await browser.stopTracing()).toString());
  const mark = events.find((e) => e.name === CLICK_MARK);
  if (!mark) return undefined;
  const main = events.find(
    (e) =>
      e.ph === 'M' && e.name === 'thread_name' && e.pid === mark.pid && e.args?.name === 'CrRendererMain',
  );
  const tasks = events.filter(
    (e) =>
      e.name === 'ThreadControllerImpl::RunTask' &&
      e.ph === 'X' &&
      e.pid === mark.pid &&
      e.tid === main?.tid &&
      e.ts >= mark.ts,
  );
  const ms = (us) => Math.round((us ?? 0) / 100) / 10;
  return {
    longTasks: tasks
      .filter((e) => e.dur > limitMs * 1000)
      .map((e) => ({ atMs: ms(e.ts - mark.ts), wallMs: ms(e.dur), cpuMs: ms(e.tdur) })),
    longestCpuMs: ms(Math.max(0, ...tasks.map((e) => e.tdur ?? 0))),
    tasksOverLimitCpu: tasks.filter((e) => (e.tdur ?? 0) > limitMs * 1000).length,
  };
}
