/**
 * Which data the study on screen ran on, and whether the data loaded now can stand in for it: recorded
 * when a search starts, read from a results file or a saved study.
 */
import type { DatasetSetup, ExperimentSetup } from '../../core/experiment';
import { datasetIdentity, type DatasetIdentity } from '../../data';
import { studyDataProblem, type StudyData, type StudyDataProblem } from '../study-data';
import type { DatasetState } from './dataset.svelte';

export class StudyDataState {
  /** The data of the study on screen; undefined before any study. */
  current = $state.raw<StudyData | undefined>();

  /** The data loaded now, named as a results file names it. */
  readonly loaded: DatasetIdentity | undefined;
  /** Why the loaded data cannot stand in for the study's, if it cannot. */
  readonly problem: StudyDataProblem | undefined;
  /** The study's data: recorded, or (no study recorded yet, say restored from an older version) the loaded one. */
  readonly identity: DatasetIdentity | undefined;
  private readonly setup: () => ExperimentSetup;

  constructor(setup: () => ExperimentSetup, data: DatasetState) {
    this.setup = setup;
    this.loaded = $derived(
      data.analysis && data.dataset && !data.loading
        ? datasetIdentity(data.analysis, data.dataset)
        : undefined,
    );
    this.problem = $derived(studyDataProblem(this.current, this.loaded, this.datasetSetup()));
    this.identity = $derived(this.current ? this.current.identity : this.loaded);
  }

  /** A search starts on the data loaded now. */
  recordRun(): void {
    this.current = { identity: this.loaded, setup: this.datasetSetup(), origin: 'run' };
  }

  private datasetSetup(): DatasetSetup {
    return $state.snapshot(this.setup().dataset) as DatasetSetup;
  }
}
