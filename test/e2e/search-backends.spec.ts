import { expect, test, type Page } from '@playwright/test';

/** A short Hyperband search on banknote_authentication in real workers, on a forced backend. */
async function runHyperband(page: Page, backend: 'wasm' | 'webgpu') {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/#dataset=banknote&tuner=hyperband&maxEpochs=3&backend=${backend}`);
  await expect(page.getByRole('button', { name: 'Start search' })).toBeEnabled();
  await page.getByRole('button', { name: 'Start search' }).click();
  const status = page.getByRole('status').first();
  await expect(status).toContainText(`Training on ${backend.toUpperCase()}`, { timeout: 120_000 });
  await expect(status).toContainText('done', { timeout: 600_000 });
  const rows = page.getByRole('table', { name: 'Leaderboard' }).locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  const states = await rows.locator('td:nth-child(2)').allInnerTexts();
  expect(states.every((s) => s.startsWith('completed'))).toBe(true);
  const scores = (await rows.locator('td:nth-child(4)').allInnerTexts()).map(Number);
  expect(Math.max(...scores)).toBeGreaterThan(0.95);
  expect(errors).toEqual([]);
}

test('Hyperband on banknote trains in real workers on WASM', async ({ page }) => {
  await runHyperband(page, 'wasm');
});

test('Hyperband on banknote trains in real workers on WebGPU (software adapter)', async ({ page }) => {
  test.setTimeout(900_000);
  await runHyperband(page, 'webgpu');
});
