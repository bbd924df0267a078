/**
 * Outgrowing the browser, for real: a banknote search in the app, its "Continue on Optuna" zip, two
 * workers of run_optuna.py (Debian's Python, optuna 3.1, PyTorch) at once on one PostgreSQL study, an
 * independent check of that study, the best browser config retrained in PyTorch, and the results
 * imported back into the app.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { leaderboard, openApp, waitUntilFinished } from './support/app';
import { postgresForTest, type Postgres } from './support/postgres';

const PYTHON = '/usr/bin/python3';
const CHECK = join(dirname(fileURLToPath(import.meta.url)), 'support', 'check_optuna_study.py');
const shots = 'test-results/screens';
const run = promisify(execFile);

let postgres: Postgres | undefined;
test.beforeAll(async () => {
  postgres = await postgresForTest();
});
test.afterAll(() => postgres?.stop());

/** Runs Debian's Python in `cwd`, returning stdout; fails with its stderr. */
async function python(args: string[], cwd: string): Promise<string> {
  const started = Date.now();
  try {
    const { stdout } = await run(PYTHON, args, { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${PYTHON} ${args.join(' ')} failed: ${e.stderr || e.message}`, { cause: error });
  } finally {
    console.log(`  ${((Date.now() - started) / 1000).toFixed(1)} s  python3 ${args.join(' ')}`);
  }
}

/** Unzips the download into a fresh folder; returns the bundle's folder. */
function unzipInto(zip: Uint8Array): string {
  const root = mkdtempSync(join(tmpdir(), 'optuna-e2e-'));
  const folders = new Set<string>();
  for (const [path, bytes] of Object.entries(unzipSync(zip))) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    folders.add(path.split('/')[0]);
  }
  expect([...folders]).toHaveLength(1);
  return join(root, [...folders][0]);
}

test('a banknote search continues on Optuna with PyTorch on a shared PostgreSQL study, and comes back', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const started = Date.now();
  const errors: string[] = [];
  await openApp(page, '#dataset=banknote&tuner=random&maxTrials=4&epochs=4&backend=wasm&seed=11', errors);
  const button = page.getByRole('button', { name: 'Continue on Optuna (zip)' });
  await expect(button).toBeDisabled();
  await expect(page.getByText('Available once a trial has finished')).toBeVisible();

  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);
  const browserRows = await leaderboard(page);
  expect(browserRows).toHaveLength(4);
  console.log(
    `  ${((Date.now() - started) / 1000).toFixed(1)} s  browser search (4 trials × 4 epochs, wasm)`,
  );

  await expect(button).toBeEnabled();
  const downloading = page.waitForEvent('download');
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^banknote-authentication-random-\d{8}-\d{6}\.zip$/);
  const folder = unzipInto(readFileSync((await download.path())!));

  const storage = postgres!.url;
  const studyName = `e2e-${Date.now()}`;
  const worker = ['run_optuna.py', '--storage', storage, '--study-name', studyName, '--n-trials', '3'];
  await Promise.all([python(worker, folder), python(worker, folder)]);

  const check = JSON.parse(await python([CHECK, storage, studyName, 'study.json', '6'], folder));
  console.log(`  study: ${JSON.stringify({ ...check, problems: check.problems.length })}`);
  expect(check.problems).toEqual([]);
  expect(check).toMatchObject({ trials: 10, browser: 4, new: 6 });

  const reproduced = JSON.parse(await python(['run_optuna.py', '--reproduce-best'], folder));
  console.log(`  best browser trial retrained: ${JSON.stringify(reproduced.val_accuracy)}`);
  expect(reproduced.metric).toBe('val_accuracy');
  expect(Math.abs(reproduced.val_accuracy.pytorch - reproduced.val_accuracy.browser)).toBeLessThanOrEqual(
    0.03,
  );
  const best = browserRows.reduce((a, b) => (b.score > a.score ? b : a));
  expect(reproduced.browser).toBeCloseTo(best.score, 3);

  await python(
    [
      'run_optuna.py',
      '--storage',
      storage,
      '--study-name',
      studyName,
      '--n-trials',
      '0',
      '--export-results',
      'results.json',
    ],
    folder,
  );
  await page.locator('input[type=file][accept*=".json"]').setInputFiles(join(folder, 'results.json'));
  await expect.poll(async () => (await leaderboard(page)).length).toBe(10);
  const rows = await leaderboard(page);
  const scores = (list: { score: number }[]) => list.map((r) => r.score).sort();
  expect(scores(rows)).toEqual(expect.arrayContaining(scores(browserRows)));
  expect(rows.filter((r) => ['completed', 'stopped'].includes(r.state))).toHaveLength(10);
  await expect(page.getByText(/continued on Optuna in study/)).toBeVisible();
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'optuna-imported.png'), fullPage: true });
  expect(errors).toEqual([]);
  rmSync(dirname(folder), { recursive: true, force: true });
  console.log(`  ${((Date.now() - started) / 1000).toFixed(1)} s  in all`);
});
