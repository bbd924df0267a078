/**
 * One epoch of a fused group: per step a host-built [K, batch, …] batch, one gradient of the summed
 * member losses (each member's gradient is its own loss's: the sum only joins them), one flat update.
 * Nothing is read back until the epoch ends; then the losses and predictions come back in one go.
 */
import * as tf from '@tensorflow/tfjs';
import type { EncodedDataset } from '../../data/types';
import { streamRng, STREAM } from '../seeds';
import { writeDropoutMultiplier } from './dropout-mask';
import { forward, memberLosses, parameterViews, type RowWeights } from './fused-model';
import { applyUpdate, type StepColumns } from './fused-update';
import type { GroupShape, ParamSlot } from './group-shape';
import type { Member } from './group-member';
import { EpochBatches, targetWidth, type GroupBatch } from './group-rows';
import type { GroupState } from './group-state';

export interface GroupContext {
  data: EncodedDataset;
  shape: GroupShape;
  slots: ParamSlot[];
  classes: number;
  state: GroupState;
}

export interface EpochOutcome {
  /** Each member's training loss, averaged over its rows. */
  losses: number[];
  /** Member k's training predictions (training mode) in its epoch order. */
  predictions: Float32Array[];
  /** Member k's labels in the same order. */
  labels: Float32Array[];
}

/** Tensors of per-member constants that are reused while their values stay the same. */
class Columns {
  private cache = new Map<string, { values: Float32Array; tensor: tf.Tensor }>();

  get(name: string, values: Float32Array): tf.Tensor {
    const hit = this.cache.get(name);
    if (hit && hit.values.length === values.length && hit.values.every((v, i) => v === values[i]))
      return hit.tensor;
    hit?.tensor.dispose();
    const tensor = tf.tensor2d(values, [values.length, 1]);
    this.cache.set(name, { values, tensor });
    return tensor;
  }

  dispose(): void {
    for (const { tensor } of this.cache.values()) tensor.dispose();
    this.cache.clear();
  }
}

function stepColumns(members: Member[], columns: Columns, optimizer: GroupShape['optimizer']): StepColumns {
  const rates = Float32Array.from(members, (m) => m.clock.rate());
  const result: StepColumns = {
    rate: columns.get('rate', rates),
    negativeRate: columns.get(
      'negativeRate',
      rates.map((r) => -r),
    ),
  };
  if (optimizer === 'adam') {
    const corrections = members.map((m) => m.clock.biasCorrections());
    result.oneMinusBeta1Power = columns.get(
      'c1',
      Float32Array.from(corrections, (c) => c[0]),
    );
    result.oneMinusBeta2Power = columns.get(
      'c2',
      Float32Array.from(corrections, (c) => c[1]),
    );
  }
  if (optimizer === 'sgd')
    result.momentum = columns.get(
      'momentum',
      Float32Array.from(members, (m) => m.spec.momentum),
    );
  return result;
}

/** Dropout multipliers per hidden layer, [K, rows, width], each member's from its own seed and step. */
function dropoutMasks(members: Member[], shape: GroupShape, batch: GroupBatch): (Float32Array | undefined)[] {
  return shape.hidden.map((width, l) => {
    if (members.every((m) => m.spec.dropouts[l] === 0)) return undefined;
    const block = batch.rows * width;
    const mask = new Float32Array(members.length * block).fill(1);
    members.forEach((m, k) => {
      const rate = m.spec.dropouts[l];
      if (rate === 0 || batch.sizes[k] === 0) return;
      const seed = streamRng(m.request.seed, STREAM.dropout, m.clock.step, m.dropoutLayer[l]).seed();
      writeDropoutMultiplier(mask, k * block, width, batch.sizes[k], m.spec.units[l], rate, seed);
    });
    return mask;
  });
}

