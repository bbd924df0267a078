/** Every decision explained: rungs and history charts, the round log, the best choice, reproducibility. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, waitUntilFinished } from './support/app';

const shots = 'test-results/screens';
mkdirSync(shots, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(shots, `explain-${name}.png`), fullPage: true });

const explainer = (page: Page) => page.getByRole('region', { name: 'Why this trial?' });
const trialPicker = (page: Page) => page.getByLabel('Explain trial');
const explanation = (page: Page) => explainer(page).locator('.why');

/** Chooses trial #n in the explainer's list, as the keyboard would. */
async function chooseTrial(page: Page, n: number): Promise<void> {
  const picker = trialPicker(page);
  const value = await picker.locator('option', { hasText: new RegExp(`^#${n} · `) }).getAttribute('value');
  await picker.selectOption(value!);
}

/**
 * The centre of the dot drawn in exactly this colour (a promoted trial's fill), in CSS pixels of the
 * canvas: found in the drawn image, so nothing of the chart needs exposing.
 */
async function dotCentre(canvas: Locator, rgb: [number, number, number]): Promise<{ x: number; y: number }> {
  const centre = await canvas.evaluate((element, [r, g, b]) => {
    const c = element as HTMLCanvasElement;
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    let sx = 0;
    let sy = 0;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) {
        const p = i / 4;
        sx += p % c.width;
        sy += Math.floor(p / c.width);
        n++;
      }
    }
    if (n === 0) return undefined;
    const scale = c.width / c.getBoundingClientRect().width;
    return { x: sx / n / scale, y: sy / n / scale };
  }, rgb);
  if (!centre) throw new Error(`no dot of colour rgb(${rgb.join(', ')}) on the canvas`);
  return centre;
}

test('Hyperband: a clicked dot and a keyboard-chosen trial are explained; the rounds are narrated', async ({
  page,
}) => {
  const errors: string[] = [];
  // Bracket 1: 3 trials × 1 epoch, the best one goes on to 3 epochs; bracket 0: 2 trials × 3 epochs.
  await openApp(
    page,
    '#dataset=banknote&tuner=hyperband&maxEpochs=3&factor=3&backend=wasm&workers=1',
    errors,
  );
  await expect(page.getByRole('heading', { name: 'Successive-halving rungs' })).toHaveCount(1);
  // Step runs one round and the log tells it; then the rest of the search runs.
  const log = page.getByRole('log', { name: 'Round by round' });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(log).toContainText('Round 1 of 2 in bracket 1: 3 new configurations train for 1 epoch.');
  await expect(log).toContainText(/Round 1 of 2 in bracket 1 done: the best of 3 goes on: #[123]\./);
  await page.getByRole('button', { name: 'Resume' }).click();
  await waitUntilFinished(page);

  await expect(log).toContainText('Round 2 of 2 in bracket 1: 1 configuration continues from 1 to 3 epochs.');
  await expect(log).toContainText('Round 1 of 1 in bracket 0: 2 new configurations train for 3 epochs.');

  // The only promoted trial is the only dot filled with the promoted colour (#0072b2).
  const canvas = page.getByRole('img', { name: 'Successive-halving rungs' });
  await canvas.scrollIntoViewIfNeeded();
  const centre = await dotCentre(canvas, [0, 114, 178]);
  await canvas.click({ position: centre });
  const promoted =
    /^Trial #([123]) was promoted at rung 1 of bracket 1 \(1 epoch\): val_accuracy [\d.]+ ranked 1st of 3, and the best one continues to 3 epochs\. It continues as trial #4, from its checkpoint\./;
  await expect(explanation(page)).toHaveText(promoted);
  const clicked = (await explanation(page).innerText()).trim();
  const promotedNumber = Number(promoted.exec(clicked)![1]);
  await shot(page, 'hyperband-clicked');

  // The keyboard path: the list of trials beside the chart.
  const picker = trialPicker(page);
  const other = [1, 2, 3].find((n) => n !== promotedNumber)!;
  await chooseTrial(page, other);
  await expect(explanation(page)).toHaveText(
    new RegExp(
      `^Trial #${other} stopped at rung 1 of bracket 1 \\(1 epoch\\): val_accuracy [\\d.]+ ranked (2nd|3rd) of 3; only the best one \\(3/3\\) goes on\\. It is a new configuration, drawn at random\\.$`,
    ),
  );
  // Arrow keys walk the list; choosing the clicked trial again gives the same sentence.
  await picker.focus();
  const before = await picker.inputValue();
  await page.keyboard.press('ArrowDown');
  await expect(picker).not.toHaveValue(before);
  await chooseTrial(page, promotedNumber);
  await expect(explanation(page)).toHaveText(clicked);

  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await explainer(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'explain-hyperband-presenter.png') });
  expect(errors).toEqual([]);
});

