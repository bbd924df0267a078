import { expect, test, type Worker } from '@playwright/test';

/** The status line's words for a finished study. */
const FINISHED = /\bdone\b|Search finished/;

test('a trainer worker killed mid-search is replaced: the trial is retried and the study finishes', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const trainers: Worker[] = [];
  page.on('worker', (worker) => {
    if (worker.url().includes('trainer.worker')) trainers.push(worker);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('/#dataset=banknote&tuner=hyperband&maxEpochs=9&backend=wasm');
  const start = page.getByRole('button', { name: 'Start search' });
  await expect(start).toBeEnabled();
  await start.click();
  const status = page.getByRole('status').first();
  await expect(status).toContainText('Training on WASM', { timeout: 120_000 });
  const rows = page.getByRole('table', { name: 'Leaderboard' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  expect(trainers.length).toBeGreaterThan(0);

  // The trainers are nested inside the tuner worker; close() from inside fires no 'error' event.
  const victim = trainers[0];
  const spawnedBefore = trainers.length;
  await victim.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => {});

  // Detected (no hang), said, and retried on a fresh trainer.
  await expect(
    page
      .getByText(
        /the trainer failed \(the trainer worker stopped unexpectedly\); retrying once on a fresh worker/,
      )
      .first(),
  ).toBeVisible({
    timeout: 60_000,
  });
  await expect.poll(() => trainers.length, { timeout: 60_000 }).toBeGreaterThan(spawnedBefore);
  await expect(status).toContainText(FINISHED, { timeout: 240_000 });
  const texts = await rows.allInnerTexts();
  expect(texts.length).toBeGreaterThan(10);
  expect(texts.filter((t) => /failed|crashed/i.test(t))).toEqual([]);
  expect(errors).toEqual([]);
});
