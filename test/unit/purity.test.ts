import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const forbiddenImport =
  /from\s+['"](@tensorflow\/[^'"]*|svelte[^'"]*|comlink|chart\.js[^'"]*|chartjs-[^'"]*)['"]|import\(\s*['"](@tensorflow|svelte|comlink|chart\.js)/;
const domUse = /\b(document|window|navigator|localStorage|indexedDB)\s*\./;

describe.each(['src/core', 'src/data'])('%s stays pure', (dir) => {
  it.each(files(dir).map((f) => [f]))(
    '%s imports no tfjs, Svelte, Comlink or Chart.js and touches no DOM',
    (file) => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(forbiddenImport);
      expect(text).not.toMatch(domUse);
    },
  );
});
