/** One model of a fused group, on the host: its request, rows, schedule position and results so far. */
import type { EncodedDataset } from '../../data/types';
import { buildModel } from '../model';
import type { TrainSpec } from '../../core/model/spec';
import { EarlyStopMonitor } from '../trial-control';
import type { EpochReport, TrainRequest } from '../types';
import { layerWidths, type ParamSlot } from './group-shape';
import { trialRows, type RowSelection } from '../rows';
import { stateFromCheckpoint, type MemberState } from './member-checkpoint';
import { MemberClock } from './member-clock';
import { weightShapes, type LayerDims } from './member-params';

export interface Member {
  /** Position in the caller's request list. */
  index: number;
  request: TrainRequest;
  spec: TrainSpec;
  rows: RowSelection;
  dims: LayerDims;
  /** Weight shapes as its own model has them. */
  shapes: number[][];
  clock: MemberClock;
  monitor?: EarlyStopMonitor;
  history: EpochReport[];
  /** Its share of the group's wall time so far. */
  ms: number;
  /** Whether its optimizer has slot tensors yet: tfjs creates them at the first step (or from a checkpoint). */
  hasSlots: boolean;
  /** Index of the Dropout layer after hidden layer l in its own model.layers (dropout masks are seeded by it). */
  dropoutLayer: number[];
}

/** Each Dense counts one layer and each nonzero dropout one more, as buildModel adds them. */
function dropoutLayerIndices(spec: TrainSpec): number[] {
  let at = 0;
  return spec.dropouts.map((rate) => {
    at++;
    if (rate === 0) return -1;
    return at++;
  });
}

export function createMember(
  data: EncodedDataset,
  request: TrainRequest,
  spec: TrainSpec,
  index: number,
  slots: ParamSlot[],
  outputs: number,
): Member {
  const dims = layerWidths(spec.units, data.features, outputs);
  return {
    index,
    request,
    spec,
    rows: trialRows(data, request),
    dims,
    shapes: weightShapes(slots, dims),
    clock: new MemberClock(spec.schedule, request.checkpoint?.globalStep ?? 0, 0),
    monitor: request.earlyStopping ? new EarlyStopMonitor(request.earlyStopping) : undefined,
    history: [],
    ms: 0,
    hasSlots: false,
    dropoutLayer: dropoutLayerIndices(spec),
  };
}

/** The member's starting state: its checkpoint, or the weights buildModel initialises for its seed. */
export async function initialState(
  data: EncodedDataset,
  member: Member,
  classes: number,
): Promise<MemberState> {
  const { request, spec } = member;
  if (request.checkpoint) {
    const state = stateFromCheckpoint(request.checkpoint, spec, member.shapes);
    member.clock = new MemberClock(spec.schedule, request.checkpoint.globalStep, state.iterations);
    member.hasSlots = state.slots.length > 0;
    return state;
  }
  const model = buildModel(spec, { features: data.features, task: data.task, classes }, request.seed);
  try {
    const weights = await Promise.all(model.weights.map((w) => w.read().data() as Promise<Float32Array>));
    return { weights, slots: [], iterations: 0 };
  } finally {
    model.dispose();
  }
}

/** Absolute 1-based epoch the member trains next. */
export function nextEpoch(member: Member): number {
  return member.request.initialEpoch + member.history.length + 1;
}
