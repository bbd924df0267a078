/**
 * trainGroup: K compatible trials trained as one fused model, each with the results trainTrial would
 * give it alone (per-epoch reports, early stopping, divergence, checkpoints), within float tolerance.
 * Members leave the group as they finish (stopped, early-stopped, diverged, out of epochs): their rows
 * are dropped from the device state, so a diverged member's NaNs never meet the others.
 */
import * as tf from '@tensorflow/tfjs';
import { outputFor, type EncodedDataset } from '../../data/types';
import { readTrainSpec } from '../../core/model/spec';
import { taskMetrics } from '../metrics';
import { metricsWithErrors } from '../metric-errors';
import { perMemberProducts } from '../dense-product';
import { buildModel, exportModelArtifacts } from '../model';
import { earlyStopReason, validateRequest, yieldToEvents } from '../trial-control';
import type { EpochReport, ModelArtifacts, TrainRequest, TrainResult } from '../types';
import { trainFusedEpoch, type GroupContext } from './fused-epoch';
import { DeviceParams } from './device-params';
import {
  slotCount,
  updatePlaceFor,
  type GroupParams,
  type HostState,
  type UpdatePlace,
} from './group-params';
import { HostParams } from './host-params';
import { createMember, initialState, nextEpoch, type Member } from './group-member';
import { checkLabels } from './group-rows';
import { groupShape, paramLayout, type GroupShape, type ParamSlot } from './group-shape';
import { ValidationSet } from './group-validation';
import { checkpointOf, type MemberState } from './member-checkpoint';
import { emptySlotArrays, packMember, unpackMember, type SlotArrays } from './member-params';

type Outcome = Omit<TrainResult, 'history' | 'epochsTrained' | 'ms' | 'checkpoint' | 'model'>;

interface Leaving {
  member: Member;
  outcome: Outcome;
}

function classCount(data: EncodedDataset): number {
  return data.task === 'multiclass' ? data.classNames.length : 1;
}

/** The members' starting states as the group's slot-major host arrays. */
function packStates(
  states: MemberState[],
  members: Member[],
  slots: ParamSlot[],
  slotKinds: number,
): HostState {
  const k = members.length;
  const host: HostState = {
    params: emptySlotArrays(k, slots),
    slots: Array.from({ length: slotKinds }, () => emptySlotArrays(k, slots)),
  };
  states.forEach((state, m) => {
    packMember(host.params, m, state.weights, slots, members[m].dims);
    state.slots.forEach((values, s) => {
      if (s < slotKinds) packMember(host.slots[s], m, values, slots, members[m].dims);
    });
  });
  return host;
}

function createParams(
  place: UpdatePlace,
  shape: GroupShape,
  layout: { slots: ParamSlot[]; size: number },
  host: HostState,
  members: number,
): GroupParams {
  return place === 'host'
    ? new HostParams(shape.optimizer, layout.slots, host, members)
    : new DeviceParams(shape.optimizer, layout.slots, layout.size, host, members);
}

export interface GroupOptions {
  /** Where the optimizer update runs; by default the faster place for the active backend. */
  update?: UpdatePlace;
  /** Products member by member rather than batched; by default as perMemberProducts says. */
  perMember?: boolean;
}

async function exportMember(
  data: EncodedDataset,
  member: Member,
  weights: Float32Array[],
): Promise<ModelArtifacts> {
  const model = buildModel(
    member.spec,
    { features: data.features, task: data.task, classes: classCount(data) },
    member.request.seed,
  );
  try {
    const tensors = weights.map((w, i) => tf.tensor(w, member.shapes[i]));
    model.setWeights(tensors);
    tf.dispose(tensors);
    return await exportModelArtifacts(model);
  } finally {
    model.dispose();
  }
}

/**
 * Trains every request to its `epochs`; results come back in request order, shaped as trainTrial's.
 * Requests must share depth, activation, optimizer kind and batch size (groupShape says why not);
 * widths may differ for zero-preserving activations (the narrower are padded).
 * A report's `ms` and a result's `ms` are the member's share of the group's wall time.
 */
