/** The results file's identity and what it says besides the study: shared by its writer and its reader. */
import type { DatasetSetup } from '../core/experiment';
import type { DatasetIdentity } from '../data/identity';

export const RESULTS_FORMAT = 'tuning-playground-results';
export const RESULTS_VERSION = 1;

export interface ResultsMeta {
  datasetName: string;
  backend?: string;
  /** ISO 8601 date and time. */
  createdAt: string;
  /** Which data the study ran on, and how it was set up (absent in files of older versions). */
  data?: { identity: DatasetIdentity; setup: DatasetSetup };
}
