import { expect, test, type Request } from '@playwright/test';

test('after the first visit the app loads and searches offline (service worker)', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  const url = '/#dataset=banknote&tuner=hyperband&maxEpochs=2&backend=wasm';
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });

  // The first visit's page may still be starting its workers as the network goes: its requests are
  // not the offline page's.
  const firstVisit = new Set<Request>();
  let reloaded = false;
  context.on('request', (request) => void (reloaded || firstVisit.add(request)));
  await context.setOffline(true);
  const online = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => true,
      () => false,
    ),
  );
  expect(online).toBe(false);
  const failed: string[] = [];
  // What fails for want of the network; not a request aborted because a worker the first visit was
  // starting went away with the reload.
  context.on('requestfailed', (request) => {
    if (!firstVisit.has(request) && request.failure()?.errorText !== 'net::ERR_ABORTED')
      failed.push(request.url());
  });
  reloaded = true;
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Tuning Playground');
  const start = page.getByRole('button', { name: 'Start search' });
  await expect(start).toBeEnabled({ timeout: 60_000 });
  await start.click();
  const status = page.getByRole('status').first();
  await expect(status).toContainText('Training on WASM', { timeout: 120_000 });
  await expect(status).toContainText(/\bdone\b|Search finished/, { timeout: 240_000 });
  const rows = await page.getByRole('table', { name: 'Leaderboard' }).locator('tbody tr').allInnerTexts();
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.filter((t) => /failed/i.test(t))).toEqual([]);
  expect(failed).toEqual([]);
  await context.setOffline(false);
});