export async function trainGroup(
  data: EncodedDataset,
  requests: TrainRequest[],
  onEpoch?: (index: number, report: EpochReport) => void,
  shouldStop?: (index: number) => boolean,
  atEpochBoundary?: () => Promise<void>,
  options: GroupOptions = {},
): Promise<TrainResult[]> {
  const started = performance.now();
  requests.forEach(validateRequest);
  const specs = requests.map((r) => readTrainSpec(r.config));
  const classes = classCount(data);
  const outputs = outputFor(data.task, classes).units;
  const shape = groupShape(specs, data.features, outputs);
  const layout = paramLayout(shape);
  let members = requests.map((r, i) => createMember(data, r, specs[i], i, layout.slots, outputs));
  for (const m of members) {
    checkLabels(data, m.rows.train, classes);
    checkLabels(data, m.rows.validation, classes);
  }
  const states = await Promise.all(members.map((m) => initialState(data, m, classes)));
  const slotKinds = slotCount(
    shape.optimizer,
    specs.some((s) => s.momentum > 0),
  );
  const ctx: GroupContext = {
    data,
    shape,
    classes,
    perMember: options.perMember ?? perMemberProducts(requests.length),
    params: createParams(
      options.update ?? updatePlaceFor(tf.getBackend()),
      shape,
      layout,
      packStates(states, members, layout.slots, slotKinds),
      members.length,
    ),
  };
  const results: TrainResult[] = new Array(requests.length);
  let validation: ValidationSet | undefined;
  try {
    validation = new ValidationSet(
      data,
      members.map((m) => m.rows.validation),
      classes,
    );
    const setupShare = (performance.now() - started) / members.length;
    members.forEach((m) => (m.ms += setupShare));

    /** Records the leaving members' results (one read of the device state for all) and drops their rows. */
    const leave = async (leaving: Leaving[]): Promise<void> => {
      if (leaving.length === 0) return;
      const wanted = leaving.some(
        (l) =>
          l.outcome.status !== 'failed' && (l.member.request.keepCheckpoint || l.member.request.keepModel),
      );
      const host = wanted ? await ctx.params.download() : undefined;
      for (const { member, outcome } of leaving) {
        const at = members.indexOf(member);
        const ok = outcome.status !== 'failed';
        const read = (arrays: SlotArrays) => unpackMember(arrays, at, layout.slots, member.dims);
        const weights = host && ok ? read(host.params) : undefined;
        const state: MemberState | undefined = weights && {
          weights,
          slots: member.hasSlots ? host!.slots.slice(0, slotKindsOf(member)).map(read) : [],
          iterations: member.clock.iterations,
        };
        results[member.index] = {
          ...outcome,
          history: member.history,
          checkpoint:
            ok && member.request.keepCheckpoint && state
              ? checkpointOf(state, member.spec, member.shapes, member.clock.step, nextEpoch(member) - 1)
              : undefined,
          model:
            ok && member.request.keepModel && weights ? await exportMember(data, member, weights) : undefined,
          epochsTrained: member.history.length,
          ms: member.ms,
        };
      }
      const gone = new Set(leaving.map((l) => l.member));
      const staying = members.flatMap((m, k) => (gone.has(m) ? [] : [k]));
      if (staying.length > 0) {
        ctx.params.keep(staying);
        validation!.keep(staying);
      }
      members = staying.map((k) => members[k]);
    };

    await leave(
      members
        .filter((m) => m.request.epochs === m.request.initialEpoch)
        .map((member) => ({ member, outcome: { status: 'completed' } })),
    );
    while (members.length > 0) {
      await atEpochBoundary?.();
      await leave(
        members
          .filter((m) => shouldStop?.(m.index))
          .map((member) => ({
            member,
            outcome: { status: 'stopped', reason: `stopped before epoch ${nextEpoch(member)}` },
          })),
      );
      if (members.length === 0) break;
      const epochStarted = performance.now();
      const learningRates = members.map((m) => m.clock.rate());
      const trained = await trainFusedEpoch(ctx, members);
      const widest = Math.max(...shape.hidden, shape.outputs);
      const evaluation = await validation.evaluate(
        () => ctx.params.views(),
        members.length,
        shape.activation,
        widest,
        ctx.perMember,
      );
      const share = (performance.now() - epochStarted) / members.length;
      const leaving: Leaving[] = [];
      members.forEach((m, k) => {
        const epoch = nextEpoch(m);
        m.ms += share;
        const loss = trained.losses[k];
        const valLoss = evaluation.losses[k];
        if (!Number.isFinite(loss) || !Number.isFinite(valLoss)) {
          leaving.push({ member: m, outcome: { status: 'failed', reason: `diverged at epoch ${epoch}` } });
          return;
        }
        const validated = metricsWithErrors(
          data.task,
          'val_',
          valLoss,
          evaluation.predictions[k],
          validation!.labels(k),
          classes,
        );
        const report: EpochReport = {
          epoch,
          metrics: {
            loss,
            ...taskMetrics(data.task, '', trained.predictions[k], trained.labels[k], classes),
            ...validated.metrics,
          },
          errors: validated.errors,
          learningRate: learningRates[k],
          step: m.clock.step,
          ms: share,
        };
        m.history.push(report);
        onEpoch?.(m.index, report);
        if (m.monitor?.update(report.metrics) && epoch < m.request.epochs) {
          leaving.push({
            member: m,
            outcome: {
              status: 'completed',
              earlyStopped: true,
              reason: earlyStopReason(m.request.earlyStopping!, epoch),
            },
          });
        } else if (epoch === m.request.epochs) {
          leaving.push({ member: m, outcome: { status: 'completed' } });
        }
      });
      await leave(leaving);
      await yieldToEvents();
    }
    return results;
  } finally {
    ctx.params.dispose();
    validation?.dispose();
  }
}

function slotKindsOf(member: Member): number {
  return slotCount(member.spec.optimizer, member.spec.momentum > 0);
}
