/**
 * The wall time of a whole search before it starts: the trials the study will train (simulated with
 * its own seed), each costed by the measured execution-time model for this backend and data shape,
 * fused as the scheduler fuses them, spread over the worker pool by its measured speed-up, plus the
 * workers' start-up. Scaled by this machine's probe when the page has timed one. A range says how
 * sure it is: the model's measured error and the spread of what promoted trials may cost.
 */
import type { BackendName } from '../experiment';
import { plannedWork } from '../planned-work';
import type { StudySettings } from '../study';
import { workerSpeedup, type BackendRates, type RateTable, type TrainingShape } from './execution-time';
import { groupFactors } from './companion-groups';
import { MEASURED_RATES } from './measured-rates';
import { simulateTrials } from './simulated-trials';
import { trialCosts } from './trial-costs';

/** The data as training sees it (k-fold: one fold's training and validation rows). */
export type DataShape = TrainingShape;

export interface EstimateContext {
  shape: DataShape;
  backend: BackendName;
  workers: number;
  /** The reference probe timed on this machine and backend (REFERENCE_PROBE), when the page has one. */
  probeMs?: number;
  /** Time still to spend choosing the backend at Start (0 when it was measured before). */
  chooseBackendMs?: number;
  rates?: RateTable;
}

export interface TimeEstimate {
  ms: number;
  /** A range the actual time should fall in (the model's error and promotions' spread). */
  lowMs: number;
  highMs: number;
  trials: number;
  /** Epochs over all the training rows (a data budget's rungs count as their share), executions included. */
  fullDataEpochs: number;
  /** Scaled by a probe of this machine (else: the rates as measured on the bench's machine). */
  measuredHere: boolean;
  /** This machine's probe time ÷ the bench machine's: above 1, slower here. */
  slowdown: number;
  backend: BackendName;
  /** The backend whose measured rates it used: its own, or WASM's scaled by a probe of `backend`. */
  ratesOf: BackendName;
  /** Of `ms`, the workers' start-up. */
  startupMs: number;
  /**
   * One search: each trial's share of the time by its id (a promoted trial's is the average of those
   * it may be), so the time left can be reckoned from the trials done.
   */
  trialMs?: Record<string, number>;
}

/** z for a one-sided 95% bound of the promotions' spread. */
const Z = 1.64;

interface Work {
  /** ms of training at the bench machine's rates on one worker. */
  ms: number;
  variance: number;
  trials: number;
  fullDataEpochs: number;
  /** Each simulated trial's ms, by id. */
  byTrial: Record<string, number>;
}

function searchWork(settings: StudySettings, context: EstimateContext, rates: BackendRates): Work {
  const { trials, truncated } = simulateTrials(settings);
  const executions = settings.executionsPerTrial;
  const costs = trialCosts(trials, rates, context.shape, executions, context.backend);
  const factors = groupFactors(costs, settings.tuner.algorithm, executions, context.workers, context.backend);
  const work: Work = {
    ms: 0,
    variance: 0,
    trials: trials.length,
    fullDataEpochs: trials.reduce((n, t) => n + t.epochs * t.dataFraction * executions, 0),
    byTrial: {},
  };
  costs.forEach((c, i) => {
    const ms = c.ms * factors[i] + rates.trialOverheadMs;
    work.ms += ms;
    work.variance += c.variance * factors[i] ** 2;
    work.byTrial[c.trial.id] = ms;
  });
  if (!truncated) return work;
  const planned = plannedWork(settings);
  const simulatedEpochs = trials.reduce((n, t) => n + t.epochs * executions, 0);
  const scale = simulatedEpochs > 0 ? planned.epochs / simulatedEpochs : 1;
  return {
    ...work,
    ms: work.ms * scale,
    variance: work.variance * scale,
    trials: planned.trials,
    fullDataEpochs: work.fullDataEpochs * scale,
  };
}

/**
 * Several searches on one pool, as a race runs its lanes (their work adds up; the workers start once).
 * Undefined when there are no rates for this backend.
 */
export function estimateSearches(
  searches: readonly StudySettings[],
  context: EstimateContext,
): TimeEstimate | undefined {
  const table = context.rates ?? MEASURED_RATES;
  // A backend the bench has no rates for: WASM's, scaled by this machine's probe of that backend.
  const ratesOf = table.backends[context.backend] || context.probeMs === undefined ? context.backend : 'wasm';
  const rates = table.backends[ratesOf];
  if (!rates) return undefined;
  const total: Work = { ms: 0, variance: 0, trials: 0, fullDataEpochs: 0, byTrial: {} };
  for (const settings of searches) {
    const work = searchWork(settings, context, rates);
    total.ms += work.ms;
    total.variance += work.variance;
    total.trials += work.trials;
    total.fullDataEpochs += work.fullDataEpochs;
    total.byTrial = work.byTrial;
  }
  const machine = context.probeMs !== undefined ? context.probeMs / rates.probeMs : 1;
  const pool = workerSpeedup(rates, Math.max(1, context.workers));
  const training = (total.ms * machine) / pool;
  const spread = (Z * Math.sqrt(total.variance) * machine) / pool;
  const startup = (rates.workerStartMs + rates.firstTrialExtraMs) * machine + (context.chooseBackendMs ?? 0);
  return {
    ms: training + startup,
    lowMs: startup + Math.max(0, training - spread) / rates.fitError,
    highMs: startup + (training + spread) * rates.fitError,
    trials: total.trials,
    fullDataEpochs: total.fullDataEpochs,
    measuredHere: context.probeMs !== undefined,
    slowdown: machine,
    backend: context.backend,
    ratesOf,
    startupMs: startup,
    ...(searches.length === 1 && {
      trialMs: Object.fromEntries(
        Object.entries(total.byTrial).map(([id, ms]) => [id, (ms * machine) / pool]),
      ),
    }),
  };
}

/** One search: what the race helper sums over its lanes is `estimateSearches`. */
export const estimateSearch = (settings: StudySettings, context: EstimateContext): TimeEstimate | undefined =>
  estimateSearches([settings], context);
