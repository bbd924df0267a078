/**
 * The page's controller: the setup being edited (mirrored in the URL), the data it loads, the search on
 * screen and the view, and what the header and the run band do with them — start, step, import, share,
 * restore after a reload, and putting back the data a study ran on.
 */
import { untrack } from 'svelte';
import { withSource, type DatasetSetup, type ExperimentSetup } from '../../core/experiment';
import { validateSpace } from '../../core/space';
import { catalogueEntry } from '../../data';
import { parseResultsJson } from '../../report/read/results-reader';
import { plural } from '../components/format';
import { whenIdle } from '../after-frame';
import { DatasetState } from './dataset.svelte';
import { EstimateState } from './estimate.svelte';
import { MachineState } from './machine.svelte';
import { RunState } from './run.svelte';
import { restorableStudy } from './saved-study';
import { StudyDataState } from './study-data.svelte';
import { UiState } from './ui.svelte';
import { isBareLink, readLink, syncLink } from './url-sync.svelte';

/** How long a search's results are on screen before trainers for the next one start. */
const REWARM_AFTER_SEARCH_MS = 5000;

export class Playground {
  setup = $state<ExperimentSetup>() as ExperimentSetup;
  readonly data = new DatasetState();
  readonly machine: MachineState = new MachineState((preference, onProbe) =>
    this.run.measureMachine(preference, onProbe),
  );
  readonly run: RunState = new RunState(this.machine);
  readonly estimate = new EstimateState(() => this.setup, this.data, this.machine);
  readonly ui = new UiState();
  readonly study: StudyDataState;
  /** A speaker shows results: presenter mode starts with the setup folded away. */
  showSetup = $state(true);
  private readonly link = readLink();

  constructor() {
    this.setup = this.link.setup;
    this.ui.hidden = this.link.ui.hide;
    this.ui.lesson = this.link.ui.lesson;
    this.ui.presenter = this.link.ui.presenter;
    if (this.link.ui.theme) this.ui.theme = this.link.ui.theme;
    this.showSetup = !this.link.ui.presenter;
    for (const message of this.link.notices) this.run.notify('warning', message);
    this.study = new StudyDataState(() => this.setup, this.data);
  }

  /** Starts following the setup: the URL and the loaded data (call during component initialisation). */
  connect(): void {
    syncLink(() => this.setup, this.ui);
    $effect(() => {
      void this.data.load($state.snapshot(this.setup.dataset) as DatasetSetup, this.setup.study.seed);
    });
    // Measured once the data has loaded: a probe that shares the cores with parsing a file runs slow,
    // so one that did is measured again. Parsing gets the cores: the next search's trainers stop
    // warming up until it is done.
    $effect(() => {
      if (this.data.loading) {
        this.machine.disturbed();
        untrack(() => this.run.restTrainers());
      } else this.machine.measureWhenIdle(this.setup.backend);
    });
    // The next search's trainers start once this machine is measured, while the page is idle; after a
    // search, once its results have been on screen for a while.
    $effect(() => {
      const measured = this.machine.for(this.setup.backend);
      const workers = this.setup.workers;
      const searching = this.run.active || (this.run.status === 'paused' && !this.run.hasPendingRestore);
      if (!measured || this.machine.measuring || this.data.loading || searching) return;
      let cancelIdle = () => {};
      const timer = setTimeout(
        () => {
          cancelIdle = whenIdle(() => this.run.warmTrainers(measured.backend, workers), { timeout: 5000 });
        },
        this.run.status === 'idle' ? 0 : REWARM_AFTER_SEARCH_MS,
      );
      return () => {
        clearTimeout(timer);
        cancelIdle();
      };
    });
  }

  /** The setup Start runs, as plain data: under a time budget, its study fitted to the time. */
  private get runSetup(): ExperimentSetup {
    // The study is the estimate's (already plain): only the rest is snapshotted.
    const { study: _edited, ...rest } = this.setup;
    return { ...($state.snapshot(rest) as Omit<ExperimentSetup, 'study'>), study: this.estimate.study };
  }

  readonly datasetName = $derived.by(() => {
    const source = this.setup.dataset.source;
    return source.kind === 'csv' ? source.fileName : (catalogueEntry(source.id)?.name ?? source.id);
  });

