/**
 * Guided lessons in real workers: each lesson's link sets up its study, runs it to the end and this run
 * supports the claim at the lesson's seed; the steps navigate from the keyboard and "Show me" takes the
 * focus to the panel; the picker opens a lesson in place; a run at another seed names that seed.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations, sidewaysScrollers } from './support/a11y';
import { openApp, waitUntilFinished } from './support/app';

const lessonPanel = (page: Page) => page.getByRole('region', { name: /^Lesson: / });
const verdict = (page: Page) => lessonPanel(page).getByRole('status');

async function runLesson(page: Page, hash: string): Promise<void> {
  const errors: string[] = [];
  await openApp(page, hash, errors);
  await expect(lessonPanel(page)).toContainText('The claim:');
  await expect(verdict(page)).not.toContainText('This run');
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page, 180_000);
  expect(errors).toEqual([]);
}

const CLAIMS: Record<string, string> = {
  'learning-rate': 'A learning rate too high diverges',
  decay: 'Exponential decay helps here',
  'validation-noise': 'With 100 validation rows, a gap of 0.01 or 0.02 between two trials is noise',
  'bad-space': 'More trials do not fix a bad search space',
  'hyperband-epochs': 'Hyperband finds a configuration as good as random search’s best in fewer epochs',
};

for (const [id, claim] of Object.entries(CLAIMS)) {
  test(`lesson ${id}: its link runs the study and this run supports the claim at the lesson's seed`, async ({
    page,
  }) => {
    await runLesson(page, `#lesson=${id}&backend=wasm`);
    await expect(lessonPanel(page)).toContainText(claim);
    await expect(verdict(page)).toContainText(/^This run supports the claim: /);
    expect(page.url()).toContain(`lesson=${id}`);
  });
}

test('a lesson’s steps: Next and Back from the keyboard, "Show me" focuses the panel, axe in presenter mode', async ({
  page,
}) => {
  await runLesson(page, '#lesson=validation-noise&backend=wasm&presenter=1');
  const panel = lessonPanel(page);
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText('Step 1 of 3: the leaderboard');
  await expect(panel).toContainText('measured on 100 validation rows: one row is 0.01 of accuracy');
  await expect(panel.getByRole('button', { name: 'Back' })).toBeDisabled();

  await panel.getByRole('button', { name: 'Next' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText(
    'Step 2 of 3: how the best set is chosen',
  );
  await expect(panel).toContainText('standard error');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText('Step 3 of 3: the leaderboard');
  await expect(panel.getByRole('button', { name: 'Next' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Back' }).click();
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText(
    'Step 2 of 3: how the best set is chosen',
  );

  await panel.getByRole('button', { name: 'Show me how the best set is chosen' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('panel-choice');
  await expect(page.locator('#panel-choice')).toBeInViewport();

  expect(await seriousViolations(page)).toEqual([]);
  expect(await sidewaysScrollers(page)).toEqual([]);
});

test('the lesson picker opens a lesson in place, with a link to paste', async ({ page }) => {
  await openApp(page, '#backend=wasm');
  await expect(lessonPanel(page)).toHaveCount(0);
  const picker = page.getByRole('navigation', { name: 'Guided lessons' });
  await picker.getByRole('link', { name: 'A learning rate too high' }).click();
  await expect(lessonPanel(page)).toContainText(CLAIMS['learning-rate']);
  await expect.poll(() => page.url()).toContain('lesson=learning-rate');
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('catalogue:moons');
  await page.getByRole('button', { name: 'Close lesson' }).click();
  await expect(lessonPanel(page)).toHaveCount(0);
  await expect.poll(() => page.url()).not.toContain('lesson=');
});

test('a run at another seed names its seed and the lesson’s, whatever it shows', async ({ page }) => {
  await runLesson(page, '#lesson=bad-space&backend=wasm&seed=7');
  await expect(verdict(page)).toContainText(
    /^This run (supports the claim at seed 7: |does not support the claim at seed 7: .*\(the lesson's seed is 42, where it was checked\))/,
  );
});
