import { expect, test } from '@playwright/test';
import { canvasHasInk, leaderboard, openApp, waitUntilFinished } from './support/app';

const race = '#dataset=banknote&race=random,hyperband&maxEpochs=3&factor=3&backend=wasm&workers=2&seed=11';

test('Random vs Hyperband on banknote: a live anytime chart, a fair budget, a table and a reading', async ({
  page,
}) => {
  const errors: string[] = [];
  await openApp(page, race, errors);
  const panel = page.getByRole('region', { name: 'Race tuners' });
  await expect(panel.getByRole('checkbox', { name: 'Random search' })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: 'Hyperband' })).toBeChecked();
  // One Keras Tuner Hyperband sweep at R = 3, η = 3 trains 11 epochs: each tuner gets that much.
  await expect(panel.getByRole('status')).toContainText('each of the 2 tuners gets 11 epochs');

  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page, 240_000);
  expect(await canvasHasInk(page, 'Race: best so far')).toBe(true);

  const table = page.getByRole('table', { name: /Each tuner's best score/ });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const cells = async (i: number) =>
    (await rows.nth(i).locator('th, td').allInnerTexts()).map((t) => t.trim());
  const random = await cells(0);
  const hyperband = await cells(1);
  expect(random[0]).toBe('Random search');
  expect(hyperband[0]).toBe('Hyperband');
  for (const row of [random, hyperband]) {
    expect(Number(row[1])).toBeGreaterThan(0.8);
    expect(Number(row[3])).toBeGreaterThan(0);
    expect(Number(row[3])).toBeLessThanOrEqual(11 + 3);
  }
  // Random search trains each trial for R = 3 epochs: 11 epochs hold 3 whole trials.
  expect(Number(random[2])).toBe(3);
  await expect(page.locator('.reading')).toContainText('found the best val_accuracy');

  // The charts below follow the chosen tuner.
  const randomBoard = await leaderboard(page);
  expect(randomBoard).toHaveLength(3);
  await page.getByRole('radio', { name: 'Hyperband' }).check();
  await expect.poll(async () => (await leaderboard(page)).length).toBe(Number(hyperband[2]));

  expect(page.url()).toContain('race=random,hyperband');
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  expect(await canvasHasInk(page, 'Race: best so far')).toBe(true);
  expect(errors).toEqual([]);
});

test('a link is a reproducible demo: the same leaderboard twice with 2 workers, and with 1', async ({
  browser,
}) => {
  const link = '#dataset=banknote&tuner=hyperband&maxEpochs=3&factor=3&backend=wasm&seed=5';
  const board = async (workers: number) => {
    const page = await browser.newPage();
    await openApp(page, `${link}&workers=${workers}`);
    await page.getByRole('button', { name: 'Start search' }).click();
    await waitUntilFinished(page, 240_000);
    const rows = (await leaderboard(page)).map((r) => r.text);
    await page.close();
    return rows;
  };
  const first = await board(2);
  expect(first.length).toBeGreaterThan(5);
  expect(await board(2)).toEqual(first);
  expect(await board(1)).toEqual(first);
});
