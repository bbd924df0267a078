import { expect, test, type Page } from '@playwright/test';
import { leaderboard, openApp, runStatus, waitUntilFinished } from './support/app';

/** A short Hyperband search on banknote_authentication in real workers, on a forced backend. */
async function runHyperband(page: Page, backend: 'wasm' | 'webgpu', label: string) {
  const errors: string[] = [];
  await openApp(page, `#dataset=banknote&tuner=hyperband&maxEpochs=3&factor=3&backend=${backend}`, errors);
  await page.getByRole('button', { name: 'Start search' }).click();
  await expect(runStatus(page)).toContainText(`Training on ${label}`, { timeout: 120_000 });
  await waitUntilFinished(page);
  await expect(runStatus(page)).toContainText(`Training on ${label}`);
  const rows = await leaderboard(page);
  expect(rows.length).toBe(6);
  expect(rows.map((r) => r.state)).toEqual(rows.map(() => 'completed'));
  expect(Math.max(...rows.map((r) => r.score))).toBeGreaterThan(0.95);
  expect(errors).toEqual([]);
}

test('Hyperband on banknote trains in real workers on WASM', async ({ page }) => {
  await runHyperband(page, 'wasm', 'WASM');
});

test('Hyperband on banknote trains in real workers on WebGPU (software adapter)', async ({ page }) => {
  test.setTimeout(900_000);
  await runHyperband(page, 'webgpu', 'WebGPU');
});
