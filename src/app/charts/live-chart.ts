/**
 * Live charts are updated in place and at most once per animation frame: any number of data changes
 * between two frames cost one `prepare` (the latest) and one `chart.update('none')` per chart.
 */

/** What this helper needs of a Chart.js chart of any type. */
export interface LiveChart {
  update(mode: 'none'): void;
  destroy(): void;
}

const pending = new Map<LiveChart, (() => void) | undefined>();
let frame = 0;

function flush(): void {
  frame = 0;
  const jobs = [...pending];
  pending.clear();
  for (const [chart, prepare] of jobs) {
    prepare?.();
    chart.update('none');
  }
}

/** Runs `prepare` (which mutates the chart's data and options) and redraws, on the next frame. */
export function scheduleUpdate(chart: LiveChart, prepare?: () => void): void {
  pending.set(chart, prepare ?? pending.get(chart));
  if (!frame) frame = requestAnimationFrame(flush);
}

/** Destroys a chart and drops any update still waiting for it. */
export function releaseChart(chart: LiveChart): void {
  pending.delete(chart);
  chart.destroy();
}
