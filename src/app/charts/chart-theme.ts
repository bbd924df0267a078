/**
 * The design tokens the charts draw with, read from the CSS variables at runtime so light, dark and
 * presenter themes apply. `chartTheme()` is reactive: an effect that calls it re-runs when the root's
 * data-theme / data-presenter attributes change (one MutationObserver, shared by every chart).
 */
import { createSubscriber } from 'svelte/reactivity';

export interface ChartTheme {
  /** --c1 … --c7, the Okabe–Ito palette. */
  series: string[];
  faded: string;
  text: string;
  muted: string;
  border: string;
  surface: string;
  bad: string;
  font: string;
  /** Root font size in px (16, 22 in presenter mode): every size below scales with it. */
  rem: number;
  tickSize: number;
  titleSize: number;
  /** Width of a highlighted line; thin lines are about a third of it. */
  thick: number;
  thin: number;
  pointRadius: number;
}

/**
 * The Okabe–Ito colours (indices into `series`: blue, vermillion, bluish green, reddish purple) that
 * keep 3:1 against the chart surface in the light and the dark theme, for lines told apart by colour.
 * Orange, sky blue and yellow fall below that on white; they only fill marks.
 */
export const LINE_SERIES = [0, 5, 2, 3] as const;

let cached: ChartTheme | undefined;

const subscribe = createSubscriber((update) => {
  const observer = new MutationObserver(() => {
    cached = undefined;
    update();
  });
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme', 'data-presenter', 'class', 'style'],
  });
  return () => observer.disconnect();
});

export function chartTheme(): ChartTheme {
  subscribe();
  cached ??= readTheme();
  return cached;
}

function readTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const rem = parseFloat(style.fontSize) || 16;
  return {
    series: ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'].map((fallback, i) =>
      v(`--c${i + 1}`, fallback),
    ),
    faded: v('--faded', 'rgba(91, 98, 117, 0.35)'),
    text: v('--text', '#1a1d29'),
    muted: v('--muted', '#5b6275'),
    border: v('--border', '#d9dce6'),
    surface: v('--surface', '#ffffff'),
    bad: v('--bad', '#c62828'),
    font: v('--font', 'system-ui, sans-serif'),
    ...themeSizes(rem),
  };
}

/** Presenter mode's root font size is 22px (styles.css): anything from 20px up is read from afar. */
const PRESENTER_REM = 20;

/**
 * Text and line sizes for a root font size. In presenter mode every chart text is at least 16px and
 * every data line at least 3px, for the back of the room.
 */
export function themeSizes(
  rem: number,
): Pick<ChartTheme, 'rem' | 'tickSize' | 'titleSize' | 'thick' | 'thin' | 'pointRadius'> {
  const presenter = rem >= PRESENTER_REM;
  return {
    rem,
    tickSize: Math.round(rem * 0.85),
    titleSize: Math.round(rem * 0.95),
    thick: presenter ? 6 : 3.5,
    thin: presenter ? 3 : 1.25,
    pointRadius: Math.round(rem * 0.32),
  };
}

/** The colour with its alpha replaced: '#0072b2' or 'rgba(…)' → 'rgba(r, g, b, alpha)'. */
export function withAlpha(color: string, alpha: number): string {
  const hex = color.match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }
  const rgb = color.match(/^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i);
  return rgb ? `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${alpha})` : color;
}
