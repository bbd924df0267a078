import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import Papa from 'papaparse';
import {
  canvasHasInk,
  leaderboard,
  openApp,
  pixelsInSeriesColour,
  runStatus,
  waitUntilFinished,
} from './support/app';

const shots = 'test-results/screens';
mkdirSync(shots, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

const quickHyperband = '#dataset=banknote&tuner=hyperband&maxEpochs=9&factor=3&backend=wasm&seed=7';

async function downloadOf(page: Page, button: string): Promise<Download> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return waiting;
}

async function text(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8');
}

test('banknote → Hyperband → Start: the rung chart and the leaderboard fill while it runs', async ({
  page,
}) => {
  const errors: string[] = [];
  await openApp(page, quickHyperband, errors);
  await shot(page, '1-first-screen');
  await page.getByRole('button', { name: 'Start search' }).click();
  await expect(runStatus(page)).toContainText('Searching');
  await expect
    .poll(async () => (await leaderboard(page)).filter((r) => r.state === 'completed').length, {
      timeout: 120_000,
    })
    .toBeGreaterThanOrEqual(3);
  await expect(runStatus(page)).toContainText('Searching');
  expect(await canvasHasInk(page, 'Successive-halving rungs')).toBe(true);
  await expect(page.getByRole('progressbar')).toBeVisible();
  await shot(page, '2-running');
  await waitUntilFinished(page);
  for (const label of [
    'Learning curves',
    'Optimization history',
    'Learning-rate schedule',
    'Parallel coordinates',
    'Hyperparameter importance',
  ])
    expect(await canvasHasInk(page, label), label).toBe(true);
  // Nothing runs once the search has finished: no curve or point in the running colour (--c2).
  await expect.poll(() => pixelsInSeriesColour(page, 'Learning curves', 2), { timeout: 5000 }).toBe(0);
  const rows = await leaderboard(page);
  expect(rows).toHaveLength(23);
  await shot(page, '3-finished');
  expect(errors).toEqual([]);
});

