/** The dataset the user chose: fetched or generated, parsed and encoded on demand, with plain-words errors. */
import type { DatasetSetup } from '../../core/experiment';
import { catalogueEntry, catalogueLoadOptions, loadCsv, loadSynthetic, type DatasetAnalysis, type EncodedDataset } from '../../data';

export interface UserCsv {
  fileName: string;
  text: string;
}

const MAX_FILE_BYTES = 200 * 1024 * 1024;

export class DatasetState {
  analysis = $state.raw<DatasetAnalysis | undefined>();
  dataset = $state.raw<EncodedDataset | undefined>();
  error = $state<string | undefined>();
  loading = $state(false);
  /** The user's own CSV: it stays in this browser. */
  userCsv = $state.raw<UserCsv | undefined>();
  private generation = 0;

  /** Loads what `setup` describes; a newer call wins over a slower older one. */
  async load(setup: DatasetSetup, seed: number): Promise<void> {
    const generation = ++this.generation;
    this.loading = true;
    try {
      const result = await this.read(setup, seed);
      if (generation !== this.generation) return;
      if (result.ok) {
        this.analysis = result.value.analysis;
        this.dataset = result.value.dataset;
        this.error = undefined;
      } else {
        this.error = result.error;
        this.dataset = undefined;
      }
    } catch (error) {
      if (generation === this.generation) {
        this.error = `The dataset could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
        this.dataset = undefined;
      }
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** Reads a dropped or picked file; too large or unreadable files get a message, nothing else changes. */
  async readFile(file: File): Promise<UserCsv | undefined> {
    if (file.size > MAX_FILE_BYTES) {
      this.error = `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; files up to ${MAX_FILE_BYTES / 1024 / 1024} MB can be used.`;
      return undefined;
    }
    try {
      const csv = { fileName: file.name, text: await file.text() };
      this.userCsv = csv;
      return csv;
    } catch (error) {
      this.error = `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`;
      return undefined;
    }
  }

  private async read(setup: DatasetSetup, seed: number): Promise<{ ok: true; value: { analysis: DatasetAnalysis; dataset: EncodedDataset } } | { ok: false; error: string }> {
    const folds = setup.folds >= 2 ? setup.folds : undefined;
    if (setup.source.kind === 'csv') {
      const csv = this.userCsv;
      if (!csv || csv.fileName !== setup.source.fileName) return { ok: false, error: `Choose ${setup.source.fileName} again: uploaded files are not kept in links.` };
      const result = loadCsv(csv.text, { fileName: csv.fileName, seed, target: setup.target, folds });
      return result.ok ? result : { ok: false, error: result.error.message };
    }
    const entry = catalogueEntry(setup.source.id);
    if (!entry) return { ok: false, error: `There is no built-in dataset called "${setup.source.id}".` };
    if (entry.kind === 'synthetic') {
      const result = loadSynthetic(entry.generator, { seed, size: setup.size, noise: setup.noise, folds, name: entry.name });
      return result.ok ? result : { ok: false, error: result.error.message };
    }
    const response = await fetch(entry.url);
    if (!response.ok) return { ok: false, error: `${entry.fileName} could not be fetched (HTTP ${response.status}).` };
    const options = catalogueLoadOptions(entry);
    const result = loadCsv(await response.text(), { ...options, seed, folds, target: setup.target ?? options.target });
    return result.ok ? result : { ok: false, error: result.error.message };
  }
}
