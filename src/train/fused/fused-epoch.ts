/**
 * One epoch of a fused group: per step a host-built [K, batch, …] batch, one gradient of the summed
 * member losses (each member's gradient is its own loss's: the sum only joins them), one update.
 * Nothing is read back until the epoch ends; then the losses and predictions come back in one go.
 */
import * as tf from '@tensorflow/tfjs';
import type { EncodedDataset } from '../../data/types';
import { streamRng, STREAM } from '../seeds';
import { writeDropoutMultiplier } from './dropout-mask';
import { forward, memberLosses, type RowWeights } from './fused-model';
import type { GroupParams, MemberStep } from './group-params';
import type { GroupShape } from './group-shape';
import type { Member } from './group-member';
import { EpochBatches, targetWidth, type GroupBatch } from './group-rows';

export interface GroupContext {
  data: EncodedDataset;
  shape: GroupShape;
  classes: number;
  params: GroupParams;
  /** Products member by member (groupProduct) rather than batched. */
  perMember: boolean;
}

export interface EpochOutcome {
  /** Each member's training loss, averaged over its rows. */
  losses: number[];
  /** Member k's training predictions (training mode) in its epoch order. */
  predictions: Float32Array[];
  /** Member k's labels in the same order. */
  labels: Float32Array[];
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
): { losses: tf.Tensor1D; predictions: tf.Tensor3D } {
  const { data, shape } = ctx;
  const k = members.length;
  const width = targetWidth(data, ctx.classes);
  const masks = dropoutMasks(members, shape, batch);
  const steps: MemberStep[] = members.map((m, j) => ({
    rate: m.clock.rate(),
    biasCorrections: m.clock.biasCorrections(),
    momentum: m.spec.momentum,
    active: batch.sizes[j] > 0,
  }));
  let losses: tf.Tensor1D | undefined;
  let predictions: tf.Tensor3D | undefined;
  tf.tidy(() => {
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
    const grads = tf.grads((...ws: tf.Tensor[]) => {
      predictions = tf.keep(forward(ws, x, shape.activation, data.task, dropout, ctx.perMember));
      losses = tf.keep(memberLosses(data.task, y, predictions, rowWeights));
      return tf.sum(losses);
    })(ctx.params.views());
    ctx.params.update(grads, steps);
  });
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
  const losses: tf.Tensor1D[] = [];
  const predictions: tf.Tensor3D[] = [];
  const sizes: number[][] = [];
  try {
    for (let s = 0; s < batches.steps; s++) {
      const batch = batches.batch(s);
      const out = trainStep(ctx, members, batch);
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
