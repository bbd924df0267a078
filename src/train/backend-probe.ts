/** A short measured training probe on the current backend: a few Adam steps of an MLP of the trial's size. */
import * as tf from '@tensorflow/tfjs';

export interface ProbeShape {
  /** Input features. */
  inputs: number;
  /** Units per hidden layer. */
  units: number;
  batch: number;
  /** Hidden layers (default 2). */
  layers?: number;
  /** Timed steps after the untimed warm-up (default 5). */
  steps?: number;
}

const WARMUP_STEPS = 2;
/** The fastest of a few timed rounds: robust to a busy machine's pauses. */
const ROUNDS = 3;

/** Milliseconds for `steps` training steps (best of ROUNDS), after warm-up steps that compile kernels. */
export async function timeTrainingProbe(shape: ProbeShape): Promise<number> {
  const layers = shape.layers ?? 2;
  const steps = shape.steps ?? 5;
  const widths = [shape.inputs, ...Array.from({ length: layers }, () => shape.units), 1];
  const weights = widths
    .slice(1)
    .map((w, i) =>
      tf.tidy(() => tf.variable(tf.randomUniform([widths[i], w], -0.1, 0.1, 'float32', 17 + i))),
    );
  const x = tf.randomUniform([shape.batch, shape.inputs], -1, 1, 'float32', 3);
  const y = tf.randomUniform([shape.batch, 1], 0, 1, 'float32', 5);
  const optimizer = tf.train.adam(0.001);
  const step = () =>
    tf.tidy(() =>
      optimizer.minimize(
        () => {
          let h: tf.Tensor = x;
          weights.forEach((w, i) => {
            h = tf.matMul(h, w);
            if (i < weights.length - 1) h = tf.relu(h);
          });
          return tf.losses.meanSquaredError(y, h) as tf.Scalar;
        },
        true,
        weights,
      )!,
    );
  try {
    for (let i = 0; i < WARMUP_STEPS; i++) {
      const loss = step();
      await loss.data();
      loss.dispose();
    }
    let fastest = Infinity;
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      let last: tf.Scalar | undefined;
      for (let i = 0; i < steps; i++) {
        last?.dispose();
        last = step();
      }
      await last?.data();
      last?.dispose();
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  } finally {
    optimizer.dispose();
    tf.dispose([...weights, x, y]);
  }
}
