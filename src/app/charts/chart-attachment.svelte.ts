/** The lifecycle every live chart shares, as a canvas attachment: `<canvas {@attach liveChart(…)}>`. */
import type { ChartOptions, ChartType, Plugin } from 'chart.js';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { Chart } from './chart-setup';
import { releaseChart, scheduleUpdate } from './live-chart';

/**
 * Creates the chart once on its canvas, redraws it through the frame scheduler (live-chart.ts) whenever
 * what `read` returns changes, and releases it with the canvas. `read` must read every reactive value
 * `apply` uses; `apply` sets the chart's data and options from it.
 */
export function liveChart<TType extends ChartType, TData, TLabel, Input>(
  kind: { type: TType; plugins?: Plugin<TType>[] },
  read: () => Input,
  apply: (chart: Chart<TType, TData, TLabel>, input: Input) => void,
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    const chart = untrack(
      () =>
        new Chart<TType, TData, TLabel>(canvas, {
          type: kind.type,
          data: { labels: [], datasets: [] },
          // Each chart sets its options in `apply`, from the theme it reads.
          options: {} as ChartOptions<TType>,
          plugins: kind.plugins,
        }),
    );
    $effect(() => {
      const input = read();
      scheduleUpdate(chart, () => apply(chart, input));
    });
    return () => releaseChart(chart);
  };
}
