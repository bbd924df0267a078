import { expect, test } from '@playwright/test';
import { leaderboard, openApp, waitUntilFinished } from './support/app';

test('when the browser refuses storage, the user is told and the search still runs in memory', async ({
  page,
}) => {
  // The app's database already exists at a newer version, so every open() of it fails (VersionError),
  // in the page and in the tuner worker alike: storage is unusable, as in a blocked or broken profile.
  await page.addInitScript(() => {
    indexedDB.open('tuning-playground', 99);
  });
  const errors: string[] = [];
  await openApp(page, '#dataset=banknote&tuner=random&maxTrials=3&epochs=2&backend=wasm', errors);
  await page.getByRole('button', { name: 'Start search' }).click();
  await expect(page.getByText(/will not survive a reload|not being saved/).first()).toBeVisible({
    timeout: 30_000,
  });
  await waitUntilFinished(page);
  const rows = await leaderboard(page);
  expect(rows).toHaveLength(3);
  expect(rows.every((r) => r.state === 'completed')).toBe(true);
  expect(errors).toEqual([]);
});
