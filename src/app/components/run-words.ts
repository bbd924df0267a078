/** Run status, progress and backends in words. */
import { backendLabel } from '../../core/experiment';
import type { BackendInfo, Progress, RunStatus } from '../../workers/protocol';
import { formatCount, formatDuration } from './format';

/** "Training on WASM — fastest in a measured probe (…)", or per backend when workers differ. */
export function describeBackends(backends: BackendInfo[]): string {
  if (backends.length === 0) return 'The backend is chosen when the search starts.';
  const groups = new Map<string, { count: number; reasons: Set<string> }>();
  for (const b of backends) {
    const g = groups.get(b.backend) ?? { count: 0, reasons: new Set<string>() };
    g.count++;
    if (b.reason) g.reasons.add(b.reason);
    groups.set(b.backend, g);
  }
  if (groups.size === 1) {
    const [[name, g]] = [...groups];
    const reasons = [...g.reasons].join('; ');
    return `Training on ${backendLabel(name)}${reasons ? ` — ${reasons}` : ''}`;
  }
  const parts = [...groups].map(([name, g]) => {
    const reasons = [...g.reasons].join('; ');
    return `${g.count} on ${backendLabel(name)}${reasons ? ` (${reasons})` : ''}`;
  });
  return `Training workers: ${parts.join(', ')}`;
}

/** Before Start: "Measured before Start: WASM — auto: wasm was fastest (…)". */
export const describeMeasured = (info: BackendInfo): string =>
  `Measured before Start: ${backendLabel(info.backend)}${info.reason ? ` — ${info.reason}` : ''}`;

const STATUS_WORDS: Record<RunStatus, string> = {
  idle: 'Ready to start.',
  running: 'Searching…',
  pausing: 'Pausing after the running trials finish their epoch…',
  paused: 'Paused. Resume, or run one step at a time.',
  stopping: 'Stopping…',
  stopped: 'Stopped.',
  done: 'Search finished.',
  error: 'The search stopped because of an error.',
};
export const describeStatus = (status: RunStatus): string => STATUS_WORDS[status];

/** Share of the planned work done, 0…100, by epochs when known, else by trials. */
export function percentDone(p: Progress): number {
  const fraction =
    p.epochsPlanned > 0
      ? p.epochsDone / p.epochsPlanned
      : p.trialsPlanned > 0
        ? p.trialsDone / p.trialsPlanned
        : 0;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}

export function describeProgress(p: Progress): string {
  return `${formatCount(p.trialsDone)} of ${formatCount(p.trialsPlanned)} trials, ${formatCount(p.epochsDone)} of ${formatCount(p.epochsPlanned)} epochs`;
}

/** The time left: measured from the epochs done, or (`byEstimate`) the estimate made before Start. */
export const describeEta = (etaMs: number | undefined, byEstimate = false): string =>
  etaMs === undefined
    ? 'time left: estimated after the first epoch'
    : `about ${formatDuration(etaMs)} left${byEstimate ? ' by the estimate' : ''}`;
