/**
 * People's own CSVs, uploaded through the real file input: the target chosen (and why), the header
 * decision, the task, the output layer and loss the search space shows, and a page that never grows
 * wider than the window. Then editing roles and searching, and importing results onto other data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  bankMarketingCsv,
  classesCsv,
  incomeBeforeLabelCsv,
  numericNamesCsv,
  recordNumberCsv,
} from '../fixtures/generated';
import { leaderboard, openApp, waitUntilFinished } from './support/app';

const fixture = (file: string) => readFileSync(new URL(`../fixtures/csv/${file}`, import.meta.url));

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type=file]').first().setInputFiles({ name, mimeType: 'text/csv', buffer });
  await expect(page.locator('.dataset .about .mono')).toHaveText(name);
  await expect(page.locator('section.dataset')).toHaveAttribute('aria-busy', 'false');
}

/**
 * The page is no wider than the window at 1920 and 1280 pixels. Polled: after a resize the charts'
 * canvases keep their old size until their ResizeObserver fires (a frame or two).
 */
async function expectNoOverflow(page: Page, what: string) {
  for (const width of [1920, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - innerWidth), {
        message: `${what} at ${width} px: pixels wider than the window`,
        timeout: 5000,
      })
      .toBeLessThanOrEqual(0);
  }
}

const selectedText = (page: Page, name: string) =>
  page
    .getByRole('combobox', { name, exact: true })
    .evaluate((s: HTMLSelectElement) => s.selectedOptions[0].text);

interface Case {
  file: string;
  text?: string;
  target: string;
  header: 'column names' | 'data, no header';
  task: string;
  activation: string;
  loss: string;
  /** Only the column's position supports the target: the panel asks the user to check it. */
  guess: boolean;
}

const BINARY = { task: 'Binary classification', activation: 'sigmoid', loss: 'binary_crossentropy' };
const MULTI = { task: 'Multi-class classification', activation: 'softmax', loss: 'categorical_crossentropy' };
const REGRESSION = { task: 'Regression', activation: 'linear', loss: 'mean_squared_error' };

const CASES: Case[] = [
  {
    file: 'sklearn-numbered.csv',
    text: numericNamesCsv(60, 60),
    target: 'target',
    header: 'column names',
    ...BINARY,
    guess: false,
  },
  { file: 'titanic-like.csv', target: 'Survived', header: 'column names', ...BINARY, guess: false },
  { file: 'wine-quality-like.csv', target: 'quality', header: 'column names', ...MULTI, guess: false },
  { file: 'adult-like.csv', target: 'income', header: 'column names', ...BINARY, guess: false },
  {
    file: 'records.csv',
    text: recordNumberCsv(80),
    target: 'label',
    header: 'column names',
    ...BINARY,
    guess: false,
  },
  { file: 'unnamed-index.csv', target: 'species', header: 'column names', ...MULTI, guess: false },
  { file: 'uci-headerless.csv', target: 'column_14', header: 'data, no header', ...MULTI, guess: true },
  { file: 'headerless-multiclass.csv', target: 'column_5', header: 'data, no header', ...MULTI, guess: true },
  {
    file: 'alphabetical-regression.csv',
    target: 'price',
    header: 'column names',
    ...REGRESSION,
    guess: false,
  },
  { file: 'auto-mpg.data', target: 'column_8', header: 'data, no header', ...MULTI, guess: true },
  { file: 'bike-day.csv', target: 'cnt', header: 'column names', ...REGRESSION, guess: true },
  { file: 'excel-sep.csv', target: 'Group', header: 'column names', ...BINARY, guess: true },
  {
    file: 'six-classes.csv',
    text: classesCsv(6, 20),
    target: 'label',
    header: 'column names',
    ...MULTI,
    guess: false,
  },
];

