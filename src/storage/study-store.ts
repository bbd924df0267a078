/**
 * Studies saved in IndexedDB (idb) as they run, so a reload finds them and can resume. The user's file
 * is kept in a store of its own: every finished trial rewrites the study's record, and a record that
 * held a 5 MB file took a few hundred milliseconds to rewrite (version 1 kept it there; such records
 * are still read).
 */
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
  /** The user's CSV of a study, by the study's id. */
  files: { key: string; value: { id: string; csvFile: Blob } };
}

let db: Promise<IDBPDatabase<Schema>> | undefined;

function open(): Promise<IDBPDatabase<Schema>> {
  db ??= openDB<Schema>('tuning-playground', 2, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const store = database.createObjectStore('studies', { keyPath: 'id' });
        store.createIndex('updatedAt', 'updatedAt');
      }
      if (oldVersion < 2) database.createObjectStore('files', { keyPath: 'id' });
    },
  });
  db.catch(() => (db = undefined));
  return db;
}

export async function saveStudy({ csvFile, ...study }: SavedStudy): Promise<void> {
  const tx = (await open()).transaction(['studies', 'files'], 'readwrite');
  await tx.objectStore('studies').put(study);
  if (csvFile) await tx.objectStore('files').put({ id: study.id, csvFile });
  await tx.done;
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
  const tx = database.transaction(['studies', 'files']);
  const cursor = await tx.objectStore('studies').index('updatedAt').openCursor(null, 'prev');
  if (!cursor?.value) return undefined;
  const file = await tx.objectStore('files').get(cursor.value.id);
  return upgrade(file ? { ...cursor.value, csvFile: file.csvFile } : cursor.value);
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
