/** Option fragments every chart shares, built from the theme: big readable text, quiet grid, no chart junk. */
import type { ChartTheme } from './chart-theme';
import { withAlpha } from './chart-theme';

export function font(theme: ChartTheme, size = theme.tickSize, weight: 'normal' | 'bold' = 'normal') {
  return { family: theme.font, size, weight };
}

/** A cartesian axis: ticks, a light grid, and an optional title. */
export function axis(theme: ChartTheme, title?: string) {
  return {
    // A fixed rotation spares Chart.js from fitting one on every redraw (its performance guide).
    ticks: { color: theme.muted, font: font(theme), maxTicksLimit: 7, minRotation: 0, maxRotation: 0 },
    grid: { color: withAlpha(theme.border, 0.4), drawTicks: false },
    border: { color: theme.border },
    title: {
      display: title !== undefined,
      text: title ?? '',
      color: theme.text,
      font: font(theme, theme.titleSize),
    },
  };
}

export function tooltip(theme: ChartTheme) {
  return {
    enabled: true,
    backgroundColor: withAlpha(theme.text, 0.92),
    titleColor: theme.surface,
    bodyColor: theme.surface,
    titleFont: font(theme, theme.tickSize, 'bold'),
    bodyFont: font(theme, Math.round(theme.tickSize * 0.95)),
    padding: Math.round(theme.rem * 0.6),
    boxPadding: 4,
    displayColors: false,
  };
}

export function layout(theme: ChartTheme) {
  return {
    padding: { top: Math.round(theme.rem * 0.5), right: Math.round(theme.rem * 0.75), bottom: 0, left: 0 },
  };
}

/** Lines without point markers that still answer the pointer with a tooltip. */
export const hiddenPoints = (theme: ChartTheme) => ({
  point: { radius: 0, hoverRadius: theme.pointRadius, hitRadius: theme.pointRadius },
});

/** No Chart.js legend (each card draws its own, in HTML) and the shared tooltip with these callbacks. */
export function legendlessTooltip<C, E extends object = object>(theme: ChartTheme, callbacks: C, extra?: E) {
  return { legend: { display: false }, tooltip: { ...tooltip(theme), ...extra, callbacks } };
}

/** The dashed line of a guess that ignores the inputs (guess-score.ts): quiet, behind the trials. */
export const guessLine = (theme: ChartTheme) => ({
  label: 'guess',
  data: [] as { x: number; y: number }[],
  showLine: true,
  order: 1,
  pointRadius: 0,
  pointHitRadius: 0,
  borderColor: theme.muted,
  borderWidth: theme.thin * 1.6,
  borderDash: [theme.thin * 6, theme.thin * 4],
});

/** The guess's line from `from` to `to` on the x axis, or no line without a guess. */
export const guessPoints = (guess: { score: number } | undefined, from: number, to: number) =>
  guess ? [from, to].map((x) => ({ x, y: guess.score })) : [];
