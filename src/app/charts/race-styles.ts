/**
 * How each tuner of a race is drawn: its own colour, dash pattern and point marker, in the race chart,
 * the seeds chart and their legends alike, so two tuners whose lines coincide stay told apart.
 */
import type { PointStyle } from 'chart.js';
import { LINE_SERIES, type ChartTheme } from './chart-theme';

export interface TunerStyle {
  color: string;
  /** Dash and gap lengths in px at the theme's size (solid when empty). */
  dash: number[];
  point: PointStyle & ('circle' | 'rect' | 'triangle' | 'rectRot');
}

/** One per racer (MAX_RACERS is 4): solid, long dashes, dots, dash-dot. */
const DASHES = [[], [10, 6], [2, 5], [12, 5, 2, 5]];
const POINTS = ['circle', 'rect', 'triangle', 'rectRot'] as const;

/** The style of the i-th tuner of a race; dashes scale with the text (larger in presenter mode). */
export function tunerStyle(t: ChartTheme, i: number): TunerStyle {
  const scale = t.rem / 16;
  return {
    color: t.series[LINE_SERIES[i % LINE_SERIES.length]],
    dash: DASHES[i % DASHES.length].map((d) => Math.round(d * scale)),
    point: POINTS[i % POINTS.length],
  };
}
