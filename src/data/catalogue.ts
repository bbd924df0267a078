import type { ReadCsvOptions } from './csv';
import type { SyntheticKind } from './synthetic';
import type { Task } from './types';

export const UCI_ATTRIBUTION =
  'UCI Machine Learning Repository (Dua & Graff, University of California, Irvine); mirrored in darenr/public_datasets (Apache-2.0).';

interface EntryBase {
  id: string;
  name: string;
  /** One sentence a teacher understands. */
  description: string;
  task: Task;
}

export interface CsvCatalogueEntry extends EntryBase {
  kind: 'csv';
  /** Relative to the page (the app is served with base './'): fetch it, then `loadCsv(text, catalogueLoadOptions(entry))`. */
  url: string;
  fileName: string;
  target: string;
  hasHeader: boolean;
  /** Names for a file without a header row. */
  columnNames?: string[];
  rows: number;
  attribution: string;
  /** Something about the data worth knowing before training on it. */
  note?: string;
}

export interface SyntheticCatalogueEntry extends EntryBase {
  kind: 'synthetic';
  generator: SyntheticKind;
}

export type CatalogueEntry = CsvCatalogueEntry | SyntheticCatalogueEntry;

function uci(entry: Omit<CsvCatalogueEntry, 'kind' | 'url' | 'attribution'>): CsvCatalogueEntry {
  return { kind: 'csv', url: `datasets/${entry.fileName}`, attribution: UCI_ATTRIBUTION, ...entry };
}

function synthetic(generator: SyntheticKind, name: string, description: string): SyntheticCatalogueEntry {
  return { kind: 'synthetic', id: generator, generator, name, description, task: 'binary' };
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  uci({
    id: 'banknote',
    name: 'Banknote authentication',
    description: 'Tell genuine from forged banknotes using four statistics measured on photographs of them.',
    task: 'binary',
    fileName: 'banknote_authentication.csv',
    target: 'class',
    hasHeader: false,
    columnNames: ['variance', 'skewness', 'curtosis', 'entropy', 'class'],
    rows: 1372,
  }),
  uci({
    id: 'breast-cancer',
    name: 'Breast cancer (Wisconsin diagnostic)',
    description:
      'Predict whether a breast tumour is malignant (M) or benign (B) from 30 measurements of its cell nuclei.',
    task: 'binary',
    fileName: 'breast_cancer.csv',
    target: 'diagnosis',
    hasHeader: true,
    rows: 569,
    note: 'The id column identifies patients and is left out; malignant (M, the rarer class) is the positive class.',
  }),
  uci({
    id: 'iris',
    name: 'Iris flowers',
    description:
      'Name the species of an iris flower (Setosa, Versicolor or Virginica) from the length and width of its petals and sepals.',
    task: 'multiclass',
    fileName: 'iris.csv',
    target: 'variety',
    hasHeader: true,
    rows: 150,
  }),
  uci({
    id: 'pima-diabetes',
    name: 'Pima Indians diabetes',
    description:
      'Predict whether a patient has diabetes from eight medical measurements such as glucose level, blood pressure and age.',
    task: 'binary',
    fileName: 'pima-indians-diabetes.csv',
    target: 'target',
    hasHeader: true,
    rows: 768,
    note: 'In several columns a 0 stands for a measurement that was not taken; the data are used as they are.',
  }),
  synthetic(
    'circle',
    'Circle',
    'Two classes of 2-D points: a disc inside a ring, which no straight line can separate.',
  ),
  synthetic(
    'xor',
    'XOR',
    'Two classes of 2-D points by quadrant: same signs against opposite signs, the classic problem a single neuron cannot solve.',
  ),
  synthetic(
    'gaussian',
    'Two blobs',
    'Two clouds of 2-D points that a straight line separates; noise makes them overlap.',
  ),
  synthetic(
    'spiral',
    'Spiral',
    'Two interleaved spiral arms of 2-D points, hard to separate without several layers.',
  ),
  synthetic('moons', 'Two moons', 'Two interlocking half-moons of 2-D points that need a curved boundary.'),
];

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.id === id);
}

/** The reading options a built-in CSV needs (merge with seed, splits and folds for `loadCsv`). */
export function catalogueLoadOptions(
  entry: CsvCatalogueEntry,
): ReadCsvOptions & { target: string; targetFrom: 'catalogue'; name: string } {
  return {
    fileName: entry.fileName,
    header: entry.hasHeader,
    columnNames: entry.columnNames,
    target: entry.target,
    targetFrom: 'catalogue',
    name: entry.name,
  };
}
