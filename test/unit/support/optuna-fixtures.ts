/** Shared by the Optuna export tests: real datasets, bundles written to disk, Debian's Python. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadCsv, type EncodedDataset } from '../../../src/data';
import { catalogueEntry, catalogueLoadOptions, type CsvCatalogueEntry } from '../../../src/data/catalogue';
import type { StudyState } from '../../../src/core/study';
import { optunaBundle, type OptunaBundle } from '../../../src/report/export/optuna-bundle';

export const PYTHON = '/usr/bin/python3';

export function catalogueDataset(
  id: string,
  options: { seed?: number; folds?: number } = {},
): EncodedDataset {
  const entry = catalogueEntry(id) as CsvCatalogueEntry;
  const text = readFileSync(new URL(`../../../public/datasets/${entry.fileName}`, import.meta.url), 'utf8');
  const loaded = loadCsv(text, {
    ...catalogueLoadOptions(entry),
    seed: options.seed ?? 42,
    folds: options.folds,
  });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.dataset;
}

export function csvDataset(text: string, target: string, seed = 42): EncodedDataset {
  const loaded = loadCsv(text, { fileName: 'made-up.csv', seed, target });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.dataset;
}

export function bundleOf(
  state: StudyState,
  dataset: EncodedDataset,
  options: { datasetName?: string; earlyStopping?: { enabled: boolean; patience: number } } = {},
): OptunaBundle {
  return optunaBundle({
    state,
    dataset,
    datasetName: options.datasetName ?? dataset.name,
    createdAt: '2026-03-04T05:06:07.000Z',
    backend: 'wasm',
    earlyStopping: options.earlyStopping,
  });
}

const written: string[] = [];

/** Writes the bundle's files into a fresh folder and returns it; `removeBundles` deletes them all. */
export function writeBundle(bundle: OptunaBundle): string {
  const root = mkdtempSync(join(tmpdir(), 'optuna-bundle-'));
  written.push(root);
  const dir = join(root, bundle.folder);
  mkdirSync(dir);
  for (const [file, content] of Object.entries(bundle.files)) writeFileSync(join(dir, file), content);
  return dir;
}

export function removeBundles(): void {
  for (const root of written.splice(0)) rmSync(root, { recursive: true, force: true });
}

const run = promisify(execFile);

/** Runs Debian's Python in `cwd`; rejects with its stderr when it fails. */
export async function python(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(PYTHON, args, { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 170_000 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${PYTHON} ${args.join(' ')} failed: ${e.stderr || e.message}`, { cause: error });
  }
}
