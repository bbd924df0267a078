/** The MLP of a trial: tf.sequential Dense (+ Dropout) layers, output and loss following the task. */
import * as tf from '@tensorflow/tfjs';
import { outputFor, type Task } from '../data/types';
import type { TrainSpec } from '../core/model/spec';
import { HIDDEN_ACTIVATIONS } from './activations';
import { denseProduct, prefersUntransposed } from './dense-product';
import { streamRng, STREAM } from './seeds';
import type { ModelArtifacts } from './types';

export interface ModelShape {
  features: number;
  task: Task;
  /** Number of classes (multiclass); ignored otherwise. */
  classes: number;
}

/** Weights are drawn from glorotUniform seeded by the trial seed: the same seed gives the same model. */
export function buildModel(spec: TrainSpec, shape: ModelShape, seed: number): tf.Sequential {
  const init = streamRng(seed, STREAM.init);
  const model = tf.sequential();
  let inputShape: number[] | undefined = [shape.features];
  spec.units.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: spec.activation,
        kernelInitializer: tf.initializers.glorotUniform({ seed: init.seed() }),
        inputShape,
      }),
    );
    inputShape = undefined;
    if (spec.dropouts[i] > 0) model.add(tf.layers.dropout({ rate: spec.dropouts[i] }));
  });
  const out = outputFor(shape.task, shape.classes);
  model.add(
    tf.layers.dense({
      units: out.units,
      activation: out.activation as 'sigmoid' | 'softmax' | 'linear',
      kernelInitializer: tf.initializers.glorotUniform({ seed: init.seed() }),
      inputShape,
    }),
  );
  return model;
}

/**
 * Forward pass in training mode. Dropout masks are seeded per (trial seed, global step, layer) rather
 * than by the layer (whose fixed seed would repeat one mask every batch), so resuming reproduces them.
 */
export function forwardTrain(model: tf.Sequential, x: tf.Tensor, seed: number, step: number): tf.Tensor {
  const untransposed = prefersUntransposed();
  let h = x;
  model.layers.forEach((layer, i) => {
    if (layer.getClassName() === 'Dropout') {
      const rate = (layer.getConfig() as { rate: number }).rate;
      h = tf.dropout(h, rate, undefined, streamRng(seed, STREAM.dropout, step, i).seed());
    } else {
      h = untransposed ? applyDense(layer, h as tf.Tensor2D) : (layer.apply(h) as tf.Tensor);
    }
  });
  return h;
}

/** Every activation a Dense layer may have: the hidden ones and the output's softmax. */
const ACTIVATION_OPS: Record<string, (z: tf.Tensor) => tf.Tensor> = {
  ...HIDDEN_ACTIVATIONS,
  softmax: (z) => tf.softmax(z, -1),
};

/** A Dense layer as matMul, bias add and activation, the matMul's gradients in denseProduct's layouts. */
function applyDense(layer: tf.layers.Layer, x: tf.Tensor2D): tf.Tensor {
  const [kernel, bias] = layer.weights.map((w) => w.read());
  const activation = (layer.getConfig() as { activation: string }).activation;
  const op = ACTIVATION_OPS[activation];
  if (!op) throw new Error(`no training op for the activation ${activation}`);
  return op(tf.add(denseProduct(x, kernel as tf.Tensor2D), bias));
}

/** Inference-mode predictions, in chunks so a large validation set does not need one huge activation. */
export function predictInChunks(model: tf.Sequential, x: tf.Tensor2D, chunkRows = 8192): tf.Tensor {
  return model.predict(x, { batchSize: chunkRows }) as tf.Tensor;
}

/** model.json text (weights manifest pointing at 'weights.bin') and the weights file, via a save handler. */
export async function exportModelArtifacts(model: tf.LayersModel): Promise<ModelArtifacts> {
  let captured: ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      const weights =
        data === undefined
          ? new ArrayBuffer(0)
          : Array.isArray(data)
            ? tf.io.concatenateArrayBuffers(data)
            : data;
      const modelJson = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
      };
      captured = { modelJson: JSON.stringify(modelJson), weights };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (!captured) throw new Error('exportModelArtifacts: the save handler was not called');
  return captured;
}
