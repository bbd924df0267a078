import type { Config } from '../space/types';
import { DistinctSampler, EXHAUSTED } from './distinct-sampler';
import { floorDiv, keptOf, requireRungSettings, rungLadder } from './rungs-arithmetic';
import { TrialLedger } from './trial-ledger';
import { EPOCHS_ON_EACH_FRACTION, RUNG_SETTINGS } from './settings';
import type {
  AlgorithmDefinition,
  Oracle,
  OracleContext,
  OracleTrial,
  Proposal,
  TrialOrigin,
  TunerSettings,
} from './types';

export type AshaOptions = Pick<TunerSettings, 'maxEpochs' | 'factor' | 'minEpochs'>;

/** Rung budgets r·η^k ≤ R, plus R itself as the top rung when no power lands on it. */
export function ashaRungs({ maxEpochs, factor, minEpochs }: AshaOptions): number[] {
  requireRungSettings({ maxEpochs, factor, minEpochs });
  const rungs = rungLadder(minEpochs, factor, maxEpochs);
  if (rungs[rungs.length - 1] !== maxEpochs) rungs.push(maxEpochs);
  return rungs;
}

/**
 * How many of a rung's best results keep their checkpoints once it holds n results.
 * Exact ASHA would keep every checkpoint: a trial ranked just outside the top ⌊n/η⌋ enters it later
 * whenever enough worse results arrive (n grows, its rank does not), so any trial may be promoted one
 * day. To bound memory (at most 2n/η + η checkpoints per rung) we keep the top 2·⌊n/η⌋ + η — twice
 * the current quota, plus η so a rung's first results are not dropped before it has any quota — and
 * drop the rest for good: a dropped trial is never promoted, even if it later ranks inside the top 1/η.
 * Ranks only worsen as results arrive, so that takes the rung's result count more than doubling with
 * every new result worse than the dropped trial.
 */
export function ashaKeepLimit(resultsAtRung: number, factor: number): number {
  return 2 * floorDiv(resultsAtRung, factor) + factor;
}

interface RungTrial {
  id: string;
  config: Config;
  rung: number;
  running: boolean;
  loss: number;
  promoted: boolean;
  /** Fell out of the keep limit: its checkpoint may be gone, so it is never promoted. */
  dropped: boolean;
}

/**
 * Asynchronous successive halving (Li et al. 2020): a trial is promoted to the next rung as soon as it is
 * in the top ⌊n_k/η⌋ of the n_k results seen at its rung k; otherwise a new config starts at rung 0.
 * Higher rungs are served first. It only waits when nothing new can start: maxTrials is reached, or the
 * space is exhausted, while trials still run (their results may allow more promotions).
 */
export function createAsha(ctx: OracleContext): Oracle {
  const { factor } = ctx.settings;
  const rungs = ashaRungs(ctx.settings);
  const topRung = rungs.length - 1;
  const sampler = new DistinctSampler(ctx.space, ctx.rng);
  const ledger = new TrialLedger(ctx.settings.maxTrials);
  const trials = new Map<string, RungTrial>();
  /** Completed trials of each rung, best (lowest loss) first, ties in ask order. */
  const results: RungTrial[][] = rungs.map(() => []);
  let ranOut = false;

  const start = (config: Config, rung: number, parent?: RungTrial, origin?: TrialOrigin): Proposal => {
    const trial: RungTrial = {
      id: ledger.issueId(),
      config,
      rung,
      running: true,
      loss: NaN,
      promoted: false,
      dropped: false,
    };
    trials.set(trial.id, trial);
    const proposal: OracleTrial = {
      id: trial.id,
      config: { ...config },
      resource: rungs[rung],
      round: rung,
      origin: origin ?? { kind: 'random' },
    };
    if (parent) proposal.parentId = parent.id;
    return { kind: 'trial', trial: proposal };
  };

  /** The best trial of the rung's top ⌊n/η⌋ not promoted yet, with its rank there. */
  const promotable = (rung: number): { parent: RungTrial; origin: TrialOrigin } | undefined => {
    const of = results[rung].length;
    const keep = keptOf(of, factor);
    const rank = results[rung].slice(0, keep).findIndex((t) => !t.promoted && !t.dropped);
    return rank < 0
      ? undefined
      : { parent: results[rung][rank], origin: { kind: 'promoted', rank: rank + 1, of, keep } };
  };

  const record = (trial: RungTrial): void => {
    const rung = results[trial.rung];
    const at = rung.findIndex((t) => t.loss > trial.loss);
    rung.splice(at === -1 ? rung.length : at, 0, trial);
    for (const t of rung.slice(ashaKeepLimit(rung.length, factor))) t.dropped = true;
  };

  return {
    ask() {
      if (ledger.full) return ledger.whenFull();
      for (let rung = topRung - 1; rung >= 0; rung--) {
        const found = promotable(rung);
        if (found) {
          found.parent.promoted = true;
          return start(found.parent.config, rung + 1, found.parent, found.origin);
        }
      }
      const config = ranOut ? undefined : sampler.next();
      if (config) return start(config, 0);
      ranOut = true;
      return ledger.runningCount > 0 ? { kind: 'wait' } : { kind: 'done', reason: EXHAUSTED };
    },
    tell(trialId, outcome) {
      ledger.report(trialId);
      const trial = trials.get(trialId) as RungTrial;
      trial.running = false;
      if (outcome.status === 'completed' && Number.isFinite(outcome.loss)) {
        trial.loss = outcome.loss as number;
        record(trial);
      }
    },
    canBePromoted(trialId) {
      const trial = trials.get(trialId);
      if (!trial || ledger.full || trial.rung === topRung || trial.promoted || trial.dropped) return false;
      return trial.running || !Number.isNaN(trial.loss);
    },
  };
}

export const asha: AlgorithmDefinition = {
  id: 'asha',
  label: 'ASHA',
  explanation:
    'Asynchronous successive halving: promotes a trial as soon as it ranks in the top 1/factor of its rung.',
  multiFidelity: true,
  settings: [...RUNG_SETTINGS, { key: 'minEpochs', group: 'budget' }, EPOCHS_ON_EACH_FRACTION],
  create: createAsha,
  plan: ({ tuner }) => ({ kind: 'rungs', rungs: ashaRungs(tuner) }),
  orderDependence:
    'ASHA promotes a trial as soon as it ranks in the top 1/η of the results that have arrived, so which trials climb depends on which finish first.',
};
