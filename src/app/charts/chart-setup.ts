/** Registers only the Chart.js pieces the charts use (the rest is tree-shaken away). Import `Chart` from here. */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Scale,
  ScatterController,
  Tooltip,
} from 'chart.js';
import { LinearAxis, LineSegment, ParallelCoordinatesController, PCPScale } from 'chartjs-chart-pcp';

Chart.register(
  LineController,
  ScatterController,
  BarController,
  LineElement,
  PointElement,
  BarElement,
  LinearScale,
  LogarithmicScale,
  CategoryScale,
  Tooltip,
  ParallelCoordinatesController,
  PCPScale,
  LineSegment,
);
Chart.registry.addElements(LinearAxis);
// A pcp axis resolves only the option names its element defaults list: add the ones the charts set per axis.
Object.assign(
  (Chart.defaults.elements as unknown as Record<string, Record<string, unknown>>)[LinearAxis.id],
  {
    min: undefined,
    max: undefined,
    afterBuildTicks: undefined,
  },
);

/**
 * Chart.js resolves a scale's tick font once per tick, through its option proxies, in case the font is
 * scriptable; none of these charts' fonts is, so each scale resolves it once per update (its options
 * object is new at each update). The parallel coordinates' ten axes spent a third of a redraw on it.
 */
type TickFontScale = { options: object; _resolveTickFontOptions(index: number): unknown };
const scaleMethods = Scale.prototype as unknown as TickFontScale;
const resolveTickFont = scaleMethods._resolveTickFontOptions;
const tickFonts = new WeakMap<object, unknown>();
scaleMethods._resolveTickFontOptions = function (this: TickFontScale, index: number) {
  let resolved = tickFonts.get(this.options);
  if (resolved === undefined) tickFonts.set(this.options, (resolved = resolveTickFont.call(this, index)));
  return resolved;
};

Chart.defaults.animation = false;
Chart.defaults.responsive = true;
Chart.defaults.maintainAspectRatio = false;

export { Chart };
