import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** A small user CSV: two informative features and a binary label, 240 rows. */
function userCsv(): Buffer {
  const lines = ['sepal,petal,noise,label'];
  for (let i = 0; i < 240; i++) {
    const a = ((i * 37) % 100) / 10;
    const b = ((i * 53) % 100) / 10;
    lines.push(`${a},${b},${(i * 17) % 7},${a + b > 10 ? 'yes' : 'no'}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

const EXPORTS = [
  'Results (JSON)',
  'Results (CSV)',
  'Methods report (Markdown)',
  'Keras Tuner script (Python)',
  'Best model (tfjs)',
];

async function upload(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') {
  await page.locator('input[type=file]').first().setInputFiles({ name, mimeType, buffer });
}

test('a whole session with a user CSV (load, search, export) sends nothing to any other origin', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL!).origin;
  const seen: string[] = [];
  context.on('request', (request) => seen.push(request.url()));
  page.on('websocket', (socket) => seen.push(socket.url()));
  // Routing sees the workers' fetches as well; anything foreign is recorded and refused.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    seen.push(url);
    return new URL(url).origin === origin ? route.continue() : route.abort('blockedbyclient');
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('/#tuner=hyperband&maxEpochs=3&backend=wasm');
  await upload(page, 'my-measurements.csv', userCsv());
  await expect(page.getByText('240 used').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const start = page.getByRole('button', { name: 'Start search' });
  await expect(start).toBeEnabled();
  await start.click();
  await expect(page.getByRole('status').first()).toContainText(/\bdone\b|Search finished/, {
    timeout: 240_000,
  });
  await expect(page.getByRole('table', { name: 'Leaderboard' }).locator('tbody tr').first()).toBeVisible();

  const exported: string[] = [];
  for (const name of EXPORTS) {
    const button = page.getByRole('button', { name });
    if ((await button.count()) === 0) continue;
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await button.first().click();
    exported.push((await download).suggestedFilename());
  }
  test.info().annotations.push({
    type: 'exports',
    description: exported.length ? exported.join(', ') : 'no export buttons on the page yet',
  });

  const foreign = seen.filter(
    (url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
  );
  expect(seen.length).toBeGreaterThan(5);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});

test('a CSV header holding markup renders as text: no element, no script, no dialog', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/');
  const header = '<img src=x onerror=alert(1)>';
  await upload(
    page,
    'xss-header.csv',
    readFileSync(new URL('../fixtures/csv/xss-header.csv', import.meta.url)),
  );
  await expect(page.getByText(header, { exact: true }).filter({ visible: true }).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
});

test('the Content-Security-Policy is in force: the app loads without violations and a remote fetch is refused', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = found;
    document.addEventListener('securitypolicyviolation', (e) =>
      found.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toMatch(/script-src[^;]*(https?:|\*|'unsafe-inline'|'unsafe-eval')/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(
    [],
  );
  // A remote fetch is refused by the browser itself.
  const blocked = await page.evaluate(async () => {
    const fetched = await fetch('https://example.com/x').then(
      () => 'fetched',
      () => 'refused',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { fetched, violations: (window as unknown as { cspViolations: string[] }).cspViolations.slice() };
  });
  expect(blocked.fetched).toBe('refused');
  expect(blocked.violations).toContain('connect-src https://example.com/x');
});
