/**
 * The dependency direction of src: app → workers → storage, scheduler, train, report → data → core
 * (storage reads saved studies with report's readers; the app reaches storage and report too).
 * A value import may point only down (or within its own layer); type-only imports are exempt because
 * they vanish at build time. Each layer also has its own list of allowed packages: tfjs only in train,
 * Svelte and Chart.js only in app, IndexedDB (idb) only in storage, and nothing at all in core or the
 * scheduler.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from './support/imports';

const SRC = resolve(__dirname, '../../src');
const LAYERS = ['core', 'data', 'train', 'report', 'scheduler', 'storage', 'workers', 'app'] as const;
type Layer = (typeof LAYERS)[number];

/** Which layers each layer may import values from (itself included). */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  core: ['core'],
  data: ['data', 'core'],
  train: ['train', 'data', 'core'],
  report: ['report', 'data', 'core'],
  // The scheduler runs in the tuner worker: it must not pull tfjs (train) in.
  scheduler: ['scheduler', 'data', 'core'],
  storage: ['storage', 'report', 'data', 'core'],
  workers: ['workers', 'storage', 'scheduler', 'train', 'report', 'data', 'core'],
  app: ['app', 'workers', 'storage', 'report', 'data', 'core'],
};

const PACKAGES: Record<Layer, RegExp> = {
  core: /^$/,
  data: /^(papaparse|change-case)$/,
  train: /^@tensorflow\//,
  report: /^fflate$/,
  scheduler: /^$/,
  storage: /^idb$/,
  workers: /^comlink$/,
  // The tfjs version string only (a constant module): tfjs itself never loads on the main thread.
  app: /^(svelte(\/.*)?|chart\.js(\/.*)?|chartjs-[\w-]+|comlink|@tensorflow\/tfjs-core\/dist\/version)$/,
};

const DOM = /\b(document|window|navigator|localStorage|indexedDB)\s*\./;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

function layerOf(path: string): Layer | undefined {
  const top = relative(SRC, path).split(/[\\/]/)[0];
  return (LAYERS as readonly string[]).includes(top) ? (top as Layer) : undefined;
}

const sources = files(SRC)
  .map((path) => ({ path, layer: layerOf(path) }))
  .filter((f): f is { path: string; layer: Layer } => f.layer !== undefined);

describe('layering', () => {
  it('reads the layers it checks', () => {
    for (const layer of LAYERS) expect(sources.some((s) => s.layer === layer)).toBe(true);
  });

  it.each(sources.map((s) => [relative(SRC, s.path), s.path, s.layer] as const))(
    '%s imports only from the layers below it',
    (_name, path, layer) => {
      const wrong: string[] = [];
      for (const ref of importsOf(readFileSync(path, 'utf8'))) {
        if (ref.typeOnly) continue;
        if (ref.spec.startsWith('.')) {
          const target = layerOf(resolve(dirname(path), ref.spec));
          if (target === undefined || !MAY_IMPORT[layer].includes(target))
            wrong.push(`${ref.spec} (${target ?? 'outside src'})`);
        } else if (!PACKAGES[layer].test(ref.spec)) {
          wrong.push(`package ${ref.spec}`);
        }
      }
      expect(wrong, `${layer} may import ${MAY_IMPORT[layer].join(', ')}`).toEqual([]);
    },
  );

  it.each(
    sources
      .filter((s) => ['core', 'data', 'report', 'scheduler'].includes(s.layer))
      .map((s) => [relative(SRC, s.path), s.path]),
  )('%s touches no DOM', (_name, path) => {
    expect(readFileSync(path, 'utf8')).not.toMatch(DOM);
  });

  it('recognises type-only imports and worker references', () => {
    const refs = importsOf(
      [
        "import type { A } from '../a';",
        "import { type B, type C } from '../b';",
        "import { type D, E } from '../d';",
        "export { F } from '../f';",
        "const w = new Worker(new URL('../../workers/x.worker.ts', import.meta.url));",
      ].join('\n'),
    );
    expect(refs).toEqual([
      { spec: '../a', typeOnly: true },
      { spec: '../b', typeOnly: true },
      { spec: '../d', typeOnly: false },
      { spec: '../f', typeOnly: false },
      { spec: '../../workers/x.worker.ts', typeOnly: false },
    ]);
  });
});
