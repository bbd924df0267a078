/**
 * Why a trial is where it is, in plain words: how the tuner came to propose it (at random, from the grid,
 * from its model, or as a promotion and at which rank) and what became of it (promoted, stopped at its
 * rung, early-stopped, failed, still running). Only what the recorded trials and the plan say.
 */
import { ordinal, formatNumber, plural } from '../../core/format';
import { algorithmInfo } from '../../core/oracles/registry';
import { keptOf } from '../../core/oracles/rungs-arithmetic';
import type { TrialOrigin } from '../../core/oracles/types';
import type { StudySettings, Trial } from '../../core/study';
import {
  bracketName,
  nextRound,
  plannedRounds,
  roundOfNumber,
  trialsInRound,
  type PlannedRound,
} from './bracket-places';
import { seedingCount } from './seeding-words';
import {
  budgetWords,
  isScored,
  keepRuleWords,
  rankAmong,
  scoreWords,
  trialName,
  trialRef,
} from './trial-words';

export interface ExplainContext {
  settings: Pick<StudySettings, 'space' | 'tuner' | 'objective' | 'budget'>;
  trials: readonly Trial[];
  /** The search has ended (finished or stopped): nothing more will be promoted. */
  finished: boolean;
}

/** The explanation of one trial, as sentences: what became of it first, then how it was proposed. */
export function explainTrial(trial: Trial, ctx: ExplainContext): string[] {
  const { algorithm } = ctx.settings.tuner;
  if (algorithm === 'hyperband' || algorithm === 'successive-halving') {
    const rounds = plannedRounds(ctx.settings);
    const round = rounds && roundOfNumber(rounds, trial.number);
    if (rounds && round) return new BracketWords(ctx, rounds).explain(trial, round);
  }
  if (algorithm === 'asha') return new AshaWords(ctx).explain(trial);
  return new FlatWords(ctx).explain(trial);
}

/** What every tuner says the same way: failures, running trials, early stops, user stops. */
abstract class Words {
  constructor(protected readonly ctx: ExplainContext) {}

  protected get multiFidelity(): boolean {
    return algorithmInfo(this.ctx.settings.tuner.algorithm).multiFidelity;
  }

  protected budget(resource: number): string {
    return budgetWords(resource, this.ctx.settings, this.multiFidelity);
  }

  protected score(t: Trial): string {
    return scoreWords(t.score!, this.ctx.settings.objective);
  }

  protected byId(id: string | undefined): Trial | undefined {
    return id === undefined ? undefined : this.ctx.trials.find((t) => t.id === id);
  }

  protected childOf(t: Trial): Trial | undefined {
    return this.ctx.trials.find((c) => c.parentId === t.id);
  }

  /**
   * How a promoted trial starts: from its parent's checkpoint, unless the parent has none to give.
   * Said of the parent itself (`self`) or of the trial that continues it.
   */
  protected continuation(parent: Trial | undefined, self = false): string {
    if (this.multiFidelity && this.ctx.settings.budget === 'data')
      return 'retrained from scratch on more rows';
    if (parent && parent.state !== 'completed')
      return self
        ? 'from scratch: it ended early and left no checkpoint'
        : `from scratch (${trialRef(parent)} ended early and left no checkpoint)`;
    return 'from its checkpoint';
  }

  /**
   * The fate every tuner words alike (failed, running, stopped before scoring), or undefined when the
   * trial has a score to discuss. `subject` starts the sentence: the trial's name, or "It".
   */
  protected plainFate(t: Trial, where: string, subject: string): string | undefined {
    if (t.state === 'failed')
      return `${subject} failed${where}: ${t.reason ?? 'no reason was recorded'}. ${this.failedNote}`;
    if (t.state === 'running' || t.state === 'pending') {
      const doing = t.state === 'running' ? 'training now' : 'waiting for a worker';
      // A rung names its budget; otherwise say how far the trial goes.
      return `${subject} is ${doing}${where || `, towards ${this.budget(t.resource)}`}.`;
    }
    if (!isScored(t))
      return `${subject} was stopped${where} before it reported ${this.ctx.settings.objective.metric} (${t.reason ?? 'no reason was recorded'}).`;
    return undefined;
  }

  protected get failedNote(): string {
    if (this.multiFidelity) return 'A failed trial scores nothing and is never promoted.';
    return this.ctx.settings.tuner.algorithm === 'bayesian' || this.ctx.settings.tuner.algorithm === 'tpe'
      ? 'A failed trial scores nothing, and the model leaves it out.'
      : 'A failed trial scores nothing.';
  }

  /** "It ended before its budget (early stopping at epoch 4: …)." for a scored, stopped trial. */
  protected earlyStop(t: Trial): string[] {
    if (t.state !== 'stopped' || !isScored(t)) return [];
    return [`It ended before its budget (${t.reason ?? 'stopped'}); the score it reached still counts.`];
  }
}

