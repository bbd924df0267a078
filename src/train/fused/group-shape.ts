/** A fused group's padded shape and the layout of each member's parameters in it (which models may share a group: core/fusion). */
import { fusionKey, paddable } from '../../core/fusion/compatibility';
import type { Activation, OptimizerName, TrainSpec } from '../../core/model/spec';

export interface GroupShape {
  features: number;
  /** Units of the output layer (1, or the number of classes). */
  outputs: number;
  /** Width of each hidden layer: the widest member's. */
  hidden: number[];
  activation: Activation;
  optimizer: OptimizerName;
  batchSize: number;
}

/** One weight tensor of every member, at `offset` in a member's flat parameter row. */
export interface ParamSlot {
  layer: number;
  kind: 'kernel' | 'bias';
  offset: number;
  size: number;
  /** Padded shape without the member axis: kernels [in, out], biases [1, out]. */
  shape: [number, number];
}

/** The group's padded shape; throws with the reason when the specs cannot share one. */
export function groupShape(specs: TrainSpec[], features: number, outputs: number): GroupShape {
  if (specs.length === 0) throw new Error('a fused group needs at least one model');
  const first = specs[0];
  const key = fusionKey(first);
  specs.forEach((spec, i) => {
    if (fusionKey(spec) !== key) {
      throw new Error(
        `model ${i} cannot join the group: layers/activation/optimizer/batch size ${fusionKey(spec)} vs ${key}`,
      );
    }
  });
  const hidden = first.units.map((_, l) => Math.max(...specs.map((s) => s.units[l])));
  const mixed = specs.some((s) => s.units.some((u, l) => u !== hidden[l]));
  if (mixed && !paddable(first.activation)) {
    throw new Error(`different widths cannot be padded with ${first.activation} (it does not map 0 to 0)`);
  }
  return {
    features,
    outputs,
    hidden,
    activation: first.activation,
    optimizer: first.optimizer,
    batchSize: first.batchSize,
  };
}

/** Layer input and output widths: [features, ...units] → [...units, outputs]. */
export function layerWidths(units: number[], features: number, outputs: number): [number, number][] {
  const ins = [features, ...units];
  const outs = [...units, outputs];
  return ins.map((n, l) => [n, outs[l]]);
}

/** The flat parameter row of a member: kernel then bias of each Dense layer, in model.weights order. */
export function paramLayout(shape: GroupShape): { slots: ParamSlot[]; size: number } {
  const slots: ParamSlot[] = [];
  let offset = 0;
  layerWidths(shape.hidden, shape.features, shape.outputs).forEach(([n, m], layer) => {
    slots.push({ layer, kind: 'kernel', offset, size: n * m, shape: [n, m] });
    offset += n * m;
    slots.push({ layer, kind: 'bias', offset, size: m, shape: [1, m] });
    offset += m;
  });
  return { slots, size: offset };
}
