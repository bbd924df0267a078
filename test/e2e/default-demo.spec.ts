import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { canvasHasInk, openApp, waitUntilFinished } from './support/app';

/**
 * The default demo must show why tuning matters: at the default seed the best trial stands clear of
 * the crowd (few ties at the top, a real lead over the median trial) and the decision boundary shows it.
 */
test('the default demo: a spiral where the best trial clearly beats the median trial', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  await openApp(page, '', errors);
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue('catalogue:spiral');
  const started = Date.now();
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);
  console.log(`default demo: whole search ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Results (JSON)' }).click();
  const results = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
  const scores: number[] = results.state.trials
    .filter((t: { state: string; score?: unknown }) => t.state !== 'failed' && typeof t.score === 'number')
    .map((t: { score: number }) => t.score)
    .sort((a: number, b: number) => b - a);
  const best = scores[0];
  const median = scores[Math.floor(scores.length / 2)];
  console.log(`default demo: ${scores.length} trials, best ${best}, median ${median}`);
  expect(scores.filter((s) => s === best).length).toBeLessThanOrEqual(3);
  expect(best - median).toBeGreaterThanOrEqual(0.05);

  for (const label of ['Decision boundary', 'Successive-halving rungs', 'Hyperparameter importance'])
    expect(await canvasHasInk(page, label), label).toBe(true);
  expect(errors).toEqual([]);
});
