/**
 * One epoch of a fused group: per step a host-built [K, batch, …] batch, the gradients of the summed
 * member losses (each member's gradient is its own loss's: the sum only joins them; group-backward.ts),
 * one update. Nothing is read back until the epoch ends; then the predictions come back in one go and
 * the training losses are computed from them on the host.
 */
import * as tf from '@tensorflow/tfjs';
import type { EncodedDataset, Task } from '../../data/types';
import { streamRng, STREAM } from '../seeds';
import { writeDropoutMultiplier } from './dropout-mask';
import { groupGradients, type StepInputs } from './group-backward';
import { meanLoss } from './host-loss';
import type { GroupParams, MemberStep } from './group-params';
import type { GroupShape } from './group-shape';
import type { Member } from './group-member';
import { EpochBatches, targetWidth, type GroupBatch } from './group-rows';
import { pageCourtesy } from '../page-courtesy';

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

/** [K, rows, 1]: each row's weight in its member's mean loss; 0 on the rows a shorter batch pads. */
function rowScale(batch: GroupBatch): Float32Array {
  const scale = new Float32Array(batch.sizes.length * batch.rows);
  batch.sizes.forEach((size, k) => {
    if (size > 0) scale.fill(Math.fround(1 / size), k * batch.rows, k * batch.rows + size);
  });
  return scale;
}

/** One step: the group's gradients and update; returns the training-mode predictions [K, rows, width]. */
function trainStep(ctx: GroupContext, members: Member[], batch: GroupBatch): tf.Tensor3D {
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
  // A group of one steps in 2-D: on wasm each reshape between [1, …] and 2-D is a kernel launch.
  const alone = k === 1;
  const shaped = (values: Float32Array, columns: number) =>
    tf.tensor(values, alone ? [batch.rows, columns] : [k, batch.rows, columns]);
  return tf.tidy(() => {
    const inputs: StepInputs = {
      x: shaped(batch.x, data.features),
      y: shaped(batch.y, width),
      dropout: masks.map((m, l) => m && shaped(m, shape.hidden[l])),
      rowScale: shaped(rowScale(batch), 1),
    };
    const { predictions, grads } = groupGradients(
      ctx.params.views(!alone),
      inputs,
      shape.activation,
      data.task,
      ctx.perMember,
    );
    ctx.params.update(grads, steps);
    return (alone ? tf.expandDims(predictions, 0) : predictions) as tf.Tensor3D;
  });
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
  const predictions: tf.Tensor3D[] = [];
  const sizes: number[][] = [];
  try {
    for (let s = 0; s < batches.steps; s++) {
      await pageCourtesy.between();
      const batch = batches.batch(s);
      predictions.push(trainStep(ctx, members, batch));
      sizes.push(batch.sizes);
      members.forEach((m, k) => {
        if (batch.sizes[k] === 0) return;
        m.clock.advance();
        m.hasSlots = true;
      });
    }
    return await readEpoch(
      ctx.data.task,
      members,
      batches,
      predictions,
      sizes,
      targetWidth(ctx.data, ctx.classes),
    );
  } finally {
    tf.dispose(predictions);
  }
}

async function readEpoch(
  task: Task,
  members: Member[],
  batches: EpochBatches,
  predictions: tf.Tensor3D[],
  sizes: number[][],
  width: number,
): Promise<EpochOutcome> {
  const table = tf.concat(predictions, 1);
  try {
    const values = (await table.data()) as Float32Array;
    const totalRows = table.shape[1];
    const out: EpochOutcome = { losses: [], predictions: [], labels: [] };
    members.forEach((m, j) => {
      const n = m.rows.train.length;
      const own = new Float32Array(n * width);
      let written = 0;
      let column = 0;
      sizes.forEach((stepSizes, s) => {
        const size = stepSizes[j];
        const from = (j * totalRows + column) * width;
        own.set(values.subarray(from, from + size * width), written * width);
        written += size;
        column += predictions[s].shape[1];
      });
      const labels = batches.labels(j);
      out.losses.push(meanLoss(task, own, labels, width));
      out.predictions.push(own);
      out.labels.push(labels);
    });
    return out;
  } finally {
    table.dispose();
  }
}
