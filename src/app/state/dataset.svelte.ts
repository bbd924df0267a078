/** The dataset the user chose: fetched or generated, parsed in a worker, with plain-words errors. */
import type { DatasetSetup } from '../../core/experiment';
import {
  catalogueEntry,
  catalogueLoadOptions,
  loadSynthetic,
  type DatasetAnalysis,
  type EncodedDataset,
  type LoadOptions,
  type Loaded,
  type Result,
} from '../../data';
import { runCsvJob, type CsvJob } from '../../workers/csv-client';

export interface UserCsv {
  fileName: string;
  /**
   * The file itself, kept with a saved study. Only the CSV worker ever decodes it: a 50 MB text
   * copied to the page would block it for a quarter of a second.
   */
  file: Blob;
}

type Outcome = { ok: true; value: Loaded } | { ok: false; error: string };

const MAX_FILE_BYTES = 200 * 1024 * 1024;

export class DatasetState {
  analysis = $state.raw<DatasetAnalysis | undefined>();
  dataset = $state.raw<EncodedDataset | undefined>();
  /** The seed `dataset` was split with. */
  seed = $state<number | undefined>();
  error = $state<string | undefined>();
  loading = $state(false);
  /** The user's own CSV: it stays in this browser. */
  userCsv = $state.raw<UserCsv | undefined>();
  private generation = 0;
  private job: CsvJob<unknown> | undefined;

  /** Loads what `setup` describes; a newer call wins over (and cancels) a slower older one. */
  async load(setup: DatasetSetup, seed: number): Promise<void> {
    const generation = ++this.generation;
    this.job?.cancel();
    this.loading = true;
    try {
      const result = await this.read(setup, seed);
      if (generation !== this.generation) return;
      if (result.ok) {
        this.analysis = result.value.analysis;
        this.dataset = result.value.dataset;
        this.seed = seed;
        this.error = undefined;
      } else {
        this.error = result.error;
        this.analysis = undefined;
        this.dataset = undefined;
      }
    } catch (error) {
      if (generation === this.generation) {
        this.error = `The dataset could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
        this.analysis = undefined;
        this.dataset = undefined;
      }
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** Takes a dropped or picked file; a too large one gets a message and nothing else changes. */
  readFile(file: File): UserCsv | undefined {
    if (file.size > MAX_FILE_BYTES) {
      this.error = `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; files up to ${MAX_FILE_BYTES / 1024 / 1024} MB can be used.`;
      return undefined;
    }
    const csv = { fileName: file.name, file };
    this.userCsv = csv;
    return csv;
  }

  private parse(source: Blob | string, options: LoadOptions): Promise<Result<Loaded>> {
    const job = runCsvJob<Result<Loaded>>((api) =>
      typeof source === 'string' ? api.parseText(source, options) : api.parseFile(source, options),
    );
    this.job = job;
    return job.result;
  }

  private async read(setup: DatasetSetup, seed: number): Promise<Outcome> {
    const folds = setup.folds >= 2 ? setup.folds : undefined;
    const roles = {
      ignore: setup.exclude,
      include: setup.include,
      categorical: setup.categorical,
      numeric: setup.numeric,
    };
    if (setup.source.kind === 'csv') {
      const csv = this.userCsv;
      if (!csv || csv.fileName !== setup.source.fileName)
        return {
          ok: false,
          error: `Choose ${setup.source.fileName} again: uploaded files are not kept in links.`,
        };
      return message(
        await this.parse(csv.file, {
          fileName: csv.fileName,
          seed,
          target: setup.target,
          header: setup.header,
          folds,
          ...roles,
        }),
      );
    }
    const entry = catalogueEntry(setup.source.id);
    if (!entry) return { ok: false, error: `There is no built-in dataset called "${setup.source.id}".` };
    if (entry.kind === 'synthetic') {
      return message(
        loadSynthetic(entry.generator, {
          seed,
          size: setup.size,
          noise: setup.noise,
          folds,
          name: entry.name,
          ...roles,
        }),
      );
    }
    const response = await fetch(entry.url);
    if (!response.ok)
      return { ok: false, error: `${entry.fileName} could not be fetched (HTTP ${response.status}).` };
    const options = catalogueLoadOptions(entry);
    return message(
      await this.parse(await response.text(), {
        ...options,
        seed,
        folds,
        ...roles,
        ...(setup.target !== undefined && { target: setup.target, targetFrom: 'user' as const }),
      }),
    );
  }
}

function message(result: Result<Loaded>): Outcome {
  return result.ok ? result : { ok: false, error: result.error.message };
}
