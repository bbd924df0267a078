import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { largeCsv, manyClassesCsv } from '../fixtures/generated';

const FINISHED = /\bdone\b|Search finished/;
const fixture = (file: string) => readFileSync(new URL(`../fixtures/csv/${file}`, import.meta.url));

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type=file]').first().setInputFiles({ name, mimeType: 'text/csv', buffer });
}

/** Each refused file, and words its message in the alert must contain. */
const REFUSED: [file: string, words: string | RegExp][] = [
  ['empty.csv', 'empty.csv is empty'],
  ['header-only.csv', 'has a header row but no data rows'],
  ['one-column.csv', 'has only one column'],
  ['ragged-many.csv', 'row 4 has 2 fields but 3 were expected'],
  ['unclosed-quote.csv', 'a double quote opened in row 2 is never closed'],
  ['single-class.csv', 'has only one value ("same")'],
  ['infinity.csv', '"Infinity" is not a finite number'],
  ['huge-number.csv', '"1e308" is too large: training uses 32-bit numbers'],
  ['binary-garbage.bin', 'contains binary data'],
  ['xlsx-like.xlsx', 'is a ZIP archive'],
];

test('malformed uploads each show their own message, and the app stays usable', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#tuner=hyperband&maxEpochs=2&backend=wasm');
  await expect(page.getByRole('button', { name: 'Start search' })).toBeEnabled();

  const alert = page.getByRole('alert');
  for (const [file, words] of REFUSED) {
    await upload(page, file, fixture(file));
    await expect(alert, file).toContainText(words);
    await expect(alert, file).toContainText(file);
  }
  await upload(page, 'classes.csv', Buffer.from(manyClassesCsv(1000, 'text')));
  await expect(alert).toContainText(
    '"label" has 1000 different text values; classification supports at most 50 classes',
  );

  // An awkward but readable file (UTF-16 with a BOM) loads: no alert, its rows are counted.
  await upload(page, 'utf16le-bom.csv', fixture('utf16le-bom.csv'));
  await expect(page.getByText('15 used').first()).toBeVisible();
  await expect(alert).toHaveCount(0);

  await upload(page, 'binary-garbage.bin', fixture('binary-garbage.bin'));
  await expect(alert).toContainText('contains binary data');
  await page
    .getByRole('combobox', { name: 'Dataset', exact: true })
    .selectOption({ label: 'Banknote authentication' });
  await expect(alert).toHaveCount(0);
  await expect(page.getByText('1,372 used').first()).toBeVisible();
  await page.getByRole('button', { name: 'Start search' }).click();
  const status = page.getByRole('status').first();
  await expect(status).toContainText('Training on WASM', { timeout: 120_000 });
  await expect(status).toContainText(FINISHED, { timeout: 240_000 });
  expect(await page.getByRole('table', { name: 'Leaderboard' }).locator('tbody tr').count()).toBeGreaterThan(
    0,
  );
  expect(errors).toEqual([]);
});

test('a 50 MB CSV parses in a worker while the page stays responsive (no long task over 200 ms)', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const text = largeCsv(50 * 1024 * 1024);
  const rows = text.split('\n').length - 2;
  const path = test.info().outputPath('large.csv');
  writeFileSync(path, text);

  await page.addInitScript(() => {
    const durations: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = durations;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start search' })).toBeEnabled();
  await page.waitForTimeout(1000);
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));

  const started = Date.now();
  await page.locator('input[type=file]').first().setInputFiles(path);
  // Waited for by a cheap check of the paragraphs: a text locator reads every element's text on each
  // poll, a long task of the test's own on a page this size.
  await page.waitForFunction(
    (used) => [...document.querySelectorAll('p')].some((p) => p.textContent?.includes(used)),
    `${rows.toLocaleString('en-US')} used`,
    { polling: 250, timeout: 240_000 },
  );
  const seconds = (Date.now() - started) / 1000;
  const longTasks = await page.evaluate(() =>
    (window as unknown as { longTasks: number[] }).longTasks.slice(),
  );
  await expect(page.getByText(`${rows.toLocaleString('en-US')} used`).first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  const longest = Math.max(0, ...longTasks);
  test.info().annotations.push({
    type: 'responsiveness',
    description: `${rows} rows (${(text.length / 1024 / 1024).toFixed(1)} MB) loaded in ${seconds.toFixed(1)} s; ${longTasks.length} long task(s), longest ${longest.toFixed(0)} ms`,
  });
  expect(longest).toBeLessThan(200);
});
