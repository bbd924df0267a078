/**
 * Printing: every chart draws its current data, at the page's width, when the page is about to be
 * printed, even the ones never scrolled into view; the print stylesheet lays the results out as a
 * handout (the setup, the leaderboard, the best trial, the charts, the methods).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { recordCanvasDrawing } from './support/a11y';
import { leaderboard, openApp, waitUntilFinished } from './support/app';

const small = '#dataset=banknote&tuner=random&maxTrials=6&epochs=2&backend=wasm&seed=3';
/** The colour each chart draws its data in once it has some (index into --c1 … --c7). */
const CHARTS: Record<string, number> = {
  'Optimization history': 5,
  'Learning curves': 0,
  'Learning-rate schedule': 0,
  'Parallel coordinates': 0,
};

test('charts draw their data before printing, and the page prints as a handout', async ({
  page,
  context,
}) => {
  await page.addInitScript(recordCanvasDrawing);
  await openApp(page, small);
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Results (JSON)' }).click();
  const results = join(tmpdir(), `print-${Date.now()}.json`);
  writeFileSync(results, readFileSync((await (await download).path())!));

  // The print layout: controls gone, the handout's parts in order, the methods written.
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.getByRole('button', { name: 'Start search' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'View' })).toBeHidden();
  const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
  const order = [
    await top('.handout'),
    await top('.leaderboard'),
    await top('canvas[role="img"]'),
    await top('.methods'),
  ];
  expect(order).toEqual([...order].sort((a, b) => a - b));
  await expect(page.locator('.handout h1')).toContainText('Random search');
  await expect(page.locator('.methods')).toContainText('Search algorithm and settings');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });

  // A fresh page, never scrolled: import the results and print in the same moment. Without the
  // beforeprint redraw the charts below the fold would still show their empty frames.
  const viewer = await context.newPage();
  await viewer.addInitScript(recordCanvasDrawing);
  await openApp(viewer, '#dataset=iris');
  const printed = viewer.evaluate(
    ({ charts, rows }) =>
      new Promise<Record<string, { width: number; inked: boolean }>>((resolve) => {
        const series = [1, 2, 3, 4, 5, 6, 7].map((i) =>
          getComputedStyle(document.documentElement).getPropertyValue(`--c${i}`).trim(),
        );
        const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ');
        const observer = new MutationObserver(() => {
          const table = [...document.querySelectorAll('table')].find(
            (t) => t.caption?.textContent === 'Leaderboard',
          );
          if ((table?.querySelectorAll('tbody tr').length ?? 0) < rows) return;
          observer.disconnect();
          window.dispatchEvent(new Event('beforeprint'));
          const out: Record<string, { width: number; inked: boolean }> = {};
          for (const [label, colour] of Object.entries(charts)) {
            const canvas = document.querySelector<HTMLCanvasElement>(`canvas[aria-label="${label}"]`)!;
            const want = rgb(series[colour]);
            const strokes = canvas.__drawing?.strokes ?? [];
            out[label] = {
              width: canvas.getBoundingClientRect().width,
              inked: strokes.some((s) => s.color === series[colour] || s.color.includes(want)),
            };
          }
          window.dispatchEvent(new Event('afterprint'));
          resolve(out);
        });
        observer.observe(document.body, { childList: true, subtree: true });
      }),
    { charts: CHARTS, rows: 6 },
  );
  await viewer.locator('input[type=file][accept*=".json"]').setInputFiles(results);
  const drawn = await printed;
  for (const label of Object.keys(CHARTS)) {
    expect(drawn[label].inked, `${label} drew its data`).toBe(true);
    expect(drawn[label].width, `${label} drew for the page`).toBe(680);
  }
  expect(await leaderboard(viewer)).toHaveLength(6);
});