  readonly spaceError = $derived.by(() => {
    try {
      validateSpace(this.setup.study.space);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  });

  /** Why Start cannot run now, or undefined when it can. */
  readonly disabledReason = $derived(
    this.data.loading
      ? 'Loading the dataset…'
      : this.data.error
        ? 'Choose a dataset that loads first.'
        : !this.data.dataset
          ? 'Choose a dataset first.'
          : this.spaceError
            ? `Fix the search space: ${this.spaceError}`
            : undefined,
  );

  /** What is saved with a study besides its setup. */
  private get meta() {
    return {
      datasetName: this.datasetName,
      csvFile: this.setup.dataset.source.kind === 'csv' ? this.data.userCsv?.file : undefined,
      dataset: this.study.loaded,
    };
  }

  /** Opens a guided lesson as its link would: the lesson's setup, and its panel. */
  openLesson = (id: string): void => {
    if (this.run.active) return;
    const link = readLink(`#lesson=${encodeURIComponent(id)}`);
    this.setup = link.setup;
    this.ui.lesson = link.ui.lesson;
    for (const message of link.notices) this.run.notify('warning', message);
  };

  closeLesson = (): void => {
    this.ui.lesson = undefined;
  };

  togglePresenter = (): void => {
    this.ui.togglePresenter();
    this.showSetup = !this.ui.presenter;
  };

  start = (): void => {
    if (!this.data.dataset || this.disabledReason) return;
    if (
      this.run.hasPendingRestore &&
      !confirm('Start a new search? The restored study stays saved in its exports only.')
    )
      return;
    this.study.recordRun();
    void this.run.start(
      this.runSetup,
      this.data.dataset,
      this.meta,
      undefined,
      false,
      this.estimate.estimate,
    );
  };

  step = (): void => {
    if (!this.data.dataset) return;
    if (!this.run.active && this.run.status !== 'paused') this.study.recordRun();
    void this.run.step(this.runSetup, this.data.dataset, this.meta);
  };

  resume = (): void => void this.run.resume(this.data.dataset);

  /** Takes the data-budget suggestion for a long search: its R, epochs on each share and max trials. */
  useDataBudget = (): void => {
    const suggested = this.estimate.suggestion?.settings;
    if (!suggested) return;
    const { maxEpochs, epochs, maxTrials } = suggested.tuner;
    this.setup.study.budget = 'data';
    Object.assign(this.setup.study.tuner, { maxEpochs, epochs, maxTrials });
  };

  chooseFile = (file: File): void => {
    const csv = this.data.readFile(file);
    if (csv) this.setup.dataset = withSource(this.setup.dataset, { kind: 'csv', fileName: csv.fileName });
  };

  /** Puts back the data setup the study on screen ran on (its own file, when the user picks one). */
  loadStudyData = (file?: File): void => {
    const wanted = this.study.current?.setup;
    if (!wanted) return;
    if (file) {
      const csv = this.data.readFile(file);
      if (!csv) return;
      this.setup.dataset = { ...structuredClone(wanted), source: { kind: 'csv', fileName: csv.fileName } };
    } else {
      // The same data set up differently keeps its source (a CSV may have been renamed).
      const source = wanted.source.kind === 'csv' ? this.setup.dataset.source : wanted.source;
      this.setup.dataset = { ...structuredClone(wanted), source };
    }
  };

  importResults = async (file: File): Promise<void> => {
    const parsed = parseResultsJson(await file.text());
    if (!parsed.ok) return this.run.notify('error', `${file.name} could not be imported: ${parsed.error}`);
    const { state, meta: imported } = parsed.value;
    this.setup.study = state.settings;
    this.run.show(
      {
        id: `import-${Date.now()}`,
        createdAt: Date.now(),
        updatedAt: Date.now(),
        datasetName: imported.datasetName,
        setup: $state.snapshot(this.setup) as ExperimentSetup,
        dataset: imported.data?.identity,
      },
      [state],
      false,
      'import',
    );
    this.study.current = imported.data ? { ...imported.data, origin: 'import' } : { origin: 'import' };
    this.run.notify(
      'info',
      `Showing ${file.name}: ${plural(state.trials.length, 'trial')} on ${imported.datasetName}.${imported.data ? '' : ' The file does not say which data it used (an older version wrote it), so it cannot be checked against the data loaded here.'}`,
    );
  };

  share = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(location.href);
      this.run.notify('info', 'Link copied: it opens this exact setup.');
    } catch {
      this.run.notify('info', `Copy this link to share the setup: ${location.href}`);
    }
  };

  /** After a reload, the last study is back (an unfinished one waits for Resume); says which file it brought back. */
  async restore(): Promise<void> {
    const linkFile = this.link.localFile?.fileName;
    const found = await restorableStudy(
      $state.snapshot(this.setup) as ExperimentSetup,
      linkFile,
      isBareLink(),
    );
    if (found) {
      if (found.file) this.data.userCsv = found.file;
      this.setup = found.setup;
      this.study.current = found.saved.dataset
        ? { identity: found.saved.dataset, setup: found.saved.setup.dataset, origin: 'restore' }
        : undefined;
      this.run.show(
        found.saved,
        found.states,
        found.states.some((s) => !s.done),
        'restore',
      );
    }
    if (this.link.localFile && found?.linkedFile?.fileName !== this.link.localFile.fileName)
      this.run.notify('warning', this.link.localFile.notice);
  }
}