test('each user file: the target and why, the header decision, the task, the output layer, no overflow', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  await openApp(page, '', errors);
  for (const c of CASES) {
    await upload(page, c.file, c.text ? Buffer.from(c.text) : fixture(c.file));
    await expect(page.getByRole('alert'), c.file).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'Target column' }), c.file).toHaveValue(c.target);
    expect(await selectedText(page, 'First row'), c.file).toBe(`Detect (found ${c.header})`);
    await expect(page.locator('.dataset .task'), c.file).toContainText(c.task);
    const output = page.locator('.space .derived .output');
    await expect(output, c.file).toContainText(`${c.activation} output`);
    await expect(output, c.file).toContainText(`loss ${c.loss}`);
    await expect(page.locator('.space'), c.file).not.toContainText(
      c.activation === 'sigmoid' ? 'softmax' : 'sigmoid',
    );
    const check = page.getByText('Check the target.');
    if (c.guess) await expect(check, c.file).toBeVisible();
    else await expect(check, c.file).toHaveCount(0);
    await expectNoOverflow(page, c.file);
  }

  // The likely identifiers are left out with their reason, and can be taken back in.
  await upload(page, 'records.csv', Buffer.from(recordNumberCsv(80)));
  const record = page.locator('.roles').getByRole('row', { name: /^record/ });
  await expect(record).toContainText('98% of the rows have a different whole number');
  await expect(page.getByRole('checkbox', { name: 'Use record as an input' })).not.toBeChecked();

  // A guess can be confirmed: then it is the user's choice, in the link too.
  await upload(page, 'uci-headerless.csv', fixture('uci-headerless.csv'));
  await page.getByRole('button', { name: 'Yes, predict “column_14”' }).click();
  await expect(page.getByText('Check the target.')).toHaveCount(0);
  await expect(page.getByText('Chosen because you chose it.')).toBeVisible();
  expect(page.url()).toContain('target=column_14');

  // The header switch: the numbered header read as data becomes one more row, all text columns.
  await upload(page, 'sklearn-numbered.csv', Buffer.from(numericNamesCsv(60, 60)));
  await expect(page.getByText('60 used')).toBeVisible();
  await page.getByRole('combobox', { name: 'First row' }).selectOption('no');
  // The names row is data now: its "target" cell is no class, so that row has no target value.
  await expect(page.getByText('60 used of 61 read')).toBeVisible();
  expect(page.url()).toContain('header=no');
  await expect(page.getByText('Detection found a header because')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a target in doubt: "Check the target" names every strong candidate, and one click takes another', async ({
  page,
}) => {
  const errors: string[] = [];
  await openApp(page, '', errors);
  await upload(page, 'bank-customers.csv', Buffer.from(incomeBeforeLabelCsv(120)));
  // The default stays: income, by its name, a weak clue.
  await expect(page.getByRole('combobox', { name: 'Target column' })).toHaveValue('income');
  const check = page.getByRole('status').filter({ hasText: 'Check the target.' });
  await expect(check).toContainText('often, but not always');
  const candidates = check.getByRole('list', { name: 'Other possible targets' }).getByRole('listitem');
  await expect(candidates).toHaveText([
    /Predict “Attrition_Flag”\s*named like an outcome, 2 values/,
    /Predict “offer_accepted”\s*last column, 2 values/,
  ]);
  await check.getByRole('button', { name: 'Predict “offer_accepted”' }).click();
  await expect(page.getByRole('combobox', { name: 'Target column' })).toHaveValue('offer_accepted');
  await expect(page.getByText('Check the target.')).toHaveCount(0);
  await expect(page.getByText('Chosen because you chose it.')).toBeVisible();
  await expect(page.locator('.dataset .task')).toContainText('Binary classification');
  expect(page.url()).toContain('target=offer_accepted');
  // The income column the rules first chose is an input now.
  await expect(page.getByRole('checkbox', { name: 'Use income as an input' })).toBeChecked();
  await expectNoOverflow(page, 'bank-customers.csv');
  expect(errors).toEqual([]);
});

test('editing roles (leave a column out, read one as categories, change the target) and searching to the end', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  await openApp(page, '#tuner=random&maxTrials=2&epochs=2&backend=wasm&seed=4', errors);
  await upload(page, 'titanic-like.csv', fixture('titanic-like.csv'));
  await expect(page.getByRole('combobox', { name: 'Target column' })).toHaveValue('Survived');

  await page.getByRole('checkbox', { name: 'Use Fare as an input' }).uncheck();
  await expect(page.locator('.roles').getByRole('row', { name: /^Fare/ })).toContainText('left out by you');
  await page.getByRole('combobox', { name: 'Type of Pclass' }).selectOption('categorical');
  await expect(page.locator('.roles').getByRole('row', { name: /^Pclass/ })).toContainText(
    '3 values: one-hot, 3 inputs',
  );
  await page.getByRole('radio', { name: 'Predict Embarked' }).check();
  await expect(page.getByRole('combobox', { name: 'Target column' })).toHaveValue('Embarked');
  await expect(page.getByRole('checkbox', { name: 'Use Survived as an input' })).toBeChecked();
  await expect(page.locator('.dataset .task')).toContainText('Multi-class classification (3 classes)');
  await expect(page.locator('.space .derived .output')).toContainText('softmax output, 3 units');
  const url = decodeURIComponent(page.url());
  expect(url).toContain('target=Embarked');
  expect(url).toContain('exclude=Fare');
  expect(url).toContain('categorical=Pclass');

  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);
  expect((await leaderboard(page)).filter((r) => r.state === 'completed')).toHaveLength(2);
  await expect(page.locator('.run [role="status"]')).toContainText('max trials reached');
  const best = page.locator('.panel.best');
  await expect(best).toContainText('softmax, 3 units');
  await expect(best).toContainText('categorical_crossentropy');
  await expect(best).not.toContainText('sigmoid');
  await page.getByRole('button', { name: 'Evaluate best model on the test split' }).click();
  const confusion = page.getByRole('table', { name: /Confusion matrix/ });
  await expect(confusion).toBeVisible({ timeout: 60_000 });
  await expect(confusion.locator('tbody tr')).toHaveCount(3);
  await expectNoOverflow(page, 'titanic with Embarked as target');
  expect(errors).toEqual([]);
});

