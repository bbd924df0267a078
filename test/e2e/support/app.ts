import { expect, type Page } from '@playwright/test';

/** Opens the built app with a setup in the URL hash and waits until the dataset is loaded. */
export async function openApp(page: Page, hash = '', errors: string[] = []): Promise<void> {
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/${hash}`);
  await expect(page.getByRole('button', { name: 'Start search' })).toBeEnabled({ timeout: 30_000 });
}

export const runStatus = (page: Page) => page.locator('.run [role="status"]');

export async function waitUntilFinished(page: Page, timeout = 600_000): Promise<void> {
  await expect(runStatus(page)).toContainText('Search finished.', { timeout });
}

export interface LeaderboardRow {
  state: string;
  score: number;
  text: string;
}

export async function leaderboard(page: Page): Promise<LeaderboardRow[]> {
  const rows = page.getByRole('table', { name: 'Leaderboard' }).locator('tbody tr');
  const out: LeaderboardRow[] = [];
  for (const row of await rows.all()) {
    const cells = row.locator('td');
    if ((await cells.count()) < 4) continue;
    out.push({
      state: (await cells.nth(2).locator('.badge').innerText()).trim(),
      score: Number((await cells.nth(3).innerText()).split('±')[0].trim()),
      text: await row.innerText(),
    });
  }
  return out;
}

/** Whether a chart canvas has drawn anything beyond its background (charts redraw when on screen). */
export async function canvasHasInk(page: Page, label: string): Promise<boolean> {
  const canvas = page.getByRole('img', { name: label });
  await canvas.scrollIntoViewIfNeeded();
  const inked = () =>
    canvas.evaluate((element) => {
      const c = element as HTMLCanvasElement;
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0 || c.height === 0) return false;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
      return count > 200;
    });
  try {
    await expect.poll(inked, { timeout: 5000 }).toBe(true);
    return true;
  } catch {
    return false;
  }
}

/**
 * How many pixels of a chart canvas are drawn in the page's chart colour `--cN` (antialiased edges
 * included), after scrolling the chart into view.
 */
export async function pixelsInSeriesColour(page: Page, label: string, series: number): Promise<number> {
  const canvas = page.getByRole('img', { name: label });
  await canvas.scrollIntoViewIfNeeded();
  return canvas.evaluate((element, n) => {
    const hex = getComputedStyle(document.documentElement).getPropertyValue(`--c${n}`).trim();
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const c = element as HTMLCanvasElement;
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4)
      if (
        data[i + 3] > 128 &&
        Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60
      )
        count++;
    return count;
  }, series);
}