function trainStep(
  ctx: GroupContext,
  members: Member[],
  batch: GroupBatch,
  columns: StepColumns,
): { losses: tf.Tensor1D; predictions: tf.Tensor3D } {
  const { data, shape } = ctx;
  const k = members.length;
  const width = targetWidth(data, ctx.classes);
  const masks = dropoutMasks(members, shape, batch);
  let losses: tf.Tensor1D | undefined;
  let predictions: tf.Tensor3D | undefined;
  const [params, ...slots] = tf.tidy(() => {
    const x = tf.tensor3d(batch.x, [k, batch.rows, data.features]);
    const y = tf.tensor3d(batch.y, [k, batch.rows, width]);
    const dropout = masks.map((m, l) => m && tf.tensor3d(m, [k, batch.rows, shape.hidden[l]]));
    let rowWeights: RowWeights | undefined;
    if (!batch.uniform) {
      const weights = new Float32Array(k * batch.rows);
      batch.sizes.forEach((s, m) => weights.fill(1, m * batch.rows, m * batch.rows + s));
      rowWeights = {
        weights: tf.tensor2d(weights, [k, batch.rows]),
        counts: tf.tensor1d(batch.sizes.map((s) => Math.max(1, s))),
      };
    }
    const views = parameterViews(ctx.state.params, ctx.slots);
    const grads = tf.grads((...ws: tf.Tensor[]) => {
      predictions = tf.keep(forward(ws, x, shape.activation, data.task, dropout));
      losses = tf.keep(memberLosses(data.task, y, predictions, rowWeights));
      return tf.sum(losses);
    })(views);
    const flat = tf.concat(
      grads.map((g) => tf.reshape(g, [k, -1])),
      1,
    ) as tf.Tensor2D;
    const sitting = batch.sizes.some((s) => s === 0);
    const active = sitting
      ? tf.tensor2d(
          batch.sizes.map((s) => (s > 0 ? 1 : 0)),
          [k, 1],
          'bool',
        )
      : undefined;
    const next = applyUpdate(shape.optimizer, ctx.state, flat, columns, active);
    return [next.params, ...next.slots];
  }) as tf.Tensor2D[];
  ctx.state.replace({ params, slots });
  return { losses: losses!, predictions: predictions! };
}

export async function trainFusedEpoch(ctx: GroupContext, members: Member[]): Promise<EpochOutcome> {
  const batches = EpochBatches.forEpoch(
    ctx.data,
    members.map((m) => m.rows.train),
    members.map((m) => m.request.seed),
    members.map((m) => m.request.initialEpoch + m.history.length + 1),
    ctx.shape.batchSize,
    ctx.classes,
  );
  const columns = new Columns();
  const losses: tf.Tensor1D[] = [];
  const predictions: tf.Tensor3D[] = [];
  const sizes: number[][] = [];
  try {
    for (let s = 0; s < batches.steps; s++) {
      const batch = batches.batch(s);
      const out = trainStep(ctx, members, batch, stepColumns(members, columns, ctx.shape.optimizer));
      losses.push(out.losses);
      predictions.push(out.predictions);
      sizes.push(batch.sizes);
      members.forEach((m, k) => {
        if (batch.sizes[k] === 0) return;
        m.clock.advance();
        m.hasSlots = true;
      });
    }
    return await readEpoch(members, batches, losses, predictions, sizes, targetWidth(ctx.data, ctx.classes));
  } finally {
    columns.dispose();
    tf.dispose([...losses, ...predictions]);
  }
}

async function readEpoch(
  members: Member[],
  batches: EpochBatches,
  losses: tf.Tensor1D[],
  predictions: tf.Tensor3D[],
  sizes: number[][],
  width: number,
): Promise<EpochOutcome> {
  const k = members.length;
  const [lossTable, predictionTable] = tf.tidy(() => [tf.stack(losses), tf.concat(predictions, 1)]);
  try {
    const [lossValues, predictionValues] = (await Promise.all([
      lossTable.data(),
      predictionTable.data(),
    ])) as [Float32Array, Float32Array];
    const totalRows = predictionTable.shape[1];
    const out: EpochOutcome = { losses: [], predictions: [], labels: [] };
    members.forEach((m, j) => {
      const n = m.rows.train.length;
      let lossSum = 0;
      const own = new Float32Array(n * width);
      let written = 0;
      let column = 0;
      sizes.forEach((stepSizes, s) => {
        const rows = predictions[s].shape[1];
        const size = stepSizes[j];
        lossSum += lossValues[s * k + j] * size;
        const from = (j * totalRows + column) * width;
        own.set(predictionValues.subarray(from, from + size * width), written * width);
        written += size;
        column += rows;
      });
      out.losses.push(lossSum / n);
      out.predictions.push(own);
      out.labels.push(batches.labels(j));
    });
    return out;
  } finally {
    tf.dispose([lossTable, predictionTable]);
  }
}
