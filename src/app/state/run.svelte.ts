/** The search as the page sees it: a thin client of the tuner worker, turning its events into rune state. */
import * as Comlink from 'comlink';
import type { ExperimentSetup } from '../../core/experiment';
import { isRace, raceLanes } from '../../core/race';
import { bestTrial, type StudySettings, type StudyState, type Trial } from '../../core/study';
import type { DatasetIdentity } from '../../data/identity';
import type { EncodedDataset } from '../../data/types';
import type {
  BackendInfo,
  BackendName,
  BackendPreference,
  Measurement,
  Evaluation,
  Progress,
  RunStatus,
  TunerEvent,
} from '../../workers/protocol';
import type { SavedStudy } from '../../storage/study-store';
import type { TunerWorkerApi } from '../../workers/tuner.worker';
import { connectTuner } from '../../workers/tuner-client';
import type { WorkerClient } from '../../workers/worker-client';
import type { EpochReport } from '../../train/types';
import type { TimeEstimate } from '../../core/estimate';
import { nextFrameDone } from '../after-frame';
import { pageBusy } from '../page-busy';
import { formatCount } from '../components/format';
import type { MachineState } from './machine.svelte';
import { beginStep, endAll, followEvent, type StartupStep } from './startup';
import { emptyLane, withEpochs, withTrial, type Lane } from './lanes';
import { ShownEvents } from './shown-events';
import { hardwareConcurrency } from './url-sync.svelte';

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** What is saved with a study besides its setup: the dataset's name, the user's CSV, its identity. */
export interface StudyMeta {
  datasetName: string;
  csvFile?: Blob;
  dataset?: DatasetIdentity;
}

interface PendingRestore {
  saved: SavedStudy;
  state: StudyState;
}

/** How often the page shows what the tuner sent (ms): about as often as a live chart may redraw. */
const SHOW_INTERVAL_MS = 250;
/**
 * With more trainers than cores, each batch of events is announced this long before it is shown, so
 * trainers that make way for the page have done so when it draws (ShownEvents). With no more trainers
 * than cores it is not: the page then has a core, and the trainers' pause would slow the search.
 */
const ANNOUNCE_LEAD_MS = 24;
const NO_TRIALS: Trial[] = [];
const NO_EPOCHS: Record<string, EpochReport[]> = {};

let noticeIds = 0;

export class RunState {
  status = $state<RunStatus>('idle');
  reason = $state<string | undefined>();
  progress = $state.raw<Progress | undefined>();
  backends = $state.raw<BackendInfo[]>([]);
  /** The studies on screen: one, or one per tuner in a race. */
  lanes = $state.raw<Lane[]>([]);
  /** The lane the charts, leaderboard and exports show. */
  selectedLane = $state(0);
  notices = $state<Notice[]>([]);
  studyId = $state<string | undefined>();
  /** The name of the dataset the study on screen ran on. */
  datasetName = $state<string | undefined>();
  /** The encoded dataset a study started in this page runs on (unknown for a restored or imported one). */
  studyDataset = $state.raw<EncodedDataset | undefined>();
  /** A saved study loaded after a reload, waiting for Resume. */
  private pending: PendingRestore | undefined;
  /** A study shown without a live tuner (restored or imported). */
  private viewed: StudyState[] | undefined;
  /** Where the study on screen without a live tuner came from. */
  viewedFrom = $state<'restore' | 'import' | undefined>();
  private client: WorkerClient<TunerWorkerApi> | undefined;
  /** Between Start and the first finished trial: what is being done (measured, sent, started…). */
  startup = $state.raw<StartupStep[]>([]);
  /** performance.now() when Start was pressed, and when `progress` last came: the clock ticks from them. */
  startedAt = $state<number | undefined>();
  progressAt = $state(0);
  /** The estimate the search started with: the time left until the first epochs are timed. */
  expected = $state.raw<TimeEstimate | undefined>();
  /** Bumped by a Stop before the tuner has the search: the start that was waiting gives up. */
  private startGeneration = 0;
  private workersWanted = 1;

  constructor(private readonly machine?: MachineState) {}

  get active(): boolean {
    return this.status === 'running' || this.status === 'pausing' || this.status === 'stopping';
  }

  get isRace(): boolean {
    return this.lanes.length > 1;
  }

  /**
   * Derived, not getters: each event replaces `lanes`, and a derived value that keeps its identity
   * (the trials, when only epochs came) does not make what reads it run again.
   */
  private readonly lane = $derived(this.lanes[this.selectedLane] ?? this.lanes[0]);
  readonly trials = $derived(this.lane?.trials ?? NO_TRIALS);
  /** Epochs streamed so far for the running trials of the lane on screen. */
  readonly live = $derived(this.lane?.live ?? NO_EPOCHS);
  readonly bestId = $derived(this.lane?.bestId);
  /** The settings of the study on screen (not the ones being edited). */
  readonly settings = $derived(this.lane?.settings);
  readonly best = $derived(this.trials.find((t) => t.id === this.bestId));

