/** Registers only the Chart.js pieces the charts use (the rest is tree-shaken away). Import `Chart` from here. */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DatasetController,
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

/**
 * Chart.js (4.6; chartjs/Chart.js#11507) gives every point of a dataset one shared options object and,
 * in an update without animation ('none', every live chart's), never refreshes it: points kept the
 * options of their dataset's first redraw. A trial's single point, drawn in the running colour, stayed
 * on the learning curves after the search had finished. A direct update now refreshes them, as an
 * animated update does when animations are off.
 */
type SharedOptionsController = {
  updateSharedOptions(shared: object | undefined, mode: string, options: object): void;
};
const controllerMethods = DatasetController.prototype as unknown as SharedOptionsController;
const updateSharedOptions = controllerMethods.updateSharedOptions;
controllerMethods.updateSharedOptions = function (this: SharedOptionsController, shared, mode, options) {
  if (shared && (mode === 'none' || mode === 'reset')) Object.assign(shared, options);
  else updateSharedOptions.call(this, shared, mode, options);
};

Chart.defaults.animation = false;
Chart.defaults.responsive = true;
Chart.defaults.maintainAspectRatio = false;

export { Chart };
