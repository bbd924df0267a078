import { describe, expect, it } from 'vitest';
import { Chart } from '../../../src/app/charts/chart-setup';

/** A canvas whose 2-D context draws nothing (Chart.js's basic platform, as off the DOM). */
function blankCanvas() {
  const context: Record<string | symbol, unknown> = new Proxy(
    { measureText: () => ({ width: 10 }), canvas: undefined as unknown },
    { get: (target, key) => (key in target ? target[key as keyof typeof target] : () => undefined) },
  );
  const canvas = { width: 600, height: 300, style: {}, getContext: () => context };
  (context as { canvas: unknown }).canvas = canvas;
  return canvas as unknown as HTMLCanvasElement;
}

describe('live charts redrawn without animation (update "none")', () => {
  it('draw a dataset’s points with its current point options, not those of its first redraw', () => {
    const running = { radius: 5, colour: '#e69f00' };
    const finished = { radius: 0, colour: '#9a9a9a' };
    const dataset = {
      data: [{ x: 1, y: 0.5 }],
      pointRadius: running.radius,
      pointBackgroundColor: running.colour,
    };
    const chart = new Chart(blankCanvas(), {
      type: 'line',
      data: { datasets: [dataset] },
      options: { responsive: false, scales: { x: { type: 'linear' } } },
    });
    chart.update('none');
    Object.assign(dataset, {
      data: [
        { x: 1, y: 0.5 },
        { x: 2, y: 0.6 },
        { x: 3, y: 0.7 },
      ],
      pointRadius: finished.radius,
      pointBackgroundColor: finished.colour,
    });
    chart.update('none');
    const points = chart.getDatasetMeta(0).data as unknown as {
      options: { radius: number; backgroundColor: string };
    }[];
    expect(points.map((p) => [p.options.radius, p.options.backgroundColor])).toEqual(
      points.map(() => [finished.radius, finished.colour]),
    );
    chart.destroy();
  });
});
