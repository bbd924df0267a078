/** Headless Chromium with exactly the flags the browser tests use (read from playwright.config.ts). */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** The `chromiumArgs` array literal of playwright.config.ts, so the two never drift apart. */
export function chromiumArgs(configPath) {
  const text = readFileSync(configPath, 'utf8');
  const literal = text.match(/export const chromiumArgs\s*=\s*\[([\s\S]*?)\]/);
  if (!literal) throw new Error(`no "export const chromiumArgs = [...]" in ${configPath}`);
  return [...literal[1].matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]);
}

export async function launch(configPath) {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs(configPath), headless: true });
}
