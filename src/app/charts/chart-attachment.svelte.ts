/** The lifecycle every live chart shares, as a canvas attachment: `<canvas {@attach liveChart(…)}>`. */
import type { ChartOptions, ChartType, Plugin } from 'chart.js';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { Chart } from './chart-setup';
import { releaseChart, scheduleUpdate, type LiveChart } from './live-chart';

/**
 * Creates the chart on its canvas as it is first drawn, redraws it through the frame scheduler
 * (live-chart.ts) whenever what `read` returns changes, and releases it with the canvas. `read` must
 * read every reactive value `apply` uses; `apply` sets the chart's data and options from it.
 *
 * Created as the canvas mounts, every chart of a view that appears at once (a race's, on Start) was
 * built in one task: each construction reads the canvas's computed style and sizes its bitmap, and
 * together they made a 70 ms task on the CPU. Created in its first redraw, each is built in a task
 * of its own; one off screen is built in an idle period before the one it is first drawn in.
 */
export function liveChart<TType extends ChartType, TData, TLabel, Input>(
  kind: { type: TType; plugins?: Plugin<TType>[] },
  read: () => Input,
  apply: (chart: Chart<TType, TData, TLabel>, input: Input) => void,
): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    let chart: Chart<TType, TData, TLabel> | undefined;
    const created = () =>
      (chart ??= untrack(
        () =>
          new Chart<TType, TData, TLabel>(canvas, {
            type: kind.type,
            data: { labels: [], datasets: [] },
            // Each chart sets its options in `apply`, from the theme it reads.
            options: {} as ChartOptions<TType>,
            plugins: kind.plugins,
          }),
      ));
    const live: LiveChart = {
      canvas,
      create: () => chart === undefined && created() !== undefined,
      get height() {
        return chart?.height ?? canvas.height;
      },
      update: (mode) => created().update(mode),
      resize: (width, height) => chart?.resize(width, height),
      destroy: () => chart?.destroy(),
    };
    $effect(() => {
      const input = read();
      scheduleUpdate(live, () => apply(created(), input));
    });
    return () => releaseChart(live);
  };
}
