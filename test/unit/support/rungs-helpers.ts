import { Rng } from '../../../src/core/rng';
import type { SearchSpace } from '../../../src/core/space/types';
import { defaultTunerSettings } from '../../../src/core/oracles/settings';
import {
  type Oracle,
  type OracleContext,
  type OracleTrial,
  type Proposal,
  type TrialOutcome,
  type TunerSettings,
} from '../../../src/core/oracles/types';

/** Shared by the multi-fidelity oracle tests. */
export const twoParamSpace: SearchSpace = {
  params: [
    { kind: 'float', name: 'x', min: 0, max: 1 },
    { kind: 'choice', name: 'c', values: ['a', 'b', 'c'] },
  ],
};

/** Only three distinct configs. */
export const tinySpace: SearchSpace = { params: [{ kind: 'choice', name: 'c', values: ['a', 'b', 'c'] }] };

export function context(settings: Partial<TunerSettings>, seed = 1, space = twoParamSpace): OracleContext {
  return { space, settings: { ...defaultTunerSettings, maxTrials: 10_000, ...settings }, rng: new Rng(seed) };
}

export function askTrial(oracle: Oracle): OracleTrial {
  const proposal = oracle.ask();
  if (proposal.kind !== 'trial') throw new Error(`expected a trial, got ${JSON.stringify(proposal)}`);
  return proposal.trial;
}

/** Lower x is better; more epochs help a little, so losses at different rungs stay comparable. */
export function lossOf(trial: OracleTrial): number {
  return (trial.config.x as number) + 1 / trial.resource;
}

export const completed = (loss: number): TrialOutcome => ({ status: 'completed', loss });

/** One worker: ask, train, tell, until the oracle stops proposing. */
export function runSequentially(
  oracle: Oracle,
  outcome: (trial: OracleTrial) => TrialOutcome = (t) => completed(lossOf(t)),
): { trials: OracleTrial[]; end: Proposal } {
  const trials: OracleTrial[] = [];
  for (;;) {
    const proposal = oracle.ask();
    if (proposal.kind !== 'trial') return { trials, end: proposal };
    trials.push(proposal.trial);
    oracle.tell(proposal.trial.id, outcome(proposal.trial));
    if (trials.length > 100_000) throw new Error('the oracle never stops');
  }
}

/** Epochs actually trained: a promoted trial resumes from its parent's resource. */
export function epochsTrained(trials: OracleTrial[]): number {
  const byId = new Map(trials.map((t) => [t.id, t]));
  return trials.reduce((sum, t) => sum + t.resource - (t.parentId ? byId.get(t.parentId)!.resource : 0), 0);
}
