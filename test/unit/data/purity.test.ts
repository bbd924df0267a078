import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../../src/data/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
/** Libraries that are plain functions on strings, safe in Node and any worker. */
const PURE_LIBRARIES = ['papaparse', 'change-case'];

describe('src/data is pure', () => {
  it.each(files)('%s imports no tfjs, Svelte, Comlink, Chart.js and uses no DOM or Math.random', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports)
      expect(PURE_LIBRARIES.includes(spec) || spec.startsWith('.'), spec).toBe(true);
    expect(source).not.toMatch(/\b(document|window|localStorage|fetch)\b\s*[.(]/);
    expect(source).not.toMatch(/Math\.random/);
  });
});
