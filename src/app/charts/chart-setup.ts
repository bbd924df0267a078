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

Chart.defaults.animation = false;
Chart.defaults.responsive = true;
Chart.defaults.maintainAspectRatio = false;

export { Chart };