/** "the top 4 continue", "the best one continues". */
const goOn = (keep: number, many: string, one: string): string =>
  keep === 1 ? `the best one ${one}` : `the top ${keep} ${many}`;

/** Random search, grid search, Bayesian optimisation and TPE: every trial trains the same budget. */
class FlatWords extends Words {
  explain(t: Trial): string[] {
    const fate = this.plainFate(t, '', 'It');
    return [this.origin(t), ...(fate ? [fate] : [...this.earlyStop(t), this.outcome(t)])];
  }

  private origin(t: Trial): string {
    const name = trialName(t);
    const origin: TrialOrigin | undefined = t.origin;
    const { tuner, objective } = this.ctx.settings;
    switch (origin?.kind) {
      case 'grid':
        return `${name} is point ${t.number + 1} of the grid, which is tried in order.`;
      case 'model': {
        if (tuner.algorithm === 'tpe')
          return `${name} was proposed by TPE: drawn where the best trials so far are dense and the others sparse.`;
        if (!origin.predicted) return `${name} was proposed by the model.`;
        const { mean, sd } = this.predicted(origin.predicted);
        const why =
          tuner.acquisition === 'ei'
            ? 'the largest expected improvement over the best so far among the candidates it scored'
            : `the best optimistic bound (${formatNumber(mean)} ${objective.direction === 'max' ? '+' : '−'} ${formatNumber(tuner.beta, 3)} × ${formatNumber(sd, 2)}) among the candidates it scored`;
        return `${name} was proposed by the Gaussian process: predicted ${objective.metric} ${formatNumber(mean)} ± ${formatNumber(sd, 2)}, ${why}.`;
      }
      case 'random':
        if (origin.why === 'fallback')
          return `${name} was drawn at random: every configuration the model preferred had been tried already.`;
        if (origin.why === 'start') {
          const n = seedingCount(this.ctx.settings);
          return `${name} was drawn at random: one of the first ${plural(n, 'random trial')} that seed the model.`;
        }
        return `${name} was drawn at random from the search space, as every random-search trial is.`;
      default:
        return `${name} was proposed by ${algorithmInfo(tuner.algorithm).label}.`;
    }
  }

  /** The model predicts a loss; the user reads the objective (a maximised one is the negated loss). */
  private predicted(p: { loss: number; sd: number }): { mean: number; sd: number } {
    return { mean: this.ctx.settings.objective.direction === 'max' ? -p.loss : p.loss, sd: p.sd };
  }

  private outcome(t: Trial): string {
    const rank = rankAmong(t, this.ctx.trials, this.ctx.settings.objective)!;
    const scored = this.ctx.trials.filter(isScored).length;
    const epochs = t.executions[0]?.history.length ?? t.resource;
    return `It scored ${this.score(t)} after ${plural(epochs, 'epoch')}: ${ordinal(rank)} of the ${plural(scored, 'scored trial')}.`;
  }
}

/** Hyperband and successive halving: rounds decided once every trial of the round has reported. */
class BracketWords extends Words {
  constructor(
    ctx: ExplainContext,
    private readonly rounds: PlannedRound[],
  ) {
    super(ctx);
  }

  explain(t: Trial, round: PlannedRound): string[] {
    const where = this.rungName(round, t.resource);
    const fate = this.plainFate(t, ` at ${where}`, trialName(t)) ?? this.scoredFate(t, round, where);
    return [fate, ...this.earlyStop(t), this.origin(t)];
  }

  /** "rung 1 of bracket 2 (2 epochs)", or "rung 1 (2 epochs)" with a single bracket. */
  private rungName(round: PlannedRound, resource: number): string {
    const bracket = bracketName(round);
    return `rung ${round.round + 1}${bracket ? ` of ${bracket}` : ''} (${this.budget(resource)})`;
  }

