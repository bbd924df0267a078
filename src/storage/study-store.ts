/** Studies saved in IndexedDB (idb) as they run, so a reload finds them and can resume. */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ExperimentSetup } from '../core/experiment';
import { withoutTaskOutput } from '../core/space';
import type { StudyState } from '../core/study';
import type { DatasetIdentity } from '../data/identity';
import { studyWithoutTaskOutput } from '../report/read/read-study-state';

export interface SavedStudy {
  id: string;
  createdAt: number;
  updatedAt: number;
  datasetName: string;
  setup: ExperimentSetup;
  /** The user's CSV file, kept only in this browser, so a reloaded study can be resumed. */
  csvFile?: Blob;
  /** How studies saved before December 2026 kept it: as decoded text. */
  csvText?: string;
  /** The data the study ran on (saved since results files carry it too). */
  dataset?: DatasetIdentity;
  state?: StudyState;
  /** A race: each tuner's study, in the order they raced. */
  race?: StudyState[];
}

interface Schema extends DBSchema {
  studies: { key: string; value: SavedStudy; indexes: { updatedAt: number } };
}

let db: Promise<IDBPDatabase<Schema>> | undefined;

function open(): Promise<IDBPDatabase<Schema>> {
  db ??= openDB<Schema>('tuning-playground', 1, {
    upgrade(database) {
      const store = database.createObjectStore('studies', { keyPath: 'id' });
      store.createIndex('updatedAt', 'updatedAt');
    },
  });
  db.catch(() => (db = undefined));
  return db;
}

export async function saveStudy(study: SavedStudy): Promise<void> {
  await (await open()).put('studies', study);
}

export async function saveStudyProgress(
  id: string,
  progress: Pick<SavedStudy, 'state' | 'race'>,
): Promise<void> {
  const database = await open();
  const tx = database.transaction('studies', 'readwrite');
  const existing = await tx.store.get(id);
  if (existing) await tx.store.put({ ...existing, ...progress, updatedAt: Date.now() });
  await tx.done;
}

export async function latestStudy(): Promise<SavedStudy | undefined> {
  const database = await open();
  const cursor = await database.transaction('studies').store.index('updatedAt').openCursor(null, 'prev');
  return cursor?.value && upgrade(cursor.value);
}

/** Studies saved before the output activation and loss left the search space, or with the CSV as text. */
function upgrade(saved: SavedStudy): SavedStudy {
  const { setup, state, csvText, ...rest } = saved;
  return {
    ...rest,
    ...(csvText !== undefined && !rest.csvFile && { csvFile: new Blob([csvText], { type: 'text/csv' }) }),
    setup: { ...setup, study: { ...setup.study, space: withoutTaskOutput(setup.study.space) } },
    ...(state && { state: studyWithoutTaskOutput(state) }),
  };
}

/** A plain-words reason for a storage failure (quota, private mode, blocked). */
export function storageProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return 'the browser storage is full';
  if (name === 'InvalidStateError' || name === 'SecurityError')
    return 'the browser blocks storage here (private mode?)';
  return error instanceof Error ? error.message : String(error);
}
