/**
 * The time the search will take, before Start: the estimate of the settings on the loaded data with
 * this machine's measured backend, the settings fitted to the chosen time budget (what Start runs),
 * and the data-budget suggestion for a long search on a large file.
 */
import {
  estimateSearch,
  estimateSearches,
  fitToTime,
  rowsPerRung,
  suggestDataBudget,
  type DataBudgetSuggestion,
  type EstimateContext,
  type TimeEstimate,
  type TimeFit,
  type TrainingShape,
} from '../../core/estimate';
import type { ExperimentSetup } from '../../core/experiment';
import { isRace, raceLanes } from '../../core/race';
import type { StudySettings } from '../../core/study';
import { trainingShape } from '../../data/shape';
import type { DatasetState } from './dataset.svelte';
import type { MachineState } from './machine.svelte';

/** Settings that cannot be planned (a bad space) have no estimate: the budget preview says why. */
function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

const tryEstimate = (run: () => TimeEstimate | undefined) => attempt(run);

export class EstimateState {
  readonly shape: TrainingShape | undefined;
  /** The estimate's basis: the data's shape, the backend (measured on this machine once it is), the workers. */
  readonly context: EstimateContext | undefined;
  /** The settings fitted to the time budget, with the words of what changed. */
  readonly fit: TimeFit | undefined;
  /** What Start runs: the fitted settings under a time budget, else the settings as edited. */
  readonly study: StudySettings;
  readonly estimate: TimeEstimate | undefined;
  /** Rows each rung of a data budget trains on (empty for an epoch budget). */
  readonly rungRows: number[];
  /** A long search without a time budget: train the early rungs on shares of the rows instead. */
  suggestion = $state.raw<DataBudgetSuggestion | undefined>();

  constructor(setup: () => ExperimentSetup, data: DatasetState, machine: MachineState) {
    const settings = $derived($state.snapshot(setup().study) as StudySettings);
    const race = $derived(isRace(setup().race) ? $state.snapshot(setup().race) : undefined);
    const minutes = $derived(race ? 0 : (setup().timeBudget ?? 0));
    this.shape = $derived(data.dataset ? trainingShape(data.dataset) : undefined);
    this.context = $derived.by(() => {
      if (!this.shape) return undefined;
      const { backend, workers } = setup();
      const measured = machine.for(backend);
      // Before auto has measured, WASM: what it chooses on most machines without a GPU.
      const chosen = measured?.backend ?? (backend === 'auto' ? 'wasm' : backend);
      return { shape: this.shape, backend: chosen, workers, probeMs: measured?.probeMs };
    });
    const estimateOf = (s: StudySettings) =>
      this.context && tryEstimate(() => estimateSearch(s, this.context!));
    this.fit = $derived.by(() => {
      if (!minutes || !this.shape) return undefined;
      const rows = this.shape.trainRows;
      return attempt(() => fitToTime(settings, minutes, estimateOf, rows));
    });
    this.study = $derived(this.fit?.settings ?? settings);
    this.estimate = $derived.by(() => {
      if (this.fit) return this.fit.estimate;
      const context = this.context;
      if (!context) return undefined;
      return tryEstimate(() =>
        race ? estimateSearches(raceLanes(settings, race), context) : estimateSearch(settings, context),
      );
    });
    this.rungRows = $derived(
      this.shape ? (attempt(() => rowsPerRung(this.study, this.shape!.trainRows)) ?? []) : [],
    );
    // The suggestion estimates several candidate searches: each in a task of its own, after the estimate shows.
    $effect(() => {
      const [current, shape, unsuitable] = [this.estimate, this.shape, !!this.fit || !!race];
      const candidateSettings = settings;
      let cancelled = false;
      const later = (s: StudySettings) =>
        new Promise<TimeEstimate | undefined>((resolve) =>
          setTimeout(() => resolve(cancelled ? undefined : estimateOf(s)), 0),
        );
      const suggest = async () =>
        unsuitable || !current || !shape
          ? undefined
          : await suggestDataBudget(candidateSettings, current, later, shape.trainRows).catch(
              () => undefined,
            );
      void suggest().then((suggestion) => {
        if (!cancelled) this.suggestion = suggestion;
      });
      return () => {
        cancelled = true;
      };
    });
  }
}
