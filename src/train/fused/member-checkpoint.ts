/**
 * A member's state (weights, optimizer slots, iteration count) to and from the Checkpoint format that
 * trainTrial writes and reads, so a model trained in a group can continue alone and the other way round.
 * Optimizer slots follow tfjs' getWeights(): 'iter' (int32) first, then each slot kind for every weight.
 */
import type { TrainSpec } from '../../core/model/spec';
import type { OptimizerName } from '../../core/model/spec';
import type { Checkpoint, TensorData } from '../types';

export interface MemberState {
  /** In model.weights order, the member's own shapes. */
  weights: Float32Array[];
  /** slots[s][w]: slot kind s of weight w; empty when the optimizer has none (yet). */
  slots: Float32Array[][];
  /** Optimizer iterations so far (Adam's bias correction counts them). */
  iterations: number;
}

/** The slot kinds tfjs keeps per weight, by the names it gives them. */
export function slotNames(spec: Pick<TrainSpec, 'optimizer' | 'momentum'>): string[] {
  if (spec.optimizer === 'adam') return ['m', 'v'];
  if (spec.optimizer === 'rmsprop') return ['rms', 'momentum'];
  return spec.momentum > 0 ? ['momentum'] : [];
}

const weightName = (i: number) => `dense_${i >> 1}/${i % 2 === 0 ? 'kernel' : 'bias'}`;

function tensorData(name: string, shape: number[], values: Float32Array): TensorData {
  return { name, shape, dtype: 'float32', buffer: values.slice().buffer as ArrayBuffer };
}

export function checkpointOf(
  state: MemberState,
  spec: Pick<TrainSpec, 'optimizer' | 'momentum'>,
  shapes: number[][],
  globalStep: number,
  epoch: number,
): Checkpoint {
  // An optimizer that has not stepped yet has no slot tensors, and tfjs saves none.
  const names = state.slots.length > 0 ? slotNames(spec) : [];
  const iter: TensorData = {
    name: 'iter',
    shape: [],
    dtype: 'int32',
    buffer: Int32Array.of(state.iterations).buffer as ArrayBuffer,
  };
  const slotData = names.flatMap((slot, s) =>
    state.weights.map((_, w) => tensorData(`${weightName(w)}/${slot}`, shapes[w], state.slots[s][w])),
  );
  return {
    weights: state.weights.map((values, w) => tensorData(weightName(w), shapes[w], values)),
    optimizerWeights: [iter, ...slotData],
    globalStep,
    epoch,
    optimizer: spec.optimizer as OptimizerName,
  };
}

function floats(d: TensorData): Float32Array {
  if (d.dtype !== 'float32') throw new Error(`checkpoint: ${d.name} is ${d.dtype}, expected float32`);
  return new Float32Array(d.buffer.slice(0));
}

/** Reads a checkpoint made for this member's architecture; slots come back empty when it has none. */
export function stateFromCheckpoint(
  cp: Checkpoint,
  spec: Pick<TrainSpec, 'optimizer' | 'momentum'>,
  shapes: number[][],
): MemberState {
  if (cp.optimizer !== spec.optimizer)
    throw new Error(`checkpoint: saved with ${cp.optimizer}, cannot continue with ${spec.optimizer}`);
  if (cp.weights.length !== shapes.length) {
    throw new Error(`checkpoint: ${cp.weights.length} weight tensors for a model with ${shapes.length}`);
  }
  cp.weights.forEach((w, i) => {
    if (w.shape.join('x') !== shapes[i].join('x'))
      throw new Error(`checkpoint: ${w.name} has shape [${w.shape}], the model expects [${shapes[i]}]`);
  });
  const [iter, ...rest] = cp.optimizerWeights;
  const iterations = !iter
    ? 0
    : iter.dtype === 'int32'
      ? new Int32Array(iter.buffer)[0]
      : new Float32Array(iter.buffer)[0];
  const kinds = rest.length / shapes.length;
  if (rest.length > 0 && (!Number.isInteger(kinds) || kinds !== slotNames(spec).length)) {
    throw new Error(
      `checkpoint: ${rest.length} optimizer tensors do not fit ${shapes.length} weights × ${slotNames(spec).length} slots`,
    );
  }
  rest.forEach((d, i) => {
    const expected = shapes[i % shapes.length];
    if (d.shape.join('x') !== expected.join('x'))
      throw new Error(`checkpoint: ${d.name} has shape [${d.shape}], the model expects [${expected}]`);
  });
  const slots = Array.from({ length: rest.length > 0 ? kinds : 0 }, (_, s) =>
    rest.slice(s * shapes.length, (s + 1) * shapes.length).map(floats),
  );
  return { weights: cp.weights.map(floats), slots, iterations };
}
