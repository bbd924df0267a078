/**
 * Fits the parallel-coordinates axes into a width so that no two labels overlap:
 * - axes stand at least `minSpacing` apart; the ones that do not fit are left out (the objective stays);
 * - an axis draws its tick labels to its right (the first one to its left), so each must be narrower
 *   than the gap to the next axis: fewer ticks, then shorter labels, until they are;
 * - axis names go horizontally, word-wrapped, when every word fits between two axes, else at 45°.
 * Axes are spread evenly across the plot, each in the middle of its band (chartjs-chart-pcp's layout).
 */
import { formatNumber } from '../../core/format';
import type { PcpAxis, PcpTick } from './pcp-axes';

export interface FitInput {
  axes: readonly PcpAxis[];
  /** The canvas width in CSS pixels. */
  width: number;
  minSpacing: number;
  /** The width of an axis line and its tick marks, before its labels. */
  axisWidth: number;
  /** Text widths in the tick font and the axis-name font. */
  measureTick: (text: string) => number;
  measureName: (text: string) => number;
}

export interface FittedAxis {
  axis: PcpAxis;
  ticks: PcpTick[];
  /** Lines of its name (one line when rotated). */
  name: string[];
}

export interface PcpFit {
  axes: FittedAxis[];
  /** Chosen axes there was no room for. */
  left: PcpAxis[];
  /** Distance between neighbouring axes. */
  spacing: number;
  padding: { left: number; right: number };
  rotation: 0 | 45;
}

/** Clear space between a label and the next thing. */
const GAP = 6;
const COS45 = Math.SQRT1_2;

const widest = (texts: readonly string[], measure: (t: string) => number) =>
  Math.max(0, ...texts.map(measure));

/** Words joined into lines no wider than `max`; undefined when a single word is wider. */
function wrap(label: string, max: number, measure: (t: string) => number): string[] | undefined {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    if (measure(word) > max) return undefined;
    const last = lines.at(-1);
    if (last !== undefined && measure(`${last} ${word}`) <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

interface Layout {
  spacing: number;
  padding: { left: number; right: number };
  names: string[][];
  rotation: 0 | 45;
}

function layout(axes: readonly PcpAxis[], input: FitInput): Layout {
  const { width, axisWidth, measureTick, measureName } = input;
  const first = axes[0];
  const last = axes[axes.length - 1];
  const tickNeed = (a: PcpAxis) =>
    axisWidth +
    widest(
      a.ticks.map((t) => t.label),
      measureTick,
    ) +
    GAP;
  let spacing = width / axes.length;
  let padding = { left: GAP, right: GAP };
  let names: string[][] = [];
  let rotation: 0 | 45 = 0;
  // The padding depends on the spacing and the spacing on the padding: a few rounds settle both.
  for (let round = 0; round < 4; round++) {
    const wrapped = axes.map((a) => wrap(a.label, spacing - GAP, measureName));
    rotation = wrapped.every(Boolean) ? 0 : 45;
    names = rotation === 0 ? (wrapped as string[][]) : axes.map((a) => [a.label]);
    // A rotated name hangs to the left of its axis; a horizontal one fits its band.
    const nameNeed = rotation === 45 ? measureName(first.label) * COS45 + GAP : 0;
    padding = {
      left: Math.ceil(Math.max(GAP, tickNeed(first) - spacing / 2, nameNeed - spacing / 2)),
      right: Math.ceil(Math.max(GAP, tickNeed(last) - spacing / 2)),
    };
    spacing = (width - padding.left - padding.right) / axes.length;
  }
  return { spacing, padding, names, rotation };
}

/** Ticks narrow enough for `room`: all, then the ends only, then shortened labels. */
export function fitTicks(ticks: readonly PcpTick[], room: number, measure: (t: string) => number): PcpTick[] {
  const fits = (list: readonly PcpTick[]) =>
    widest(
      list.map((t) => t.label),
      measure,
    ) <= room;
  if (fits(ticks)) return [...ticks];
  const off = ticks.filter((t) => t.label === 'off');
  const on = ticks.filter((t) => t.label !== 'off');
  const ends = [...off, ...(on.length > 2 ? [on[0], on[on.length - 1]] : on)];
  if (fits(ends)) return ends;
  return ends.map((t) => ({ ...t, label: shorten(t.label, room, measure) }));
}

/** "0.0001" → "1e-4", "0.125" → "0.13"; words lose letters for an ellipsis. */
function shorten(label: string, room: number, measure: (t: string) => number): string {
  if (measure(label) <= room) return label;
  const n = Number(label);
  if (label.trim() !== '' && Number.isFinite(n)) {
    const candidates = [formatNumber(n, 2), n.toExponential(0).replace('e+', 'e')];
    return candidates.find((c) => measure(c) <= room) ?? candidates[1];
  }
  for (let keep = label.length - 1; keep > 1; keep--) {
    const short = `${label.slice(0, keep)}…`;
    if (measure(short) <= room) return short;
  }
  return `${label.slice(0, 1)}…`;
}

export function fitAxes(input: FitInput): PcpFit {
  let axes = [...input.axes];
  const left: PcpAxis[] = [];
  let fit = layout(axes, input);
  // Leave out the last chosen axes before the objective until the rest stand far enough apart.
  while (axes.length > 2 && fit.spacing < input.minSpacing) {
    left.unshift(axes[axes.length - 2]);
    axes = [...axes.slice(0, -2), axes[axes.length - 1]];
    fit = layout(axes, input);
  }
  const room = fit.spacing - input.axisWidth - GAP;
  return {
    axes: axes.map((axis, i) => ({
      axis,
      // The first and the last axis label into the padding, which was sized for all their ticks.
      ticks: i === 0 || i === axes.length - 1 ? axis.ticks : fitTicks(axis.ticks, room, input.measureTick),
      name: fit.names[i],
    })),
    left,
    spacing: fit.spacing,
    padding: fit.padding,
    rotation: fit.rotation,
  };
}
