/**
 * The themes as styles.css defines them: every text colour meets WCAG AA (4.5:1) on every background
 * in the light and dark themes, with and without presenter mode; the colours that tell chart lines
 * apart keep 3:1 (non-text contrast); the chart palette is Okabe–Ito's; presenter mode's chart text
 * and lines are big enough for the back of the room.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINE_SERIES, themeSizes } from '../../../src/app/charts/chart-theme';
import { contrast, mix } from '../support/wcag';

const css = readFileSync(new URL('../../../src/app/styles.css', import.meta.url), 'utf8');

/** The custom properties and font size declared in the rule for exactly this selector. */
function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule for ${selector}`);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
  return Object.fromEntries(
    [...body.matchAll(/(--[\w-]+|font-size):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]),
  );
}

const root = block(':root');
const dark = block(":root[data-theme='dark']");
const presenter = block(":root[data-presenter='true']");
const presenterDark = block(":root[data-presenter='true'][data-theme='dark']");

const themes: Record<string, Record<string, string>> = {
  light: root,
  dark: { ...root, ...dark },
  'presenter light': { ...root, ...presenter },
  'presenter dark': { ...root, ...dark, ...presenter, ...presenterDark },
};

/** Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow. */
const OKABE_ITO = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'];

describe.each(Object.entries(themes))('the %s theme', (_name, v) => {
  const backgrounds = { bg: v['--bg'], surface: v['--surface'], 'surface-2': v['--surface-2'] };
  const texts = ['--text', '--muted', '--accent', '--good', '--warn', '--bad'];

  it.each(texts)('%s text has 4.5:1 on every background', (name) => {
    for (const [where, background] of Object.entries(backgrounds))
      expect(contrast(v[name], background), `${name} on ${where}`).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps 4.5:1 on the best leaderboard row’s tint and on primary buttons', () => {
    const tint = mix(v['--good'], 0.12, v['--surface']);
    for (const name of texts) expect(contrast(v[name], tint), name).toBeGreaterThanOrEqual(4.5);
    expect(contrast(v['--accent-contrast'], v['--accent'])).toBeGreaterThanOrEqual(4.5);
  });

  it('draws chart lines in colours with 3:1 against the chart surface', () => {
    for (const i of LINE_SERIES)
      expect(contrast(v[`--c${i + 1}`], v['--surface']), `--c${i + 1}`).toBeGreaterThanOrEqual(3);
  });
});

describe('chart colours and sizes', () => {
  it('uses the Okabe–Ito palette, in its order', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((i) => root[`--c${i}`].toLowerCase())).toEqual(OKABE_ITO);
  });

  it('draws presenter-mode chart text at 16 px or more and lines at 3 px or more', () => {
    const rem = parseFloat(presenter['font-size']);
    expect(rem).toBe(22);
    const sizes = themeSizes(rem);
    expect(Math.min(sizes.tickSize, sizes.titleSize)).toBeGreaterThanOrEqual(16);
    expect(Math.min(sizes.thin, sizes.thick)).toBeGreaterThanOrEqual(3);
  });
});
