/**
 * After a reload, the last saved study comes back when the link describes its setup (a bare link does
 * too). A study on the user's own file brings the file back with it when the link names that file.
 */
import { defaultSetup, type ExperimentSetup } from '../../core/experiment';
import type { StudyState } from '../../core/study';
import { latestStudy, type SavedStudy } from '../../storage/study-store';
import type { UserCsv } from './dataset.svelte';
import { encodeSetup } from '../url-state';

export interface RestorableStudy {
  saved: SavedStudy;
  states: StudyState[];
  /** The setup to show: the saved one, completed with today's defaults. */
  setup: ExperimentSetup;
  /** The user's file saved with it, when the study ran on one. */
  file?: UserCsv;
  /** That file, when it is the one the link names. */
  linkedFile?: UserCsv;
}

/**
 * The latest saved study with trials, if the link (`linked`, naming `linkFile` when it names a user
 * file) describes its setup; undefined when there is none or storage is unavailable.
 */
export async function restorableStudy(
  linked: ExperimentSetup,
  linkFile: string | undefined,
  bareLink: boolean,
): Promise<RestorableStudy | undefined> {
  let saved: SavedStudy | undefined;
  try {
    saved = await latestStudy();
  } catch {
    return undefined; // Storage unavailable: the app works in memory.
  }
  const states = saved?.race ?? (saved?.state ? [saved.state] : []);
  if (!saved || !states.some((s) => s.trials.length > 0)) return undefined;
  const source = saved.setup.dataset.source;
  const file =
    saved.csvFile && source.kind === 'csv' ? { fileName: source.fileName, file: saved.csvFile } : undefined;
  const linkedFile = file?.fileName === linkFile ? file : undefined;
  const link = structuredClone(linked);
  if (linkedFile) link.dataset.source = { kind: 'csv', fileName: linkedFile.fileName };
  if (!bareLink && encodeSetup(saved.setup, {}) !== encodeSetup(link, {})) return undefined;
  return {
    saved,
    states,
    setup: { ...saved.setup, race: { ...defaultSetup().race, ...saved.setup.race } },
    file,
    linkedFile,
  };
}
