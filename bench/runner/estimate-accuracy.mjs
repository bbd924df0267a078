/**
 * The time estimate against the clock, in the built app as a user meets it: open the app on a data set
 * (or upload the generated bank-marketing-shaped CSV), wait until this machine is measured, read the
 * estimate the budget preview shows (after choosing a time budget, when the case has one), press
 * Start and time the search until "Search finished.". PASS when the estimate is within ±30% of it.
 */
import { startable } from './app-page.mjs';
const TOLERANCE = 0.3;

async function oneCase(browser, baseUrl, csvOf, { name, hash, csvRows, minutes }, log) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${baseUrl}/app/index.html#${hash}`);
    if (csvRows) {
      const csv = await csvOf(csvRows);
      await page
        .locator('input[type=file]')
        .first()
        .setInputFiles({ name: `bank-${csvRows}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    }
    await startable(page, true, 120_000);
    const estimate = page.locator('.estimate');
    await page.waitForFunction(
      () => {
        const shown = document.querySelector('.estimate');
        return (
          shown?.getAttribute('data-measured') === 'true' && shown.getAttribute('data-measuring') === 'false'
        );
      },
      undefined,
      { timeout: 120_000 },
    );
    if (minutes) {
      await page.getByRole('radio', { name: `${minutes} min`, exact: true }).check();
      await page.locator('.estimate .fit').waitFor({ timeout: 30_000 });
    }
    const estimateMs = Number(await estimate.getAttribute('data-estimate-ms'));
    const [lowMs, highMs] = (await estimate.getAttribute('data-range-ms')).split('-').map(Number);
    const shown = (await estimate.locator('.time').innerText()).replace(/\s+/g, ' ');
    const fit = minutes ? await page.locator('.estimate .fit').innerText() : undefined;
    const started = Date.now();
    await page.getByRole('button', { name: 'Start search' }).click();
    await startable(page, false, 20_000);
    await page
      .locator('.run [role="status"]')
      .filter({ hasText: 'Search finished.' })
      .waitFor({ timeout: Math.max(600_000, 4 * highMs) });
    const actualMs = Date.now() - started;
    const ratio = estimateMs / actualMs;
    const result = {
      name,
      hash,
      minutes,
      estimateMs,
      lowMs,
      highMs,
      actualMs,
      ratio: Math.round(ratio * 1000) / 1000,
      withinRange: actualMs >= lowMs && actualMs <= highMs,
      pass: Math.abs(ratio - 1) <= TOLERANCE,
      shown,
      fit,
      errors,
    };
    log(
      `estimate, ${name}: estimated ${(estimateMs / 1000).toFixed(1)} s, took ${(actualMs / 1000).toFixed(1)} s (×${result.ratio})`,
    );
    return result;
  } finally {
    await page.close();
  }
}

/** `csvOf(rows)` makes the generated CSV (in the bench page, from test/fixtures/generated.ts). */
export async function estimateAccuracy(browser, baseUrl, cases, csvOf, log) {
  const rows = [];
  for (const c of cases) {
    try {
      rows.push(await oneCase(browser, baseUrl, csvOf, c, log));
    } catch (error) {
      rows.push({ name: c.name, error: error instanceof Error ? error.message : String(error) });
      log(`estimate, ${c.name} FAILED: ${rows[rows.length - 1].error}`);
    }
  }
  return { tolerance: TOLERANCE, rows };
}