  notify(level: Notice['level'], message: string): void {
    this.notices = [...this.notices, { id: ++noticeIds, level, message }];
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  /**
   * Starts a new study (or continues a restored one when `restore` is given). `setup` is plain data (a
   * snapshot, or a saved study's): copied with one structuredClone each, where `$state.snapshot`
   * structured-cloned every number and string in it (3–5 ms of the click's 19–22 ms task on Start).
   */
  async start(
    setup: ExperimentSetup,
    dataset: EncodedDataset,
    meta: StudyMeta,
    restore?: StudyState,
    paused = false,
    expected?: TimeEstimate,
  ): Promise<void> {
    // The search's first frames need the cores more than the trainers' warm-ups do.
    pageBusy.working();
    this.restTrainers();
    const generation = ++this.startGeneration;
    const startedAt = Date.now();
    const studyId = restore && this.pending ? this.pending.saved.id : crypto.randomUUID();
    const study: StudySettings = restore?.settings ?? structuredClone(setup.study);
    const race = restore || !isRace(setup.race) ? undefined : raceLanes(study, structuredClone(setup.race));
    this.reset(race ?? [study], studyId);
    this.studyDataset = dataset;
    this.datasetName = meta.datasetName;
    if (restore) for (const t of restore.trials) this.upsert(0, t);
    this.status = paused ? 'paused' : 'running';
    const saved = {
      createdAt: this.pending?.saved.createdAt ?? Date.now(),
      datasetName: meta.datasetName,
      setup: structuredClone(setup),
      csvFile: meta.csvFile,
      dataset: meta.dataset,
    };
    this.pending = undefined;
    this.expected = expected;
    this.startedAt = performance.now();
    this.workersWanted = Math.max(1, setup.workers);
    if (this.machine?.measuring) this.startup = beginStep([], 'measure', performance.now());
    // The click's task draws the page as running; the study goes to the workers (with a copy of the
    // whole dataset) in a later task, so the two do not add up to one long task.
    await nextFrameDone();
    if (generation !== this.startGeneration) return;
    const measured = await this.machine?.ready(setup.backend);
    if (generation !== this.startGeneration) return;
    const rows = formatCount(dataset.rows);
    this.startup = beginStep(
      this.startup,
      'send',
      performance.now(),
      `${rows} rows × ${dataset.features} features`,
    );
    await this.call((api) =>
      api.start(
        {
          studyId,
          study,
          dataset,
          workers: setup.workers,
          backend: setup.backend,
          known: measured && { backend: measured.backend, reason: measured.reason },
          startedAt,
          earlyStopping: setup.earlyStopping.enabled
            ? { ...this.earlyStoppingMetric(study), patience: setup.earlyStopping.patience }
            : undefined,
          race,
          restore,
          paused,
          saved,
        },
        Comlink.proxy((event: TunerEvent) => this.events.receive(event)),
      ),
    );
  }
  /**
   * Shows saved studies (one, or a race's lanes); an unfinished single study waits for Resume (or Step),
   * then continues where it was. A race is shown as it was left.
   */
  show(saved: SavedStudy, states: StudyState[], resumable: boolean, from: 'restore' | 'import'): void {
    this.reset(
      states.map((s) => s.settings),
      saved.id,
    );
    this.datasetName = saved.datasetName;
    this.lanes = states.map((state) => ({
      settings: state.settings,
      trials: state.trials,
      live: {},
      bestId: bestTrial(state.trials, state.settings.objective.direction)?.id,
    }));
    const single = states.length === 1;
    this.pending = resumable && single ? { saved, state: states[0] } : undefined;
    this.viewed = states;
    this.viewedFrom = from;
    this.status = this.pending ? 'paused' : 'done';
    this.reason = this.pending
      ? 'restored from this browser: press Resume to continue'
      : (states.map((s) => s.done).find(Boolean) ?? 'stopped before it finished');
  }

  get hasPendingRestore(): boolean {
    return this.pending !== undefined;
  }

  /** The study on screen was imported or restored: no tuner holds its trained models. */
  get viewedOnly(): boolean {
    return this.viewed !== undefined;
  }

  async resume(dataset?: EncodedDataset): Promise<void> {
    if (this.pending && dataset) return this.continuePending(dataset, false);
    await this.client?.call((api) => api.resume());
  }

  async step(setup: ExperimentSetup, dataset: EncodedDataset, meta: StudyMeta): Promise<void> {
    if (this.status === 'paused' && this.client && !this.pending)
      return this.client.call((api) => api.step());
    if (this.pending) await this.continuePending(dataset, true);
    else await this.start(setup, dataset, meta, undefined, true);
    await this.client?.call((api) => api.step());
  }

  /** Hands the restored study back to a tuner worker, running or paused. */
  private continuePending(dataset: EncodedDataset, paused: boolean): Promise<void> {
    const { saved, state } = this.pending!;
    return this.start(
      saved.setup,
      dataset,
      { datasetName: saved.datasetName, csvFile: saved.csvFile, dataset: saved.dataset },
      state,
      paused,
    );
  }

  /** The study on screen as plain JSON: live from the tuner, or the restored / imported one. */
  async studyState(): Promise<StudyState | undefined> {
    const lane = this.selectedLane;
    if (this.viewed) return this.viewed[lane];
    return (await this.client?.call((api) => api.snapshot(lane))) ?? undefined;
  }

  /** Measures this machine in a trainer the tuner keeps for the next search. */
  measureMachine(
    preference: BackendPreference,
    onProbe: (name: BackendName, index: number, of: number) => void,
  ): Promise<Measurement> {
    return this.call((api) => api.measureMachine(preference, Comlink.proxy(onProbe)));
  }

  /**
   * Has the tuner keep `count` trainers started on `backend` for the next search (called while the page
   * is idle): a search started then spawns no workers in the moments it is being drawn.
   */
  warmTrainers(backend: BackendName, count: number): void {
    this.connect();
    this.client!.call((api) => api.warm(backend, count)).catch(() => {});
  }

  /** Ends the kept trainers' warm-ups while a file loads: parsing it gets the cores. */
  restTrainers(): void {
    this.client?.call((api) => api.rest()).catch(() => {});
  }

  pause = () => void this.client?.call((api) => api.pause());

  stop = (): void => {
    if (this.startup.some((s) => s.id === 'measure' && s.endedAt === undefined)) {
      // Still waiting for this machine's measurement: the tuner has nothing to stop yet.
      this.startGeneration++;
      this.status = 'stopped';
      this.reason = 'stopped before the search began';
      this.startup = endAll(this.startup, performance.now());
      return;
    }
    void this.client?.call((api) => api.stop());
  };

  evaluateBest = (): Promise<Evaluation> => this.call((api) => api.evaluateBest(this.selectedLane));
  exportBestModel = () => this.call((api) => api.exportBestModel(this.selectedLane));
  decisionBoundary = (grid: { size: number; xRange: [number, number]; yRange: [number, number] }) =>
    this.call((api) => api.decisionBoundary(grid, this.selectedLane));
  decayExperiment = (epochs: number) => this.call((api) => api.decayExperiment(epochs, this.selectedLane));

  private earlyStoppingMetric(study: StudySettings) {
    return { metric: study.objective.metric, direction: study.objective.direction };
  }

  /** A call to the tuner worker (started if needed); it rejects, instead of hanging, if the worker dies. */
  private call<T>(run: (api: Comlink.Remote<TunerWorkerApi>) => Promise<T>): Promise<T> {
    this.connect();
    return this.client!.call(run);
  }

  private connect(): void {
    if (!this.client) {
      const client = connectTuner();
      client.ended.catch((error: Error) => {
        this.status = 'error';
        this.reason = `The search stopped: ${error.message}. Start it again to continue.`;
        this.notify('error', this.reason);
        this.client = undefined;
      });
      this.client = client;
    }
  }

  private reset(lanes: StudySettings[], studyId: string): void {
    this.events.drop();
    this.lanes = lanes.map(emptyLane);
    this.selectedLane = 0;
    this.studyId = studyId;
    this.progress = undefined;
    this.reason = undefined;
    this.backends = [];
    this.startup = [];
    this.startedAt = undefined;
    this.expected = undefined;
    this.viewed = undefined;
    this.viewedFrom = undefined;
    this.studyDataset = undefined;
  }

  private upsert(index: number, trial: Trial): void {
    const lane = this.lanes[index];
    if (lane) this.lanes = this.lanes.with(index, withTrial(lane, trial));
  }

  /** The tuner's events, shown at most every SHOW_INTERVAL_MS (see ShownEvents). */
  private readonly events = new ShownEvents<TunerEvent>(
    SHOW_INTERVAL_MS,
    (event, at) => this.onEvent(event, at),
    () => pageBusy.working(),
    () => (this.workersWanted > hardwareConcurrency() ? ANNOUNCE_LEAD_MS : 0),
    (inMs) => pageBusy.ahead(inMs),
  );

  private onEvent(event: TunerEvent, at: number): void {
    this.startup = followEvent(this.startup, event, at, {
      workers: this.workersWanted,
      ready: this.backends.filter(Boolean).length,
      lanes: this.lanes,
    });
    switch (event.type) {
      case 'phase':
        break;
      case 'trial':
        this.upsert(event.lane, event.trial);
        break;
      case 'epochs':
        this.lanes = withEpochs(this.lanes, event.items);
        break;
      case 'status':
        this.status = event.status;
        this.reason = event.reason;
        this.progress = event.progress;
        this.progressAt = performance.now();
        this.lanes = this.lanes.map((lane, i) => ({ ...lane, bestId: event.bestIds[i] }));
        break;
      case 'backend':
        this.backends = this.backends.toSpliced(event.worker, 1, event.info);
        break;
      case 'notice':
        this.notify(event.level, event.message);
        break;
    }
  }
}
