// Runs before the browser tests: they need a Chromium (see playwright.config.ts). On Debian as root it
// is installed; elsewhere one line says how to get it, instead of Playwright's stack trace.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH) {
    console.log(`Browser tests need Chromium at ${path}; installing Debian's chromium package…`);
    const apt = (...args) =>
      execFileSync('apt-get', args, {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    apt('update');
    apt('install', '-y', 'chromium');
  } else {
    console.error(
      `Browser tests need Chromium at ${path}: install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`,
    );
    process.exit(1);
  }
}
