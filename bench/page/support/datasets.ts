/** Built-in datasets, fetched from the page's own origin and encoded by src/data as the app does. */
import { catalogueEntry, catalogueLoadOptions, loadCsv } from '../../../src/data';
import type { EncodedDataset } from '../../../src/data/types';

const SPLIT_SEED = 42;

export async function loadDataset(id: string): Promise<EncodedDataset> {
  const entry = catalogueEntry(id);
  if (!entry || entry.kind !== 'csv') throw new Error(`no built-in CSV dataset "${id}"`);
  const response = await fetch(entry.url);
  if (!response.ok) throw new Error(`fetching ${entry.url}: HTTP ${response.status}`);
  const loaded = loadCsv(await response.text(), { ...catalogueLoadOptions(entry), seed: SPLIT_SEED });
  if (!loaded.ok) throw new Error(`${id}: ${loaded.error.message}`);
  return loaded.value.dataset;
}

export function trainRowCount(dataset: EncodedDataset): number {
  return dataset.splits.train.length;
}
