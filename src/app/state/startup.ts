/**
 * What happens between Start and the first finished trial, step by step, with when each began and
 * ended: the run card names the step under way and how far it is. Steps can overlap (the backends
 * are measured while the workers start); a step that begins ends the ones it follows.
 */
import { backendLabel } from '../../core/experiment';
import type { StudySettings, Trial } from '../../core/study';
import type { TunerEvent } from '../../workers/protocol';

export type StartupStepId = 'measure' | 'send' | 'save' | 'workers' | 'backends' | 'first';

export interface StartupStep {
  id: StartupStepId;
  label: string;
  /** How far it is: "2 of 4", "epoch 3 of 10". */
  detail?: string;
  /** performance.now() of the page. */
  startedAt: number;
  endedAt?: number;
}

export const STARTUP_LABELS: Record<StartupStepId, string> = {
  measure: "Measuring this machine's backends",
  send: 'Sending the data to the tuner',
  save: 'Saving the study in this browser',
  workers: 'Starting the trainer workers and sending them the data',
  backends: 'Measuring the backends',
  first: 'Training the first trial',
};

/** The steps each one ends when it begins. */
const ENDS: Record<StartupStepId, StartupStepId[]> = {
  measure: [],
  send: ['measure'],
  save: ['send'],
  workers: ['save'],
  backends: [],
  first: ['measure', 'send', 'save', 'workers', 'backends'],
};

const ended = (step: StartupStep, now: number): StartupStep =>
  step.endedAt === undefined ? { ...step, endedAt: now } : step;

export function beginStep(
  steps: readonly StartupStep[],
  id: StartupStepId,
  now: number,
  detail?: string,
): StartupStep[] {
  const closed = steps.map((s) => (ENDS[id].includes(s.id) ? ended(s, now) : s));
  const open = closed.find((s) => s.id === id);
  if (open) return closed.map((s) => (s === open ? { ...s, detail: detail ?? s.detail } : s));
  return [...closed, { id, label: STARTUP_LABELS[id], detail, startedAt: now }];
}

export const setDetail = (steps: readonly StartupStep[], id: StartupStepId, detail: string): StartupStep[] =>
  steps.map((s) => (s.id === id ? { ...s, detail } : s));

export const endStep = (steps: readonly StartupStep[], id: StartupStepId, now: number): StartupStep[] =>
  steps.map((s) => (s.id === id ? ended(s, now) : s));

export const endAll = (steps: readonly StartupStep[], now: number): StartupStep[] =>
  steps.map((s) => ended(s, now));

/** Steps still under way, the latest first: what the run card names. */
export const current = (steps: readonly StartupStep[]): StartupStep[] =>
  steps.filter((s) => s.endedAt === undefined).reverse();

/** True once every step has ended (the first trial finished, or the search stopped). */
export const startedUp = (steps: readonly StartupStep[]): boolean =>
  steps.length > 0 && steps.every((s) => s.endedAt !== undefined);

export interface StartupContext {
  /** Trainer workers the search starts, and how many have reported their backend so far. */
  workers: number;
  ready: number;
  lanes: readonly { settings: StudySettings; trials: readonly Trial[] }[];
}

/** The steps after a tuner event: they all end with the first finished trial (or the search's end). */
export function followEvent(
  steps: readonly StartupStep[],
  event: TunerEvent,
  now: number,
  context: StartupContext,
): StartupStep[] {
  if (steps.length === 0 || startedUp(steps)) return [...steps];
  const ready = (n: number) => `${n} of ${context.workers} ready`;
  switch (event.type) {
    case 'phase': {
      const { phase } = event;
      if (phase.step === 'saving') return beginStep(steps, 'save', now);
      if (phase.step === 'workers') {
        const waiting = Math.min(phase.waiting ?? 0, context.workers);
        return beginStep(steps, 'workers', now, waiting ? `${waiting} already started` : ready(0));
      }
      return beginStep(
        steps,
        'backends',
        now,
        `${backendLabel(phase.probing)}, ${phase.index + 1} of ${phase.of}`,
      );
    }
    case 'backend': {
      const count = Math.min(context.ready + 1, context.workers);
      const next = setDetail(endStep(steps, 'backends', now), 'workers', ready(count));
      return count >= context.workers ? beginStep(next, 'first', now) : next;
    }
    case 'epochs': {
      const last = event.items[event.items.length - 1];
      const lane = last && context.lanes[last.lane];
      const trial = lane?.trials.find((t) => t.id === last.trialId);
      if (!trial) return [...steps];
      const of = lane.settings.budget === 'data' ? lane.settings.tuner.epochs : trial.resource;
      return setDetail(steps, 'first', `trial ${trial.id}, epoch ${last.report.epoch} of ${of}`);
    }
    case 'trial':
      return event.trial.state === 'running' || event.trial.state === 'pending'
        ? [...steps]
        : endAll(steps, now);
    case 'status':
      return ['running', 'pausing', 'paused'].includes(event.status) ? [...steps] : endAll(steps, now);
    default:
      return [...steps];
  }
}