test('a target where one class is most rows: trials are read against always answering it, and AUC is a click away', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page, '#tuner=random&maxTrials=3&epochs=2&backend=wasm&seed=3');
  await upload(page, 'bank.csv', Buffer.from(bankMarketingCsv(600)));
  const note = page.getByRole('note').filter({ hasText: 'of the training rows are “no”' });
  await expect(note).toContainText(
    /^[\d.]+ % of the training rows are “no”\. Always answering “no”, without looking at the inputs, already scores val_accuracy 0\.\d+, so accuracy barely tells the models apart\./,
  );
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);
  await expect(page.getByRole('region', { name: 'Optimization history' })).toContainText(
    'guess: always “no”',
  );
  const choice = page.getByRole('region', { name: 'How do we choose the best set? What do we look at?' });
  await expect(choice).toContainText(
    /A model that ignores its inputs and always answers “no” \(the most common class, [\d.]+ % of the training rows\) scores val_accuracy 0\.\d+\./,
  );
  await note.getByRole('button', { name: 'Use val_auc' }).click();
  await expect(page.getByLabel('Objective')).toHaveValue('val_auc');
  await expect(note).toHaveCount(0);
});

test('six classes: the finished search and its 6 × 6 confusion matrix fit the window', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page, '#tuner=random&maxTrials=2&epochs=2&backend=wasm&seed=2');
  await upload(page, 'six-classes.csv', Buffer.from(classesCsv(6, 20)));
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);
  await page.getByRole('button', { name: 'Evaluate best model on the test split' }).click();
  const confusion = page.getByRole('table', { name: /Confusion matrix/ });
  await expect(confusion.locator('tbody tr')).toHaveCount(6, { timeout: 60_000 });
  await expectNoOverflow(page, 'six-class confusion matrix');
});

test('importing results made on other data says so, offers to load it, and says why nothing can be evaluated', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  await openApp(page, '#dataset=iris&tuner=random&maxTrials=2&epochs=1&backend=wasm&seed=9', errors);
  await page.getByRole('button', { name: 'Start search' }).click();
  await waitUntilFinished(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Results (JSON)' }).click();
  const saved = test.info().outputPath('iris-results.json');
  await (await download).saveAs(saved);
  const json = JSON.parse(readFileSync(saved, 'utf8'));
  expect(json.data).toMatchObject({ name: 'Iris flowers', rows: 150, columns: 5, target: 'variety' });
  expect(json.data.output).toEqual({ units: 3, activation: 'softmax', loss: 'categorical_crossentropy' });

  const viewer = await page.context().newPage();
  await openApp(viewer, '#dataset=banknote', errors);
  await viewer.locator('input[type=file][accept*=".json"]').setInputFiles(join(saved));
  await expect.poll(async () => (await leaderboard(viewer)).length).toBe(2);
  const notice = viewer.getByRole('alert').filter({ hasText: 'The imported results used other data.' });
  await expect(notice).toContainText(
    'The results were computed on Iris flowers (iris.csv): 150 rows, 5 columns',
  );
  await expect(notice).toContainText('but Banknote authentication');
  const evaluate = viewer.getByRole('button', { name: 'Evaluate best model on the test split' });
  await expect(evaluate).toBeDisabled();
  await expect(viewer.locator('.evaluation')).toContainText('These results were imported');
  await expect(viewer.locator('.panel.best')).toContainText('softmax, 3 units');

  await notice.getByRole('button', { name: 'Load Iris flowers' }).click();
  await expect(viewer.getByRole('combobox', { name: 'Dataset', exact: true })).toHaveValue('catalogue:iris');
  await expect(notice).toHaveCount(0);
  await expect(evaluate).toBeDisabled();
  await expect(viewer.locator('.evaluation')).toContainText('Run the search again to train them.');
  expect(errors).toEqual([]);
});

test('a study on a user file survives a reload: the file comes back as it was (bytes, encoding) and the study resumes', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  await openApp(page, '#tuner=random&maxTrials=3&epochs=2&backend=wasm&seed=5&workers=1', errors);
  await upload(page, 'latin1.csv', fixture('latin1.csv'));
  const warning = page.getByText('latin1.csv is not UTF-8; it was read as Windows-1252');
  await expect(warning).toBeVisible();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect
    .poll(async () => (await leaderboard(page)).filter((r) => r.state === 'completed').length)
    .toBe(1);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.dataset .about .mono')).toHaveText('latin1.csv');
  await expect(page.locator('section.dataset')).toHaveAttribute('aria-busy', 'false');
  await expect(warning).toBeVisible();
  await expect(page.locator('.dataset').getByText('naïve').first()).toBeVisible();
  await expect(page.getByText('a link cannot carry')).toHaveCount(0);
  await expect(page.locator('.evaluation')).toContainText('This study was restored after a reload');
  expect((await leaderboard(page)).filter((r) => r.state === 'completed')).toHaveLength(1);

  await page.getByRole('button', { name: 'Resume' }).click();
  await waitUntilFinished(page);
  expect((await leaderboard(page)).filter((r) => r.state === 'completed')).toHaveLength(3);
  expect(errors).toEqual([]);
});
