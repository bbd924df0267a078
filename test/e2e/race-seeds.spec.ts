import { expect, test, type Locator, type Page } from '@playwright/test';
import { canvasHasInk, leaderboard, openApp, waitUntilFinished } from './support/app';

const link =
  '#dataset=pima-diabetes&race=random,hyperband&maxEpochs=3&factor=3&backend=wasm&workers=2&seed=11&raceSeeds=3';

async function bodyRows(table: Locator): Promise<string[][]> {
  const rows: string[][] = [];
  for (const row of await table.locator('tbody tr').all())
    rows.push((await row.locator('th, td').allInnerTexts()).map((t) => t.trim()));
  return rows;
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test('a race repeated over 3 seeds: the estimate first, then each seed, the wins and a verdict in counts', async ({
  page,
}) => {
  const errors: string[] = [];
  await openApp(page, link, errors);
  const settings = page.getByRole('region', { name: 'Race tuners' });
  await expect(settings.getByRole('spinbutton', { name: /seeds/ })).toHaveValue('3');
  // Before Start: the planned work of the whole repeated race and a time estimate.
  const plan = settings.getByRole('status');
  await expect(plan).toContainText('Start runs the race 3 times, from seeds 11,');
  await expect(plan).toContainText('2 tuners × 3 seeds = 6 searches');
  // R = 3, η = 3: 11 epochs per tuner; random search fits 3 trials of 3 epochs in that.
  await expect(plan).toContainText(`${(9 + 11) * 3} trial-epochs in all`);
  await expect(page.locator('.estimate .time')).toContainText('Estimated time:');

  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page, 300_000);

  const panel = page.getByRole('region', { name: 'The race over 3 seeds' });
  const chart = panel.getByRole('img', { name: 'Race over seeds: final best per seed' });
  expect(await canvasHasInk(page, 'Race over seeds: final best per seed')).toBe(true);
  // The chart's text alternative: a sentence with each tuner's mean, range and wins.
  const describedBy = (await chart.getAttribute('aria-describedby'))!;
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText('Random search: mean val_accuracy');
  // The table beside it holds every seed's final best.
  const perSeed = panel.getByRole('table', { name: "Each tuner's final best val_accuracy in each seed" });
  await expect(perSeed.locator('thead th')).toHaveText(['Seed', 'Random search', 'Hyperband']);
  const seeds = await bodyRows(perSeed);
  expect(seeds).toHaveLength(3);
  expect(seeds[0][0]).toBe('11');
  expect(new Set(seeds.map((r) => r[0])).size).toBe(3);
  // The best of each seed is marked "(best)" for screen readers.
  const finals = seeds.map((r) => r.slice(1).map((cell) => parseFloat(cell)));
  for (const value of finals.flat()) expect(value).toBeGreaterThan(0.5);

  // Wins and ties, counted from the per-seed values.
  const [randomWins, hyperbandWins, tiedSeeds] = [
    finals.filter(([r, h]) => r > h).length,
    finals.filter(([r, h]) => h > r).length,
    finals.filter(([r, h]) => r === h).length,
  ];
  const overall = panel.getByRole('table', { name: /Over the seeds/ });
  const summary = await bodyRows(overall);
  expect(summary.map((r) => [r[0], r[3], r[4]])).toEqual([
    ['Random search', String(randomWins), String(tiedSeeds)],
    ['Hyperband', String(hyperbandWins), String(tiedSeeds)],
  ]);
  expect(summary[0][1]).toMatch(/^0\.\d+ ± 0\.\d+$/);

  // The verdict, worded by the evidence, with the counts.
  const verdict = panel.locator('.verdict');
  await expect(verdict).toContainText('Over 3 seeds, the best final val_accuracy was found by');
  // The leader has the most wins, then the better mean.
  const mean = (t: number) => finals.reduce((sum, row) => sum + row[t], 0) / finals.length;
  const [leader, other, ahead, behind] =
    hyperbandWins > randomWins || (hyperbandWins === randomWins && mean(1) > mean(0))
      ? ['Hyperband', 'random search', hyperbandWins, randomWins]
      : ['Random search', 'Hyperband', randomWins, hyperbandWins];
  const pair = (await verdict.locator('li').allInnerTexts()).join(' ');
  if (ahead + behind === 0) expect(pair).toContain('tied in all 3 seeds');
  else if (behind === 0) expect(pair).toContain(`${leader} beat ${other} in ${ahead} of 3 seeds`);
  else expect(pair).toContain('no clear winner in 3 seeds');
  expect(pair).toMatch(/sign test p = [\d.]+|tied in all 3 seeds/);

  // One seed's race at a time: another seed shows its own table, reading and charts below.
  const race = page.getByRole('table', { name: /Each tuner's best score/ });
  await expect(race.locator('tbody tr')).toHaveCount(2);
  await page.getByLabel('Seed shown').selectOption({ index: 2 });
  await expect(race.locator('tbody tr').first().locator('td').first()).toHaveText(String(finals[2][0]));
  await page.getByRole('radio', { name: 'Hyperband' }).check();
  const board = await leaderboard(page);
  expect(Math.max(...board.map((r) => r.score))).toBe(finals[2][1]);
  await expect(page.locator('.reading')).toContainText('found the best val_accuracy');

  expect(page.url()).toContain('raceSeeds=3');
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(viewport);
    await expect.poll(() => noSidewaysScroll(page)).toBe(true);
  }
  expect(await canvasHasInk(page, 'Race over seeds: final best per seed')).toBe(true);
  expect(errors).toEqual([]);
});
