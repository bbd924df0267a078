/** Checkpoints as plain data (ArrayBuffers, transferable): model weights, optimizer state, schedule position. */
import * as tf from '@tensorflow/tfjs';
import type { ScheduledOptimizer } from './optimizer';
import type { Checkpoint, TensorData } from './types';

async function toTensorData(name: string, t: tf.Tensor): Promise<TensorData> {
  const dtype = t.dtype === 'int32' ? 'int32' : 'float32';
  if (t.dtype !== dtype) throw new Error(`checkpoint: unsupported dtype ${t.dtype} for ${name}`);
  const values = (await t.data()) as Float32Array | Int32Array;
  return { name, shape: t.shape.slice(), dtype, buffer: values.slice().buffer as ArrayBuffer };
}

function toTensor(d: TensorData): tf.Tensor {
  const values = d.dtype === 'int32' ? new Int32Array(d.buffer) : new Float32Array(d.buffer);
  return tf.tensor(values, d.shape, d.dtype);
}

export async function captureCheckpoint(
  model: tf.LayersModel,
  opt: ScheduledOptimizer,
  globalStep: number,
  epoch: number,
): Promise<Checkpoint> {
  const weights = await Promise.all(model.weights.map((w) => toTensorData(w.originalName, w.read())));
  const named = await opt.optimizer.getWeights();
  const optimizerWeights = await Promise.all(named.map((n) => toTensorData(n.name, n.tensor)));
  // getWeights() creates the iteration scalar afresh; the moment variables belong to the optimizer.
  const iter = named.find((n) => n.name === 'iter');
  iter?.tensor.dispose();
  return { weights, optimizerWeights, globalStep, epoch, optimizer: opt.name };
}

/** Loads the checkpoint into a freshly built model and optimizer of the same architecture and kind. */
export async function restoreCheckpoint(
  model: tf.LayersModel,
  opt: ScheduledOptimizer,
  cp: Checkpoint,
): Promise<void> {
  if (cp.optimizer !== opt.name)
    throw new Error(`checkpoint: saved with ${cp.optimizer}, cannot continue with ${opt.name}`);
  const targets = model.weights;
  if (targets.length !== cp.weights.length) {
    throw new Error(`checkpoint: ${cp.weights.length} weight tensors for a model with ${targets.length}`);
  }
  cp.weights.forEach((w, i) => {
    if (w.shape.join('x') !== targets[i].shape.join('x')) {
      throw new Error(
        `checkpoint: ${w.name} has shape [${w.shape}], the model expects [${targets[i].shape}]`,
      );
    }
  });
  const weightTensors = cp.weights.map(toTensor);
  model.setWeights(weightTensors);
  tf.dispose(weightTensors);
  if (cp.optimizerWeights.length > 0) {
    const named = cp.optimizerWeights.map((d) => ({ name: d.name, tensor: toTensor(d) }));
    await opt.optimizer.setWeights(named);
    tf.dispose(named.map((n) => n.tensor));
  }
}

/** The buffers to list as transferables when posting the checkpoint (each buffer once). */
export function checkpointBuffers(cp: Checkpoint): ArrayBuffer[] {
  return [...new Set([...cp.weights, ...cp.optimizerWeights].map((d) => d.buffer))];
}
