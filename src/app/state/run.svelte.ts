/** The search as the page sees it: a thin client of the tuner worker, turning its events into rune state. */
import * as Comlink from 'comlink';
import type { ExperimentSetup } from '../../core/experiment';
import { bestTrial, type StudySettings, type StudyState, type Trial } from '../../core/study';
import type { EncodedDataset } from '../../data/types';
import type { BackendInfo, Evaluation, Progress, RunStatus, TunerEvent } from '../../workers/protocol';
import type { SavedStudy } from '../../workers/study-store';
import type { TunerWorkerApi } from '../../workers/tuner.worker';
import { connectTuner } from '../../workers/tuner-client';
import type { WorkerClient } from '../../workers/worker-client';
import type { EpochReport } from '../../train/types';

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

interface PendingRestore {
  saved: SavedStudy;
  state: StudyState;
}

let noticeIds = 0;

export class RunState {
  status = $state<RunStatus>('idle');
  reason = $state<string | undefined>();
  progress = $state.raw<Progress | undefined>();
  backends = $state.raw<BackendInfo[]>([]);
  trials = $state.raw<Trial[]>([]);
  /** Epochs streamed so far for running trials (the current execution), by trial id. */
  live = $state.raw<Record<string, EpochReport[]>>({});
  bestId = $state<string | undefined>();
  notices = $state<Notice[]>([]);
  /** The settings of the study on screen (not the ones being edited). */
  settings = $state.raw<StudySettings | undefined>();
  studyId = $state<string | undefined>();
  /** A saved study loaded after a reload, waiting for Resume. */
  private pending: PendingRestore | undefined;
  /** A study shown without a live tuner (restored or imported). */
  private viewed: StudyState | undefined;
  private client: WorkerClient<TunerWorkerApi> | undefined;
  private dataset: EncodedDataset | undefined;

  get active(): boolean {
    return this.status === 'running' || this.status === 'pausing' || this.status === 'stopping';
  }

  get best(): Trial | undefined {
    return this.trials.find((t) => t.id === this.bestId);
  }

  notify(level: Notice['level'], message: string): void {
    this.notices = [...this.notices, { id: ++noticeIds, level, message }];
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  /** Starts a new study (or continues a restored one when `restore` is given). */
  async start(
    setup: ExperimentSetup,
    dataset: EncodedDataset,
    meta: { datasetName: string; csvText?: string },
    restore?: StudyState,
    paused = false,
  ): Promise<void> {
    const studyId = restore && this.pending ? this.pending.saved.id : crypto.randomUUID();
    const study: StudySettings = restore?.settings ?? $state.snapshot(setup.study);
    this.reset(study, studyId);
    this.dataset = dataset;
    if (restore) for (const t of restore.trials) this.upsert(t);
    this.status = paused ? 'paused' : 'running';
    const saved = {
      createdAt: this.pending?.saved.createdAt ?? Date.now(),
      datasetName: meta.datasetName,
      setup: $state.snapshot(setup) as ExperimentSetup,
      csvText: meta.csvText,
    };
    this.pending = undefined;
    await this.call((api) =>
      api.start(
        {
          studyId,
          study,
          dataset,
          workers: setup.workers,
          backend: setup.backend,
          earlyStopping: setup.earlyStopping.enabled
            ? { ...this.earlyStoppingMetric(study), patience: setup.earlyStopping.patience }
            : undefined,
          restore,
          paused,
          saved,
        },
        Comlink.proxy((event: TunerEvent) => this.onEvent(event)),
      ),
    );
  }
  /** Shows a saved study; an unfinished one waits for Resume (or Step), then continues where it was. */
  show(saved: SavedStudy, state: StudyState, resumable: boolean): void {
    this.reset(state.settings, saved.id);
    for (const t of state.trials) this.upsert(t);
    this.bestId = bestTrial(state.trials, state.settings.objective.direction)?.id;
    this.pending = resumable ? { saved, state } : undefined;
    this.viewed = state;
    this.status = resumable ? 'paused' : 'done';
    this.reason = resumable ? 'restored from this browser: press Resume to continue' : state.done;
  }

  get hasPendingRestore(): boolean {
    return this.pending !== undefined;
  }

  async resume(dataset?: EncodedDataset): Promise<void> {
    if (this.pending && dataset) return this.continuePending(dataset, false);
    await this.client?.call((api) => api.resume());
  }

  async step(
    setup: ExperimentSetup,
    dataset: EncodedDataset,
    meta: { datasetName: string; csvText?: string },
  ): Promise<void> {
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
      { datasetName: saved.datasetName, csvText: saved.csvText },
      state,
      paused,
    );
  }

  /** The study on screen as plain JSON: live from the tuner, or the restored / imported one. */
  async studyState(): Promise<StudyState | undefined> {
    if (this.viewed) return this.viewed;
    return (await this.client?.call((api) => api.snapshot())) ?? undefined;
  }

  pause = () => void this.client?.call((api) => api.pause());
  stop = () => void this.client?.call((api) => api.stop());

  evaluateBest = (): Promise<Evaluation> => this.call((api) => api.evaluateBest());
  exportBestModel = () => this.call((api) => api.exportBestModel());
  decisionBoundary = (grid: { size: number; xRange: [number, number]; yRange: [number, number] }) =>
    this.call((api) => api.decisionBoundary(grid));
  decayExperiment = (epochs: number) => this.call((api) => api.decayExperiment(epochs));

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

  private reset(settings: StudySettings, studyId: string): void {
    this.settings = settings;
    this.studyId = studyId;
    this.trials = [];
    this.live = {};
    this.bestId = undefined;
    this.progress = undefined;
    this.reason = undefined;
    this.backends = [];
    this.viewed = undefined;
  }

  private upsert(trial: Trial): void {
    const index = this.trials.findIndex((t) => t.id === trial.id);
    this.trials = index < 0 ? [...this.trials, trial] : this.trials.with(index, trial);
  }

  private onEvent(event: TunerEvent): void {
    switch (event.type) {
      case 'trial': {
        this.upsert(event.trial);
        if (event.trial.state !== 'running' && this.live[event.trial.id]) {
          const { [event.trial.id]: _finished, ...rest } = this.live;
          this.live = rest;
        }
        break;
      }
      case 'epochs': {
        const live = { ...this.live };
        for (const { trialId, report } of event.items) {
          const previous = live[trialId] ?? [];
          const last = previous[previous.length - 1];
          live[trialId] = last && report.epoch <= last.epoch ? [report] : [...previous, report];
        }
        this.live = live;
        break;
      }
      case 'status':
        this.status = event.status;
        this.reason = event.reason;
        this.progress = event.progress;
        this.bestId = event.bestId;
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
