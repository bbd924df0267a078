import { CategoricalParzen, NumericalParzen, OPTUNA_PARZEN_DEFAULTS, optunaGamma } from '../math/parzen';
import { completeConfig, fromUnit, paramValues, toUnit, tunableParams } from '../space';
import type { Config, Param, ParamValue } from '../space/types';
import type { Rng } from '../rng';
import { distinctConfigsPlan } from './flat-plan';
import { EPOCHS_PER_TRIAL, startupShare } from './settings';
import type { AlgorithmDefinition, Oracle, OracleContext, PlanInput, TrialOrigin } from './types';
import { TrialHistory, type CompletedTrial } from './trial-history';

/**
 * Optuna's TPESampler with its defaults (multivariate=False): after `initialPoints` random trials
 * (default 10) the completed trials are split into the best γ(n) = min(⌈0.1·n⌉, 25) and the rest;
 * for each parameter in turn, Parzen estimators l (good) and g (rest) are fitted, `eiCandidates`
 * values (default 24) are drawn from l, and the one maximising log l − log g is kept.
 *
 * - Int and float parameters are modelled on their unit-cube coordinate (which follows log or
 *   reverse_log sampling, as Optuna's log domain does); drawn values are snapped to the parameter's
 *   steps before they are scored. Choice and boolean parameters are categorical.
 * - A conditional parameter's estimators use only the trials where it was active, and it is sampled
 *   only when the values already chosen for its parents activate it.
 * - Running trials are not observations (Optuna's default without constant_liar); failed ones neither.
 * - A model draw that repeats an earlier config is redrawn a few times, then replaced by a random unseen config.
 */

/** Model draws tried before falling back to a random unseen config. */
const MODEL_ATTEMPTS = 10;

interface Groups {
  good: CompletedTrial[];
  bad: CompletedTrial[];
}

/** The best γ(n) trials and the rest, each kept in proposal order (Optuna's weights depend on it). */
function splitByLoss(completed: readonly CompletedTrial[]): Groups {
  const order = completed.map((_, i) => i).sort((a, b) => completed[a].loss - completed[b].loss || a - b);
  const good = new Set(order.slice(0, optunaGamma(completed.length)));
  return {
    good: completed.filter((_, i) => good.has(i)),
    bad: completed.filter((_, i) => !good.has(i)),
  };
}

function isCategorical(p: Param): boolean {
  return p.kind === 'choice' || p.kind === 'boolean';
}

/** The value of `p` maximising log l − log g among `candidates` draws from l. */
function sampleParam(p: Param, groups: Groups, candidates: number, rng: Rng): ParamValue {
  const activeIn = (trials: CompletedTrial[]) =>
    trials.filter((t) => p.name in t.config).map((t) => t.config[p.name]);
  const good = activeIn(groups.good);
  const bad = activeIn(groups.bad);
  let bestValue: ParamValue | undefined;
  let bestScore = -Infinity;
  if (isCategorical(p)) {
    const choices = paramValues(p) as ParamValue[];
    const index = (v: ParamValue) => Math.max(0, choices.indexOf(v));
    const l = CategoricalParzen.fit(good.map(index), choices.length, OPTUNA_PARZEN_DEFAULTS);
    const g = CategoricalParzen.fit(bad.map(index), choices.length, OPTUNA_PARZEN_DEFAULTS);
    for (let i = 0; i < candidates; i++) {
      const c = l.sample(rng);
      const score = l.logPdf(c) - g.logPdf(c);
      if (bestValue === undefined || score > bestScore) [bestValue, bestScore] = [choices[c], score];
    }
  } else {
    const unit = (v: ParamValue) => toUnit(p, v);
    const l = NumericalParzen.fit(good.map(unit), OPTUNA_PARZEN_DEFAULTS);
    const g = NumericalParzen.fit(bad.map(unit), OPTUNA_PARZEN_DEFAULTS);
    for (let i = 0; i < candidates; i++) {
      const value = fromUnit(p, l.sample(rng));
      const u = toUnit(p, value);
      const score = l.logPdf(u) - g.logPdf(u);
      if (bestValue === undefined || score > bestScore) [bestValue, bestScore] = [value, score];
    }
  }
  return bestValue as ParamValue;
}

/** Unless set: Optuna's n_startup_trials, 10, but never more than a third of max trials (at least 3). */
export const tpeInitialTrials = ({ tuner }: Pick<PlanInput, 'tuner'>): number =>
  tuner.initialPoints || Math.min(10, startupShare(tuner));

export function createTpe(ctx: OracleContext): Oracle {
  const { space, settings, rng } = ctx;
  const params = tunableParams(space);
  const history = new TrialHistory(ctx);
  const startupTrials = tpeInitialTrials({ tuner: settings });
  const candidates = Math.max(1, settings.eiCandidates || 24);

  function modelConfig(groups: Groups): Config {
    const partial: Record<string, ParamValue> = {};
    let config = completeConfig(space, partial);
    for (const p of params) {
      if (!(p.name in config)) continue;
      partial[p.name] = sampleParam(p, groups, candidates, rng);
      config = completeConfig(space, partial);
    }
    return config;
  }

  function* modelDraws(): Generator<{ config: Config; origin: TrialOrigin }> {
    const groups = splitByLoss(history.completed());
    for (let i = 0; i < MODEL_ATTEMPTS; i++) yield { config: modelConfig(groups), origin: { kind: 'model' } };
  }

  return {
    ask() {
      const stop = history.stopReason();
      if (stop) return { kind: 'done', reason: stop };
      const observed = history.completed().length;
      if (observed === 0 || observed + history.pending().length < startupTrials)
        return history.proposeRandom();
      return history.proposeFirstNew(modelDraws());
    },
    tell: (trialId, outcome) => history.tell(trialId, outcome),
    canBePromoted: () => false,
  };
}

export const tpe: AlgorithmDefinition = {
  id: 'tpe',
  label: 'TPE',
  explanation:
    'Tree-structured Parzen estimator (Optuna): samples where good trials are dense and bad ones sparse.',
  multiFidelity: false,
  settings: [
    EPOCHS_PER_TRIAL,
    { key: 'initialPoints', group: 'algorithm' },
    { key: 'eiCandidates', group: 'algorithm' },
  ],
  create: createTpe,
  plan: distinctConfigsPlan,
  initialRandomTrials: tpeInitialTrials,
  orderDependence:
    'TPE proposes each trial from the results that have arrived, so its proposals depend on which trials finish first.',
};