  private scoredFate(t: Trial, round: PlannedRound, where: string): string {
    const name = trialName(t);
    const { objective, tuner } = this.ctx.settings;
    const next = nextRound(this.rounds, round);
    const child = this.childOf(t);
    if (child?.origin?.kind === 'promoted') {
      const { rank, of, keep } = child.origin;
      return `${name} was promoted at ${where}: ${this.score(t)} ranked ${ordinal(rank)} of ${of}, and ${goOn(keep, 'continue', 'continues')} to ${this.budget(child.resource)}. It continues as trial ${trialRef(child)}, ${this.continuation(t, true)}.`;
    }
    const peers = trialsInRound(this.ctx.trials, round);
    const rank = rankAmong(t, peers, objective)!;
    if (!next) {
      const last = round.rounds > 1 ? 'its last rung' : 'its only rung';
      return `${name} finished ${last}, ${where}: ${this.score(t)}, ${ordinal(rank)} of ${peers.length} there.`;
    }
    const upNext = trialsInRound(this.ctx.trials, next);
    const reported = peers.filter((p) => p.state !== 'running' && p.state !== 'pending');
    const decided = upNext.length > 0 || (reported.length === peers.length && peers.length >= round.models);
    if (decided) {
      const keep = Math.min(next.models, peers.filter(isScored).length);
      if (rank <= keep) {
        const then = this.ctx.finished
          ? 'but the search ended before it continued'
          : 'it continues when a worker is free';
        return `${name} was chosen to go on: ${this.score(t)} ranked ${ordinal(rank)} of ${peers.length} at ${where}, in the top ${keep}; ${then}.`;
      }
      const share = keep === keptOf(round.models, tuner.factor) ? ` (${round.models}/${tuner.factor})` : '';
      const only = keep === 1 ? `only the best one${share} goes on` : `only the top ${keep}${share} go on`;
      return `${name} stopped at ${where}: ${this.score(t)} ranked ${ordinal(rank)} of ${peers.length}; ${only}.`;
    }
    const waiting = this.ctx.finished
      ? 'the search ended before the rung was decided'
      : `once all ${round.models} trials of the rung have reported, ${goOn(next.models, 'go on', 'goes on')} to ${this.budget(next.epochs)}`;
    return `${name} finished ${where} with ${this.score(t)}, ${ordinal(rank)} of the ${plural(reported.filter(isScored).length, 'result')} so far; ${waiting}.`;
  }

  private origin(t: Trial): string {
    if (t.origin?.kind !== 'promoted') return 'It is a new configuration, drawn at random.';
    const parent = this.byId(t.parentId);
    const { rank, of, keep } = t.origin;
    const at = parent ? ` at ${this.budget(parent.resource)}` : '';
    const ref = parent ? trialRef(parent) : 'its parent';
    return `It continues trial ${ref} ${this.continuation(parent)}: ${ref} ranked ${ordinal(rank)} of ${of}${at}, and ${goOn(keep, 'went on', 'went on')}.`;
  }
}

/** ASHA: a trial is promoted as soon as it is in the top ⌊n/η⌋ of the n results at its rung. */
class AshaWords extends Words {
  explain(t: Trial): string[] {
    const where = this.rungName(t);
    const fate = this.plainFate(t, ` at ${where}`, trialName(t)) ?? this.scoredFate(t, where);
    return [fate, ...this.earlyStop(t), this.origin(t)];
  }

  private rungName(t: Trial): string {
    return `rung ${(t.round ?? 0) + 1} (${this.budget(t.resource)})`;
  }

  /** "the top ⌊9/3⌋ = 3", and with `verb` "… qualify". */
  private quota(of: number, keep: number, verb = true): string {
    const top = `the top ${keepRuleWords(of, this.ctx.settings.tuner.factor)}`;
    return verb ? `${top} ${keep === 1 ? 'qualifies' : 'qualify'}` : top;
  }

  private scoredFate(t: Trial, where: string): string {
    const name = trialName(t);
    const child = this.childOf(t);
    if (child?.origin?.kind === 'promoted') {
      const { rank, of, keep } = child.origin;
      return `${name} was promoted as soon as it ranked ${ordinal(rank)} of the ${plural(of, 'result')} at ${where}; ${this.quota(of, keep)}. Trial ${trialRef(child)} continues it to ${this.budget(child.resource)} ${this.continuation(t)}.`;
    }
    const peers = this.ctx.trials.filter((p) => p.round === t.round && isScored(p));
    const rank = rankAmong(t, peers, this.ctx.settings.objective)!;
    const score = `${this.score(t)}, ${ordinal(rank)} of the ${plural(peers.length, 'result')} there`;
    if (t.resource >= this.ctx.settings.tuner.maxEpochs)
      return `${name} reached the top rung, ${where}: ${score}.`;
    const keep = keptOf(peers.length, this.ctx.settings.tuner.factor);
    if (rank <= keep) {
      const then = this.ctx.finished
        ? 'but the search ended before it was promoted'
        : 'it is promoted when a worker is next free';
      return `${name} finished ${where} with ${score}: inside ${this.quota(peers.length, keep, false)}, ${then}.`;
    }
    const never = this.ctx.finished ? 'so it was never promoted' : 'so it has not been promoted (yet)';
    return `${name} finished ${where} with ${score}; ${this.quota(peers.length, keep)}, ${never}.`;
  }

  private origin(t: Trial): string {
    if (t.origin?.kind !== 'promoted')
      return 'It is a new configuration, drawn at random and started on the bottom rung.';
    const parent = this.byId(t.parentId);
    const { rank, of, keep } = t.origin;
    const ref = parent ? trialRef(parent) : 'its parent';
    const at = parent ? ` at rung ${(parent.round ?? 0) + 1}` : '';
    return `It continues trial ${ref} ${this.continuation(parent)}: ${ref} was promoted as soon as it ranked ${ordinal(rank)} of the ${plural(of, 'result')}${at}; ${this.quota(of, keep)}.`;
  }
}
