/**
 * A large file of one's own: the time estimate before Start, a search fitted to one minute, the named
 * start phases, and the search running to the end. The wall time is reported, never asserted.
 */
import { expect, test } from '@playwright/test';
import { bankMarketingCsv } from '../fixtures/generated';
import { STARTUP_LABELS } from '../../src/app/state/startup';
import { openApp, runStatus, waitUntilFinished } from './support/app';

/** Collects the name of every start-up step the run card shows, as it appears. */
const RECORD_STEPS = () => {
  const seen = new Set<string>();
  (window as unknown as { startupSteps: Set<string> }).startupSteps = seen;
  new MutationObserver(() => {
    for (const label of document.querySelectorAll('[aria-label="Starting the search"] li .label'))
      seen.add(label.textContent ?? '');
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
};

test('a 50,000-row file: the estimate before Start, fitted to a minute, the start phases, to the end', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const errors: string[] = [];
  await openApp(page, '', errors);
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({
      name: 'bank-marketing-50000.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bankMarketingCsv(50_000)),
    });
  await expect(page.locator('.dataset .about .mono')).toHaveText('bank-marketing-50000.csv');
  await expect(page.getByRole('button', { name: 'Start search' })).toBeEnabled({ timeout: 60_000 });

  const budget = page.locator('section.budget');
  // The default search of this file is estimated at about 4 minutes here (it took 4.4): whether that
  // passes the 5 minutes beyond which a data budget is suggested depends on the machine, so the
  // suggestion is checked in unit tests (suggestDataBudget) and the fitted budget below.
  await expect(budget.getByText(/^Estimated time: about \d+ (min|h)/)).toBeVisible();
  await expect(budget.locator('.estimate')).toHaveAttribute('data-measured', 'true', { timeout: 60_000 });

  // Any whole minutes can be typed; what is not whole minutes from 1 to 600 is refused, saying so.
  const other = budget.getByRole('spinbutton', { name: 'Other time budget, in whole minutes' });
  await other.fill('7');
  await expect(page).toHaveURL(/[#&]time=7(&|$)/);
  await expect(budget.locator('.estimate .fit, .estimate .warn').first()).toContainText(/7 minutes/);
  await other.fill('1000');
  await expect(budget.getByRole('alert')).toHaveText('Type whole minutes from 1 to 600.');
  await expect(page).toHaveURL(/[#&]time=7(&|$)/);
  await budget.getByRole('radio', { name: '1 min', exact: true }).check();
  await expect(page).toHaveURL(/[#&]time=1(&|$)/);
  const fit = budget.locator('.estimate .fit');
  await expect(fit).toContainText(/^To fit 1 minute: .*rungs train on 3\.7%, 11%, 33% and 100% of the rows/);
  await expect(budget.getByText(/^Estimated time: about (\d+ s|1 min)/)).toBeVisible();
  await expect(budget).toContainText('The search ends when the minute is up, whatever the estimate said');
  await expect(budget).toContainText('Data budget: rung 1 trains on 1,296 rows');
  const estimate = await budget.locator('.estimate .time').innerText();

  await page.evaluate(RECORD_STEPS);
  const started = Date.now();
  await page.getByRole('button', { name: 'Start search' }).click();
  await expect(page.locator('.run .numbers')).toContainText(/elapsed \d+ s/);
  await waitUntilFinished(page, 420_000);
  const seconds = (Date.now() - started) / 1000;

  const steps = await page.evaluate(() => [
    ...(window as unknown as { startupSteps: Set<string> }).startupSteps,
  ]);
  // Sending and saving the 50,000 rows are seen; with the trainers already warm, the workers' step and
  // the first trial (on 3.7% of the rows) can begin and end within one batch of the tuner's events,
  // which is then never drawn (the steps give way to the progress bar at the first result).
  expect(steps).toEqual(
    expect.arrayContaining(['Sending the data to the tuner', 'Saving the study in this browser']),
  );
  // Whatever else is seen is a named step (the backends are measured again when the file's load
  // disturbed the first measurement).
  expect(steps.filter((s) => !Object.values(STARTUP_LABELS).includes(s))).toEqual([]);
  await expect(runStatus(page)).toContainText('Training on WASM');
  // The fitted search has a data budget: its rungs are shares of the rows, and every view says so.
  const rungs = page.locator('section.card', {
    has: page.getByRole('heading', { name: 'Successive-halving rungs', exact: true }),
  });
  await expect(rungs).toContainText(/configurations trained on [\d.]+ % of the training rows/);
  await expect(rungs).not.toContainText(/trained for \d+ epochs?/);
  await expect(page.locator('.leaderboard thead')).toContainText('Rows');
  await expect(page.locator('.leaderboard tbody tr').first()).toContainText(/\d %/);
  await expect(page.locator('section.panel.best p.epochs')).toContainText(
    /^Trained on [\d.]+ % of the training rows/,
  );
  expect(errors).toEqual([]);
  test.info().annotations.push({
    type: 'wall time',
    description: `${seconds.toFixed(1)} s from Start to "Search finished." (${estimate.replace(/\s+/g, ' ')}; steps seen: ${steps.join(', ')})`,
  });
  console.log(`fitted 1-minute search: ${seconds.toFixed(1)} s; ${estimate.replace(/\s+/g, ' ')}`);
});
