import { expect, test, type Page } from '@playwright/test';
import { openApp, waitUntilFinished } from './support/app';

const LESSONS = ['learning-rate', 'validation-noise', 'bad-space', 'hyperband-epochs'];

const lessonPanel = (page: Page) => page.getByRole('region', { name: /^Lesson: / });

async function runLesson(page: Page, hash: string): Promise<string> {
  const errors: string[] = [];
  await openApp(page, hash, errors);
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page, 180_000);
  expect(errors).toEqual([]);
  return lessonPanel(page).getByRole('status').innerText();
}

for (const id of LESSONS) {
  test(`lesson ${id}: its link runs the lesson and this run supports the claim`, async ({ page }) => {
    const started = Date.now();
    const verdict = await runLesson(page, `#lesson=${id}&backend=wasm`);
    console.log(`${id}: ${((Date.now() - started) / 1000).toFixed(1)} s: ${verdict}`);
    expect(verdict).toMatch(/^This run supports the claim: /);
  });
}
