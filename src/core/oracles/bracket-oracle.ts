import { BracketRunner } from './bracket-runner';
import { DistinctSampler, EXHAUSTED } from './distinct-sampler';
import type { PlanBracket } from './hyperband-plan';
import { TrialLedger } from './trial-ledger';
import type { Oracle, OracleContext, Proposal } from './types';

/**
 * Runs brackets in the given order (Hyperband's sweep, or successive halving's single bracket).
 * Older brackets go first; while every started bracket waits for stragglers, the next bracket starts
 * so parallel workers stay busy (as Keras Tuner does). New configs are never repeated across brackets.
 */
export function createBracketOracle(
  ctx: OracleContext,
  brackets: PlanBracket[],
  finishedReason: string,
): Oracle {
  const sampler = new DistinctSampler(ctx.space, ctx.rng);
  const ledger = new TrialLedger(ctx.settings.maxTrials);
  let ranOut = false;
  const sources = {
    sample: () => {
      const config = ranOut ? undefined : sampler.next();
      if (!config) ranOut = true;
      return config;
    },
    issueId: (id: string) => ledger.issueId(id),
  };
  let started = 0;
  let firstId = 0;
  let active: BracketRunner[] = [];
  const owners = new Map<string, BracketRunner>();

  const propose = (runner: BracketRunner): Proposal | undefined => {
    const trial = runner.next();
    if (!trial) return undefined;
    owners.set(trial.id, runner);
    return { kind: 'trial', trial };
  };

  return {
    ask() {
      active = active.filter((runner) => !runner.finished);
      const allStarted = started === brackets.length || ranOut;
      if (active.length === 0 && allStarted)
        return { kind: 'done', reason: ranOut ? EXHAUSTED : finishedReason };
      if (ledger.full) return ledger.whenFull();
      for (const runner of active) {
        const proposal = propose(runner);
        if (proposal) return proposal;
      }
      while (started < brackets.length && !ranOut) {
        const { bracket, rounds } = brackets[started++];
        const runner = new BracketRunner(bracket, rounds, sources, firstId);
        firstId += BracketRunner.size(rounds);
        active.push(runner);
        const proposal = propose(runner);
        if (proposal) return proposal;
      }
      // Only a bracket that found no new config at all can have finished here.
      return active.some((runner) => !runner.finished)
        ? { kind: 'wait' }
        : { kind: 'done', reason: EXHAUSTED };
    },
    tell(trialId, outcome) {
      ledger.report(trialId);
      owners.get(trialId)?.tell(trialId, outcome);
    },
    canBePromoted(trialId) {
      return !ledger.full && (owners.get(trialId)?.canBePromoted(trialId) ?? false);
    },
  };
}
