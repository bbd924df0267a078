/**
 * Which trial trains next. In a race of several studies (lanes) on one pool, a free trainer goes to the
 * lane that has committed the fewest epochs, so every tuner gets a fair share. In step mode only one
 * round runs (a Hyperband round, or one trial). For a tuner whose proposals do not depend on the order
 * results arrive, a trainer takes several proposals at once when the cost model fuses them: the lane's
 * own, then (a race repeated over seeds) those of the same tuner's other lanes.
 */
import type { BackendName } from '../core/experiment';
import { MEASURED_COSTS } from '../core/fusion/measured-costs';
import { canShareGroup, planGroups, type PlannedRequest } from '../core/fusion/plan-groups';
import { algorithmInfo } from '../core/oracles/registry';
import { plannedWork } from '../core/planned-work';
import type { Study, Trial } from '../core/study';

/** A proposed trial and the lane (the study, in a race of several) it belongs to. */
export interface LaneTrial {
  lane: number;
  trial: Trial;
}

/** The largest fused group (the cost tables go to 16). */
const MAX_GROUP = 16;

export interface LanePickerOptions {
  /** Fused groups may take trials of other lanes running the same order-free tuner (default true). */
  fuseAcrossLanes?: boolean;
}

export class LanePicker {
  /** Step mode: 'next' until the round is known, then its key; undefined when not stepping. */
  private stepRound: string | undefined;

  constructor(
    private readonly studies: readonly Study[],
    private readonly options: LanePickerOptions = {},
  ) {}

  get stepping(): boolean {
    return this.stepRound !== undefined;
  }

  startStep(): void {
    this.stepRound = 'next';
  }

  endStep(): void {
    this.stepRound = undefined;
  }

  /** The next trial to train, or 'blocked' when a step's round has no more trials to start now. */
  next(): LaneTrial | undefined | 'blocked' {
    return this.stepping ? this.nextInRound() : this.nextByShare();
  }

  /** Lanes in the order they get the next free trainer: fewest epochs committed first. */
  private lanesByShare(): number[] {
    return this.studies
      .map((study, lane) => ({ lane, committed: study.epochsCommitted }))
      .sort((a, b) => a.committed - b.committed || a.lane - b.lane)
      .map((l) => l.lane);
  }

  private nextByShare(): LaneTrial | undefined {
    for (const lane of this.lanesByShare()) {
      const next = this.studies[lane].next();
      if (next.kind === 'trial') return { lane, trial: next.trial };
    }
    return undefined;
  }

  /**
   * Step mode: only the target round runs. The target is the oracle's next proposal (it knows which
   * bracket comes first); trials deferred earlier join it when they belong to the same round. A trial of
   * another round is put back and ends the step.
   */
  private nextInRound(): LaneTrial | undefined | 'blocked' {
    const target = this.stepRound === 'next' ? undefined : this.stepRound;
    const lanes = target === undefined ? this.lanesByShare() : [Number(target.split(':')[0])];
    for (const lane of lanes) {
      const study = this.studies[lane];
      let trial = target === undefined ? undefined : study.nextRequeued((t) => roundKey(lane, t) === target);
      if (!trial) {
        const next = study.ask();
        trial =
          next.kind === 'trial'
            ? next.trial
            : target === undefined
              ? study.nextRequeued(() => true)
              : undefined;
        if (!trial) continue;
      }
      if (target === undefined) this.stepRound = roundKey(lane, trial);
      else if (roundKey(lane, trial) !== target) {
        study.requeue(trial.id);
        return 'blocked';
      }
      return { lane, trial };
    }
    return undefined;
  }

  /**
   * Trials that train with `first` on the same trainer, as one fused model: for a tuner whose proposals
   * do not depend on the order results arrive, the next proposals of its lane and then of the other lanes
   * running the same tuner (fewest epochs first) that could share a group with `first`, as many as make
   * even groups. The measured cost model plans them together: those in `first`'s fused group train with
   * it; the rest, and a lane's first proposal that cannot share a group, go back to the front of their
   * lane's queue in order. Which trials a lane proposes does not change, only which train together.
   */
  withCompanions(
    first: LaneTrial,
    backend: BackendName | undefined,
    trainersFree: number,
    requestOf: (t: LaneTrial) => PlannedRequest,
  ): LaneTrial[] {
    const study = this.studies[first.lane];
    if (!backend || this.stepping || algorithmInfo(study.settings.tuner.algorithm).orderDependence)
      return [first];
    const lanes = this.companionLanes(first.lane);
    // Every execution is a member of the group. The proposals left are cut into equal groups, as few
    // as fit MAX_GROUP, in a multiple of the trainers free now: 16 trials of 3 executions on 2 trainers
    // are 4 groups of 4 (two even rounds), not 5, 5, 5 and 1.
    const remaining =
      lanes.reduce((n, lane) => {
        const s = this.studies[lane];
        return n + Math.max(0, plannedWork(s.settings).trials - s.trials.length);
      }, 0) + 1;
    const perGroup = Math.max(1, Math.floor(MAX_GROUP / study.settings.executionsPerTrial));
    const groups = Math.ceil(Math.ceil(remaining / perGroup) / trainersFree) * trainersFree;
    const room = Math.max(1, Math.min(perGroup, Math.ceil(remaining / groups)));
    const firstRequest = requestOf(first);
    const candidates = [first];
    const requests = [firstRequest];
    const putBack: LaneTrial[] = [];
    for (const lane of lanes) {
      while (candidates.length < room) {
        const next = this.studies[lane].next();
        if (next.kind !== 'trial') break;
        const candidate = { lane, trial: next.trial };
        const request = requestOf(candidate);
        if (!canShareGroup(firstRequest, request)) {
          putBack.push(candidate);
          break;
        }
        candidates.push(candidate);
        requests.push(request);
      }
    }
    const group = planGroups(requests, backend, MEASURED_COSTS).find((g) => g.indices.includes(0));
    const joins = new Set(group?.fused ? group.indices : [0]);
    // Back in the order each lane proposed them.
    for (const c of [...candidates.filter((_, i) => !joins.has(i)), ...putBack].sort(
      (a, b) => a.lane - b.lane || a.trial.number - b.trial.number,
    ))
      this.studies[c.lane].requeue(c.trial.id);
    return candidates.filter((_, i) => joins.has(i));
  }

  /** `lane`, then the other lanes of the same tuner by their share (only `lane` when fusing within lanes). */
  private companionLanes(lane: number): number[] {
    if (this.options.fuseAcrossLanes === false) return [lane];
    const algorithm = this.studies[lane].settings.tuner.algorithm;
    return [
      lane,
      ...this.lanesByShare().filter(
        (other) => other !== lane && this.studies[other].settings.tuner.algorithm === algorithm,
      ),
    ];
  }
}

function roundKey(lane: number, trial: Trial): string {
  return trial.bracket !== undefined
    ? `${lane}:bracket ${trial.bracket} round ${trial.round ?? 0}`
    : `${lane}:trial ${trial.id}`;
}