test('every export downloads and parses', async ({ page }) => {
  await openApp(page, '#dataset=banknote&tuner=random&maxTrials=4&epochs=3&backend=wasm&seed=3');
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);
  const rows = await leaderboard(page);
  const best = rows.find((r) => r.text.includes('★'))!;

  const json = JSON.parse(await text(await downloadOf(page, 'Results (JSON)')));
  expect(json.format).toBe('tuning-playground-results');
  expect(json.state.trials).toHaveLength(4);

  const csv = Papa.parse<Record<string, string>>(await text(await downloadOf(page, 'Results (CSV)')), {
    header: true,
    skipEmptyLines: true,
  });
  expect(csv.errors).toEqual([]);
  expect(csv.data).toHaveLength(4);
  expect(Object.keys(csv.data[0])).toEqual(expect.arrayContaining(['learning_rate', 'layers', 'optimizer']));

  const report = await text(await downloadOf(page, 'Methods report (Markdown)'));
  const bestTrial = json.state.trials.reduce((a: { score: number }, b: { score: number }) =>
    b.score > a.score ? b : a,
  );
  expect(report).toContain('Random search');
  expect(report).toContain(String(bestTrial.config.layers));
  expect(report).toContain(String(bestTrial.config.optimizer));
  expect(best.score).toBeCloseTo(bestTrial.score, 3);

  const scriptFile = join(tmpdir(), `kt-${Date.now()}.py`);
  writeFileSync(scriptFile, await text(await downloadOf(page, 'Keras Tuner script (Python)')));
  execFileSync('python3', ['-c', 'import ast,sys; ast.parse(open(sys.argv[1]).read())', scriptFile]);

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Best model (tfjs)' }).click();
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
  const modelJson = JSON.parse(await text(downloads.find((d) => d.suggestedFilename() === 'model.json')!));
  const weights = readFileSync(
    (await downloads.find((d) => d.suggestedFilename() === 'weights.bin')!.path())!,
  );
  await tf.setBackend('cpu');
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData: new Uint8Array(weights).buffer,
    }),
  );
  const out = model.predict(tf.zeros([2, 4])) as tf.Tensor;
  expect(out.shape).toEqual([2, 1]);
  const values = await out.data();
  expect(values.every((v) => v >= 0 && v <= 1)).toBe(true);

  await page.getByRole('button', { name: 'Evaluate best model on the test split' }).click();
  const confusion = page.getByRole('table', { name: /Confusion matrix/ });
  await expect(confusion).toBeVisible({ timeout: 30_000 });
  // Each test metric with its noise and what a guess that ignores the inputs scores on the same rows.
  const evaluation = page.getByRole('region', { name: 'Test evaluation' });
  await expect(evaluation.getByRole('row', { name: /^Accuracy [\d.]+ ± [\d.]+ [\d.]+$/ })).toBeVisible();
  await expect(evaluation.getByRole('row', { name: /^Loss [\d.]+ ± [\d.]+ [\d.]+$/ })).toBeVisible();
  await expect(evaluation).toContainText(
    'A guess: a model that ignores its inputs, fitted on the training rows',
  );
  const cells = (await confusion.locator('tbody td').allInnerTexts())
    .map((c) => Number(c.replace(/[^0-9]/g, '')))
    .filter(Number.isFinite);
  expect(cells.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(206);

  const viewer = await page.context().newPage();
  await openApp(viewer, '#dataset=iris');
  const file = join(tmpdir(), `results-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(json));
  await viewer.locator('input[type=file][accept*=".json"]').setInputFiles(file);
  await expect.poll(async () => (await leaderboard(viewer)).length).toBe(4);
  expect((await leaderboard(viewer)).map((r) => r.score).sort()).toEqual(rows.map((r) => r.score).sort());
});

test('the decay experiment trains the best config with and without decay and overlays the curves', async ({
  page,
}) => {
  await openApp(page, '#dataset=banknote&tuner=random&maxTrials=2&epochs=2&backend=wasm&seed=5');
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);
  await page.getByRole('button', { name: 'Run decay experiment' }).click();
  await expect(page.getByText('the loss oscillates instead of settling')).toBeVisible({ timeout: 120_000 });
  expect(await canvasHasInk(page, 'Decay experiment')).toBe(true);
  await shot(page, '9-decay-experiment');
});

test('the whole search can be run from the keyboard', async ({ page }) => {
  await openApp(page, '#dataset=banknote&tuner=random&maxTrials=2&epochs=2&backend=wasm');
  await page.getByLabel('Tuner', { exact: true }).focus();
  await page.keyboard.press('End');
  await expect(page.getByLabel('Tuner', { exact: true })).toHaveValue('tpe');
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Shift+Tab');
    const name = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (name === 'Start search') break;
  }
  await page.keyboard.press('Enter');
  await waitUntilFinished(page);
  expect((await leaderboard(page)).length).toBe(2);
});

test('a malformed CSV shows a message in plain words and the app still works', async ({ page }) => {
  const errors: string[] = [];
  await openApp(page, '#dataset=iris&tuner=random&maxTrials=2&epochs=2&backend=wasm', errors);
  await page.locator('input[type=file][accept*=".csv"]').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('a,b,label\n1,2,x\n3\n4,5,y,9,9\n6\n7\n8\n'),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'broken.csv' });
  await expect(alert).toBeVisible();
  await shot(page, '4-malformed-csv');
  await page.getByLabel('Dataset', { exact: true }).selectOption('catalogue:iris');
  await expect(page.getByRole('button', { name: 'Start search' })).toBeEnabled();
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);
  expect((await leaderboard(page)).every((r) => r.state === 'completed')).toBe(true);
  expect(errors).toEqual([]);
});

test('a shared URL reproduces the setup', async ({ page, context }) => {
  await openApp(page);
  await page.getByLabel('Tuner', { exact: true }).selectOption('random');
  await page.getByLabel('Max trials').fill('7');
  await page.getByLabel('Max trials').blur();
  await page.getByLabel('Seed', { exact: true }).fill('123');
  await page.getByLabel('Seed', { exact: true }).blur();
  await page.getByLabel('Dataset', { exact: true }).selectOption('catalogue:moons');
  await expect.poll(() => page.url()).toContain('seed=123');
  const shared = page.url();
  const other = await context.newPage();
  await other.goto(shared);
  await expect(other.getByLabel('Tuner', { exact: true })).toHaveValue('random');
  await expect(other.getByLabel('Max trials')).toHaveValue('7');
  await expect(other.getByLabel('Seed', { exact: true })).toHaveValue('123');
  await expect(other.getByLabel('Dataset', { exact: true })).toHaveValue('catalogue:moons');
});

test('reloading mid-search keeps every finished trial and the study resumes', async ({ page }) => {
  await openApp(page, quickHyperband);
  await page.getByRole('button', { name: 'Start search' }).click();
  await expect
    .poll(async () => (await leaderboard(page)).filter((r) => r.state === 'completed').length, {
      timeout: 120_000,
    })
    .toBeGreaterThanOrEqual(5);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible({ timeout: 30_000 });
  const kept = (await leaderboard(page)).filter((r) => r.state === 'completed').length;
  expect(kept).toBeGreaterThanOrEqual(5);
  await shot(page, '5-restored');
  await page.getByRole('button', { name: 'Resume' }).click();
  await waitUntilFinished(page);
  const rows = await leaderboard(page);
  expect(rows).toHaveLength(23);
  expect(rows.every((r) => r.state === 'completed')).toBe(true);
});

test('presenter mode renders large, and any chart goes full screen', async ({ page }) => {
  await openApp(page, quickHyperband);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'true');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('22px');
  await shot(page, '6-presenter');
  const card = page.getByRole('img', { name: 'Learning curves' });
  await page.getByRole('button', { name: 'Full screen' }).nth(1).click();
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          Boolean(document.fullscreenElement) ||
          Boolean(document.querySelector('.fullscreen, [data-fullscreen="true"]')),
      ),
    )
    .toBe(true);
  await expect(card).toBeVisible();
  await shot(page, '7-fullscreen');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, '8-presenter-dark');
});

test('a classroom link hides the chosen controls and keeps the rest', async ({ page }) => {
  await openApp(
    page,
    '#dataset=banknote&tuner=random&maxTrials=2&epochs=2&backend=wasm&hide=space,backend,workers',
  );
  await expect(page.getByRole('heading', { name: /Search space/ })).toHaveCount(0);
  await expect(page.getByLabel('Backend', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Workers')).toHaveCount(0);
  await expect(page.getByLabel('Dataset', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Tuner', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);
  expect(page.url()).toContain('hide=');
});