test('Bayesian optimisation: first 3 random, then model-guided, each explained; how the best is chosen', async ({
  page,
}) => {
  await openApp(
    page,
    '#dataset=banknote&tuner=bayesian&maxTrials=6&initialPoints=3&epochs=2&backend=wasm&workers=1',
  );
  await expect(page.getByRole('region', { name: '3 · Tuner' })).toContainText(
    'First 3 random, then model-guided',
  );
  await expect(page.getByRole('region', { name: 'Budget preview' })).toContainText(
    'First 3 random, then model-guided',
  );
  await expect(page.getByRole('heading', { name: 'Successive-halving rungs' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);

  const history = page.getByRole('region', { name: 'Optimization history' });
  await expect(history).toContainText('First 3 random, then model-guided.');
  await expect(history).toContainText('random (seeds the model)');
  await expect(history).toContainText('model-guided');
  await expect(history).toContainText(/guess: always (class \d|“[^”]+”)/);

  await chooseTrial(page, 1);
  await expect(explanation(page)).toContainText(
    'Trial #1 was drawn at random: one of the first 3 random trials that seed the model.',
  );
  await chooseTrial(page, 5);
  await expect(explanation(page)).toHaveText(
    /^Trial #5 was proposed by the Gaussian process: predicted val_accuracy [\d.-]+ ± [\d.e-]+, .* It scored val_accuracy [\d.]+ after 2 epochs: /,
  );

  const choice = page.getByRole('region', { name: 'How do we choose the best set? What do we look at?' });
  await expect(choice).toBeVisible();
  await expect(choice).toContainText(/The validation split has 206 rows\./);
  // √(p(1−p)/n), or Agresti–Coull's √(p̃(1−p̃)/(n+4)) when fewer than 5 rows are wrong.
  await expect(choice).toContainText(/standard error of √\(p̃?\(1−p̃?\)\/(n|\(n\+4\))\) = .* = [\d.e-]+/);
  await expect(choice).toContainText(
    /A model that ignores its inputs and always answers (class \d|“[^”]+”) \(the most common class, [\d.]+ % of the training rows\) scores val_accuracy 0\.\d+\. Trial #\d+, the best, is [\d.]+ .*ahead of it: more than the validation noise .*The network learnt from the inputs\./,
  );
  await expect(choice).toContainText(/The runner-up, Trial #\d/);
  await expect(choice).toContainText('The 206 test rows took no part in the search.');
  await choice.getByRole('button', { name: 'Go to the test evaluation' }).click();
  await expect(page.getByRole('button', { name: 'Evaluate best model on the test split' })).toBeFocused();
  await shot(page, 'bayesian-finished');
});

test('random, grid, Bayesian and TPE show no rungs card; the multi-fidelity tuners do', async ({ page }) => {
  for (const tuner of ['random', 'grid', 'bayesian', 'tpe', 'hyperband', 'successive-halving', 'asha']) {
    // A new hash alone does not reload the app.
    await page.goto('about:blank');
    await openApp(page, `#dataset=banknote&tuner=${tuner}&backend=wasm`);
    await expect(page.getByRole('region', { name: 'Why this trial?' })).toBeVisible();
    const multiFidelity = !['random', 'grid', 'bayesian', 'tpe'].includes(tuner);
    await expect(page.getByRole('heading', { name: 'Successive-halving rungs' }), tuner).toHaveCount(
      multiFidelity ? 1 : 0,
    );
    await expect(page.getByRole('heading', { name: 'Round by round' }), tuner).toHaveCount(
      tuner === 'hyperband' || tuner === 'successive-halving' ? 1 : 0,
    );
  }
});

test('ASHA with 2 workers says why runs may differ and offers 1 worker; Hyperband does not', async ({
  page,
}) => {
  await openApp(page, '#dataset=banknote&tuner=asha&workers=2&backend=wasm');
  const note = page.getByRole('note');
  await expect(note).toContainText('Results may differ between runs of this link.');
  await expect(note).toContainText('which finish first');
  await note.scrollIntoViewIfNeeded();
  await shot(page, 'asha-note');
  await note.getByRole('button', { name: 'Use 1 worker' }).click();
  await expect(page.getByLabel('Workers')).toHaveValue('1');
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(page).not.toHaveURL(/workers=2/);

  await page.goto('about:blank');
  await openApp(page, '#dataset=banknote&tuner=hyperband&workers=2&backend=wasm');
  await expect(page.getByRole('button', { name: 'Start search' })).toBeEnabled();
  await expect(page.getByRole('note')).toHaveCount(0);
});
