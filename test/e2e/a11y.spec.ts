/**
 * Accessibility and readability, checked in the browser: axe-core finds no serious or critical WCAG
 * 2.1 AA violation at rest, during and after a search, in presenter mode and in a race; every chart has
 * a text alternative; the leaderboard stays compact; parallel coordinates keep their axes apart and
 * their labels clear of each other; presenter mode draws big text and thick lines, and no panel
 * scrolls sideways at 1280×720 or 1920×1080.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  canvasDrawing,
  gaps,
  overlappingTexts,
  recordCanvasDrawing,
  seriousViolations,
  sidewaysScrollers,
} from './support/a11y';
import { leaderboard, openApp, runStatus, waitUntilFinished } from './support/app';

const search = '#dataset=banknote&tuner=hyperband&maxEpochs=9&factor=3&backend=wasm&seed=7';
const race = '#dataset=banknote&race=random,hyperband&maxEpochs=3&factor=3&backend=wasm&workers=2&seed=11';
const PRESENTER_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];
const PCP = 'Parallel coordinates';

async function completedTrials(page: Page, atLeast: number) {
  await expect
    .poll(async () => (await leaderboard(page)).filter((r) => r.state === 'completed').length, {
      timeout: 120_000,
    })
    .toBeGreaterThanOrEqual(atLeast);
}

/** Waits until the chart has drawn its current data (charts redraw at most every 250 ms). */
async function settledDrawing(page: Page, label: string) {
  await page.getByRole('img', { name: label, exact: true }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(600);
  return canvasDrawing(page, label);
}

async function expectNoSidewaysScroll(page: Page, when: string) {
  for (const size of PRESENTER_SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    expect(await sidewaysScrollers(page), `${when} at ${size.width}×${size.height}`).toEqual([]);
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(recordCanvasDrawing);
});

test('axe finds nothing serious at rest, during and after a search, and in presenter mode', async ({
  page,
}) => {
  await openApp(page, search);
  expect(await seriousViolations(page), 'at rest').toEqual([]);
  await page.getByRole('button', { name: 'Start search' }).click();
  await completedTrials(page, 3);
  await expect(runStatus(page)).toContainText('Searching');
  expect(await seriousViolations(page), 'during the search').toEqual([]);
  await waitUntilFinished(page);
  expect(await seriousViolations(page), 'after the search').toEqual([]);

  // Every chart says what it shows in words: the canvas is described by a sentence with its numbers.
  const charts = page.locator('canvas[role="img"]');
  expect(await charts.count()).toBeGreaterThanOrEqual(6);
  for (const canvas of await charts.all()) {
    const name = await canvas.getAttribute('aria-label');
    const { described, empty } = await canvas.evaluate((c) => ({
      described: document.getElementById(c.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
      empty: c.closest('section')?.querySelector('.empty') !== null,
    }));
    // A chart with data says it with numbers; an empty one (the decay experiment, not run) says why.
    expect(described, `${name}'s text alternative`).toMatch(empty ? /\w/ : /\d/);
  }

  await page.getByRole('button', { name: 'Presenter mode' }).click();
  expect(await seriousViolations(page), 'presenter mode').toEqual([]);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(await seriousViolations(page), 'presenter mode, dark theme').toEqual([]);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  expect(await seriousViolations(page), 'dark theme').toEqual([]);
});

test('at 1440×900 the leaderboard is one line per row and parallel coordinates keep 48 px per axis', async ({
  page,
}) => {
  await openApp(page, search);
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);

  const table = page.getByRole('table', { name: 'Leaderboard' });
  const rows = table.locator('tbody tr');
  const heights = await rows.evaluateAll((list) => list.map((r) => r.getBoundingClientRect().height));
  expect(heights.length).toBe(23);
  expect(Math.max(...heights)).toBeLessThanOrEqual(36);
  // The hyperparameters are cut to the column: whole in the title, and whole when the row has the focus.
  const cell = rows.first().locator('td.params');
  const full = await cell.getAttribute('title');
  expect(full).toMatch(/layers \d/);
  await expect(cell).toHaveText(full!);
  await rows.first().getByRole('button').focus();
  expect(await cell.evaluate((td) => td.scrollWidth <= td.clientWidth)).toBe(true);

  const drawn = await settledDrawing(page, PCP);
  const spacing = gaps(drawn.verticals);
  expect(spacing.length).toBeGreaterThanOrEqual(5);
  expect(Math.min(...spacing)).toBeGreaterThanOrEqual(48);
  expect(overlappingTexts(drawn.texts)).toEqual([]);

  // Every per-layer axis, when asked for: the ones without room are named, the rest still fit.
  await page.getByText(/^Axes \(/).click();
  for (const box of await page.getByRole('checkbox', { name: 'one axis per layer' }).all()) await box.check();
  const expanded = await settledDrawing(page, PCP);
  expect(Math.min(...gaps(expanded.verticals))).toBeGreaterThanOrEqual(48);
  expect(overlappingTexts(expanded.texts)).toEqual([]);
});

test('presenter mode: big chart text, thick lines, nothing scrolls sideways during and after a search', async ({
  page,
}) => {
  await page.setViewportSize(PRESENTER_SIZES[0]);
  await openApp(page, `${search}&presenter=1`);
  await page.getByRole('button', { name: 'Start search' }).click();
  await completedTrials(page, 3);
  await expectNoSidewaysScroll(page, 'during the search');
  await waitUntilFinished(page);
  await expectNoSidewaysScroll(page, 'after the search');

  await page.setViewportSize(PRESENTER_SIZES[0]);
  const series = await page.evaluate(() =>
    [1, 2, 3, 4, 5, 6, 7].map((i) =>
      getComputedStyle(document.documentElement).getPropertyValue(`--c${i}`).trim(),
    ),
  );
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ');
  const seriesRgb = series.map(rgb);
  for (const label of ['Successive-halving rungs', 'Learning curves', 'Optimization history', PCP]) {
    const drawn = await settledDrawing(page, label);
    expect(drawn.texts.length, label).toBeGreaterThan(0);
    const small = drawn.texts.filter((t) => t.size < 16).map((t) => `${t.text} ${t.size}px`);
    expect(small, `${label}: text under 16 px`).toEqual([]);
    const thin = drawn.strokes.filter(
      (s) => s.width < 3 && seriesRgb.some((c) => s.color === `#${c}` || s.color.includes(c)),
    );
    expect(thin, `${label}: data lines under 3 px`).toEqual([]);
    expect(overlappingTexts(drawn.texts), label).toEqual([]);
  }
  const pcp = page.locator('section.card', { has: page.getByRole('heading', { name: PCP }) });
  await pcp.screenshot({ path: 'test-results/screens/pcp-presenter.png' });
});

test('a race over 2 seeds in presenter mode: axe finds nothing serious and no panel scrolls sideways', async ({
  page,
}) => {
  await page.setViewportSize(PRESENTER_SIZES[0]);
  await openApp(page, `${race}&raceSeeds=2&presenter=1`);
  await page.getByRole('button', { name: 'Start search' }).click();
  await completedTrials(page, 1);
  await expectNoSidewaysScroll(page, 'during the race');
  expect(await seriousViolations(page), 'during the race').toEqual([]);
  await waitUntilFinished(page, 240_000);
  await expect(page.getByRole('table', { name: /Each tuner's best score/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'The race over 2 seeds' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'after the race');
  expect(await seriousViolations(page), 'after the race').toEqual([]);
});

test('a leaderboard of 60 trials shows the top 50, one line each, and all of them on request', async ({
  page,
  context,
}) => {
  await openApp(page, '#dataset=banknote&tuner=random&maxTrials=2&epochs=1&backend=wasm&seed=3');
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Results (JSON)' }).click();
  const results = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
  // Sixty trials: the first real one copied under new numbers (the file's events name ids 0 and 1).
  const [first] = results.state.trials;
  results.state.trials = Array.from({ length: 60 }, (_, i) => ({
    ...first,
    id: String(i),
    number: i,
    score: 0.5 + i / 200,
    executions: first.executions.map((e: { score: number }) => ({ ...e, score: 0.5 + i / 200 })),
  }));
  const file = join(tmpdir(), `sixty-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(results));

  const viewer = await context.newPage();
  await openApp(viewer, '#dataset=iris');
  await viewer.locator('input[type=file][accept*=".json"]').setInputFiles(file);
  const rows = viewer.getByRole('table', { name: 'Leaderboard' }).locator('tbody tr');
  await expect(rows).toHaveCount(50);
  await viewer.getByRole('button', { name: 'Show all 60 trials' }).click();
  await expect(rows).toHaveCount(60);
  const heights = await rows.evaluateAll((list) => list.map((r) => r.getBoundingClientRect().height));
  expect(Math.max(...heights)).toBeLessThanOrEqual(36);
});
